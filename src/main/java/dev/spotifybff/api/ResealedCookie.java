package dev.spotifybff.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A session cookie re-sealed with the current secret during this request, sent with the response. */
@RequestScoped
public class ResealedCookie {

    private NewCookie cookie;

    void set(NewCookie cookie) {
        this.cookie = cookie;
    }

    @ServerResponseFilter
    void addTo(ContainerResponseContext response) {
        if (cookie != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
