package dev.spotifybff.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.session.Session;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.session.SessionStoreUnavailableException;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.spotify.SpotifyAccounts;
import dev.spotifybff.spotify.TokenEndpointException;
import dev.spotifybff.spotify.TokenResponse;

/**
 * GET /callback, the redirect URI: checks the state against the sealed login cookie, exchanges the
 * code (with the PKCE verifier), stores the tokens server-side and sets the session cookie. Every
 * failure sends the browser to /?error=&lt;code&gt; with no session; the login cookie is always
 * cleared, so a replayed callback finds nothing to finish.
 */
@Path("/callback")
public class CallbackResource {

    private static final Logger LOG = Logger.getLogger(CallbackResource.class);

    private final PendingLogins pendingLogins;
    private final SessionCookies cookies;
    private final SpotifyAccounts accounts;
    private final Sessions sessions;
    private final Clock clock;
    private final BffMetrics metrics;

    CallbackResource(PendingLogins pendingLogins, SessionCookies cookies, SpotifyAccounts accounts,
            Sessions sessions, Clock clock, BffMetrics metrics) {
        this.metrics = metrics;
        this.pendingLogins = pendingLogins;
        this.cookies = cookies;
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GET
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @Context HttpHeaders headers) {
        if (error != null) {
            return fail("access_denied".equals(error) ? LoginError.ACCESS_DENIED : LoginError.AUTHORIZE_FAILED);
        }
        Optional<PendingLogin> pending = cookies.read(headers, cookies.loginName()).flatMap(pendingLogins::open);
        if (pending.isEmpty()) {
            return fail(LoginError.LOGIN_EXPIRED);
        }
        if (state == null || !constantTimeEquals(state, pending.get().state())) {
            return fail(LoginError.STATE_MISMATCH);
        }
        if (code == null || code.isBlank()) {
            return fail(LoginError.MISSING_CODE);
        }
        TokenResponse tokens;
        try {
            tokens = accounts.exchangeCode(code, pending.get().codeVerifier());
        } catch (TokenEndpointException e) {
            LOG.warnf("login failed: %s", e.getMessage());
            return fail(e.kind() == TokenEndpointException.Kind.UNAVAILABLE
                    ? LoginError.SPOTIFY_UNAVAILABLE
                    : LoginError.LOGIN_FAILED);
        }
        if (tokens.refreshToken() == null || tokens.refreshToken().isBlank()) {
            LOG.warn("login failed: token endpoint answered no refresh_token");
            return fail(LoginError.LOGIN_FAILED);
        }
        SessionId id;
        try {
            // A fresh id at every login (no session fixation); an older session of this browser ends.
            cookies.read(headers, cookies.sessionName()).flatMap(sessions::idFromCookie).ifPresent(sessions::end);
            var now = clock.instant();
            id = sessions.create(new Session(tokens.accessToken(), tokens.refreshToken(),
                    now.plusSeconds(tokens.expiresIn()), tokens.scope(), now));
        } catch (SessionStoreUnavailableException e) {
            LOG.warnf("login failed: %s", e.getMessage());
            return fail(LoginError.SESSION_STORE_UNAVAILABLE);
        }
        LOG.infof("login completed: session %s", id.logId());
        metrics.loginCompleted();
        return Response.status(Response.Status.FOUND).location(URI.create(pending.get().returnTo()))
                .cookie(cookies.expired(cookies.loginName()), cookies.session(sessions.cookieValue(id)))
                .build();
    }

    private Response fail(LoginError error) {
        LOG.infof("login failed: %s", error.code());
        metrics.loginFailed(error.code());
        return Response.status(Response.Status.FOUND).location(URI.create("/?error=" + error.code()))
                .cookie(cookies.expired(cookies.loginName()))
                .build();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
