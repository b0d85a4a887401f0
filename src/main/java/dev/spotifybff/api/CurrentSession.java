package dev.spotifybff.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import dev.spotifybff.auth.SessionCookies;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.Sessions;

/**
 * The session behind a request's cookie, or 401 login_required (never a redirect). During a secret
 * rotation, a cookie sealed with the previous secret is re-sealed with the new one on its next use.
 */
@ApplicationScoped
public class CurrentSession {

    private final SessionCookies cookies;
    private final Sessions sessions;
    private final ResealedCookie resealed;

    CurrentSession(SessionCookies cookies, Sessions sessions, ResealedCookie resealed) {
        this.cookies = cookies;
        this.sessions = sessions;
        this.resealed = resealed;
    }

    public ActiveSession require(HttpHeaders headers) {
        String cookie = cookies.read(headers, cookies.sessionName()).orElseThrow(ApiException::loginRequired);
        ActiveSession active = sessions.resolve(cookie).orElseThrow(ApiException::loginRequired);
        if (sessions.cookieNeedsResealing(cookie)) {
            resealed.set(cookies.session(sessions.cookieValue(active.id())));
        }
        return active;
    }
}
