package dev.spotifybff.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import dev.spotifybff.auth.SessionCookies;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.Sessions;

/** The session behind a request's cookie, or 401 login_required (never a redirect). */
@ApplicationScoped
public class CurrentSession {

    private final SessionCookies cookies;
    private final Sessions sessions;

    CurrentSession(SessionCookies cookies, Sessions sessions) {
        this.cookies = cookies;
        this.sessions = sessions;
    }

    public ActiveSession require(HttpHeaders headers) {
        return cookies.read(headers, cookies.sessionName())
                .flatMap(sessions::resolve)
                .orElseThrow(ApiException::loginRequired);
    }
}
