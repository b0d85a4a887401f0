package dev.spotifybff.api;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.spotifybff.auth.SessionCookies;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.errors.ApiException;

/**
 * The session behind a request's cookie, or 401 login_required (never a redirect). During a secret
 * rotation, a cookie sealed with the previous secret is re-sealed with the new one on its next use.
 */
@ApplicationScoped
public class CurrentSession {

    private final SessionCookies cookies;
    private final Sessions sessions;
    private final ResealedCookie resealed;
    private final boolean rotating;

    CurrentSession(SessionCookies cookies, Sessions sessions, ResealedCookie resealed) {
        this.cookies = cookies;
        this.sessions = sessions;
        this.resealed = resealed;
        this.rotating = sessions.cookieSecretRotating();
    }

    public ActiveSession require(HttpHeaders headers) {
        return find(headers).orElseThrow(ApiException::loginRequired);
    }

    /** The session, or empty when there is none: for the one endpoint where that is an answer, not an error. */
    public Optional<ActiveSession> find(HttpHeaders headers) {
        Optional<String> cookie = cookies.read(headers);
        Optional<ActiveSession> active = cookie.flatMap(sessions::resolve);
        if (rotating && active.isPresent() && sessions.cookieNeedsResealing(cookie.get())) {
            resealed.set(cookies.session(sessions.cookieValue(active.get().id())));
        }
        return active;
    }

    /**
     * Sends the re-sealed cookie. Only while a previous secret is configured: otherwise nothing is
     * ever re-sealed, and the request-scoped holder need not be created for every response.
     */
    @ServerResponseFilter
    void sendResealedCookie(ContainerResponseContext response) {
        if (rotating && resealed.get() != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, resealed.get());
        }
    }
}
