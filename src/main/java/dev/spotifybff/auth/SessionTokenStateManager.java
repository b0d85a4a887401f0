package dev.spotifybff.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.jboss.logging.Logger;

import dev.spotifybff.crypto.Sealer;
import dev.spotifybff.crypto.Sealers;
import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.session.Session;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.session.Sessions;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Where quarkus-oidc hands over the tokens of a completed code flow: they go into the BFF's own
 * session store (sealed, bound to the session's key), and the browser gets the session cookie that
 * holds only the sealed session id.
 * <p>
 * quarkus-oidc then wants a token state for its own q_session cookie, which it reads back on its
 * final redirect (to /login, see {@link LoginResource}) and verifies as an internal ID token. That
 * state is a short-lived hand-off: the internal ID token quarkus-oidc made, sealed (it holds the
 * Spotify profile). It names no session and no Spotify token, and {@link LoginResource} ends it at
 * once. So reading it touches no store (a store outage cannot log anyone out through here), and
 * deleting it deletes nothing: sessions end only through POST /logout and the session lifetimes.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SessionTokenStateManager implements TokenStateManager {

    private static final Logger LOG = Logger.getLogger(SessionTokenStateManager.class);
    private static final byte[] HANDOFF = "q_session".getBytes(StandardCharsets.US_ASCII);

    private final Sessions sessions;
    private final SessionCookies cookies;
    private final Sealer handoff;
    private final Clock clock;
    private final BffMetrics metrics;
    private final LoginRateLimit rateLimit;

    SessionTokenStateManager(Sessions sessions, SessionCookies cookies, Sealers sealers, Clock clock,
            BffMetrics metrics, LoginRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.sessions = sessions;
        this.cookies = cookies;
        this.handoff = sealers.loginHandoff();
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext rc, OidcTenantConfig config, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> blocking) {
        if (tokens.getRefreshToken() == null || tokens.getRefreshToken().isBlank()) {
            // Without one the session would die within the hour: refuse the login instead.
            return Uni.createFrom().failure(new LoginRefusedException("token endpoint answered no refresh_token"));
        }
        String userId = spotifyUserId(tokens.getIdToken());
        if (userId == null) {
            return Uni.createFrom().failure(new LoginRefusedException("the profile at login has no user id"));
        }
        return blocking.runBlocking(() -> {
            // A fresh id at every login (no session fixation); an older session of this browser ends.
            cookies.read(rc.request()).flatMap(sessions::idFromCookie).ifPresent(sessions::end);
            var now = clock.instant();
            long expiresIn = tokens.getAccessTokenExpiresIn() != null ? tokens.getAccessTokenExpiresIn() : 3600;
            SessionId id = sessions.create(new Session(tokens.getAccessToken(), tokens.getRefreshToken(),
                    now.plusSeconds(expiresIn), tokens.getAccessTokenScope(), now), userId);
            rateLimit.completed(rc.request());
            rc.response().headers().add(HttpHeaders.SET_COOKIE, cookies.session(sessions.cookieValue(id)));
            LOG.infof("login completed: session %s", id.logId());
            metrics.loginCompleted();
            return handoff.sealToString(tokens.getIdToken().getBytes(StandardCharsets.US_ASCII), HANDOFF);
        });
    }

    /**
     * The Spotify user id, from the profile quarkus-oidc fetched at login and put into its internal
     * ID token (cache-user-info-in-idtoken): the key of the per-user session cap.
     */
    private static String spotifyUserId(String internalIdToken) {
        JsonObject claims = internalIdToken == null ? null : OidcUtils.decodeJwtContent(internalIdToken);
        JsonObject profile = claims == null ? null : claims.getJsonObject(OidcUtils.USER_INFO_ATTRIBUTE);
        String id = profile == null ? null : profile.getString("id");
        return id == null || id.isBlank() ? null : id;
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext rc, OidcTenantConfig config, String tokenState,
            OidcRequestContext<AuthorizationCodeTokens> blocking) {
        return handoff.openString(tokenState, HANDOFF)
                .map(idToken -> Uni.createFrom().item(
                        new AuthorizationCodeTokens(new String(idToken, StandardCharsets.US_ASCII), null, null)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unreadable hand-off")));
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext rc, OidcTenantConfig config, String tokenState,
            OidcRequestContext<Void> blocking) {
        return Uni.createFrom().voidItem();
    }
}
