package dev.spotifybff.auth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.spotifybff.errors.ErrorCode;
import dev.spotifybff.session.SessionStoreUnavailableException;
import dev.spotifybff.session.Sessions;

/**
 * POST /logout (with X-CSRF: 1): deletes the server-side session and its tokens, and expires the
 * cookie. Spotify has no end-session endpoint, so this is all a logout can do; it answers 204 even
 * without a session, so the SPA can always call it. It fails closed: when the store cannot delete,
 * the cookie is expired all the same (on a shared computer, the next person must not be logged in)
 * and the answer is 503 logout_incomplete, so the SPA can say the server has not ended it yet.
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
        try {
            cookies.read(headers).flatMap(sessions::idFromCookie).ifPresent(id -> {
                sessions.end(id);
                LOG.infof("logout: session %s", id.logId());
            });
        } catch (SessionStoreUnavailableException e) {
            LOG.warnf("logout incomplete, cookie expired anyway: %s", e.getMessage());
            return Response.status(ErrorCode.LOGOUT_INCOMPLETE.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorCode.LOGOUT_INCOMPLETE.body())
                    .header(HttpHeaders.SET_COOKIE, cookies.expired()).build();
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookies.expired()).build();
    }
}
