package dev.spotifybff.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.NewCookie;

/** A session cookie re-sealed with the current secret during this request, for CurrentSession to send. */
@RequestScoped
public class ResealedCookie {

    private NewCookie cookie;

    void set(NewCookie cookie) {
        this.cookie = cookie;
    }

    NewCookie get() {
        return cookie;
    }
}
