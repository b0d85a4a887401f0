package dev.spotifybff.auth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.spotifybff.session.Sessions;

/**
 * POST /logout (with X-CSRF: 1): deletes the server-side session and its tokens, and expires the
 * cookie. Spotify has no end-session endpoint, so this is all a logout can do; it answers 204 even
 * without a session, so the SPA can always call it.
 */
@Path("/logout")
public class LogoutResource {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class);

    private final SessionCookies cookies;
    private final Sessions sessions;

    LogoutResource(SessionCookies cookies, Sessions sessions) {
        this.cookies = cookies;
        this.sessions = sessions;
    }

    @POST
    public Response logout(@Context HttpHeaders headers) {
        cookies.read(headers).flatMap(sessions::idFromCookie).ifPresent(id -> {
            sessions.end(id);
            LOG.infof("logout: session %s", id.logId());
        });
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookies.expired()).build();
    }
}
