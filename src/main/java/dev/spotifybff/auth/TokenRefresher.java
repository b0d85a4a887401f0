package dev.spotifybff.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.spotifybff.errors.ApiException;
import dev.spotifybff.config.BffConfig;
import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.RefreshLocks;
import dev.spotifybff.session.Session;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.spotify.SpotifyAccounts;
import dev.spotifybff.spotify.TokenEndpointException;
import dev.spotifybff.spotify.TokenResponse;

/**
 * Keeps a session's access token usable, on the server: refreshes it when it expires within the
 * skew, or when Spotify rejected it. One refresh per session at a time; a caller that waited for
 * the lock re-reads the stored tokens and only refreshes if they still need it. invalid_grant ends
 * the session (401 login_required) unless the store shows it was refreshed elsewhere meanwhile; an
 * outage keeps it (502), so nobody is logged out by a blip. New tokens that the store cannot take
 * are kept by {@link Sessions#update} until it can.
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);

    private final Sessions sessions;
    private final RefreshLocks locks;
    private final SpotifyAccounts accounts;
    private final Clock clock;
    private final Duration skew;
    private final BffMetrics metrics;

    TokenRefresher(Sessions sessions, RefreshLocks locks, SpotifyAccounts accounts, Clock clock, BffConfig config,
            BffMetrics metrics) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.locks = locks;
        this.accounts = accounts;
        this.clock = clock;
        this.skew = config.spotify().refreshSkew();
    }

    /** Whether {@link #fresh} would refresh: the access token expires within the skew. */
    public boolean needsRefresh(ActiveSession active) {
        return active.session().accessTokenExpiresWithin(skew, clock.instant());
    }

    /** The session with an access token valid for at least the skew. Blocks when it refreshes. */
    public Session fresh(ActiveSession active) {
        Predicate<Session> expiring = s -> s.accessTokenExpiresWithin(skew, clock.instant());
        return expiring.test(active.session()) ? refresh(active.id(), expiring) : active.session();
    }

    /** After Spotify answered 401 to this access token: a new one, unless another request got it already. */
    public Session afterRejection(SessionId id, String rejectedAccessToken) {
        return refresh(id, s -> s.accessToken().equals(rejectedAccessToken));
    }

    private Session refresh(SessionId id, Predicate<Session> stillNeeded) {
        return locks.withLock(id.storeKey(), () -> {
            Session current = sessions.load(id).orElseThrow(ApiException::loginRequired);
            if (!stillNeeded.test(current)) {
                return current; // refreshed by whoever held the lock before us
            }
            TokenResponse tokens;
            try {
                tokens = accounts.refresh(current.refreshToken());
            } catch (TokenEndpointException e) {
                if (e.kind() == TokenEndpointException.Kind.UNAVAILABLE) {
                    LOG.warnf("refresh failed, session %s kept: %s", id.logId(), e.getMessage());
                    metrics.refreshFailed("spotify_unavailable");
                    throw ApiException.spotifyUnavailable();
                }
                if (e.kind() == TokenEndpointException.Kind.INVALID_GRANT) {
                    // Another instance may have rotated the refresh token after we read it (its lock
                    // expired, or it kept the new pair through a store blip): read again before ending.
                    Optional<Session> reread = sessions.load(id);
                    if (reread.isPresent() && !reread.get().refreshToken().equals(current.refreshToken())) {
                        LOG.infof("refresh: session %s was refreshed elsewhere", id.logId());
                        return reread.get();
                    }
                }
                LOG.infof("refresh refused, session %s ended: %s", id.logId(), e.getMessage());
                metrics.refreshFailed(e.kind() == TokenEndpointException.Kind.INVALID_GRANT ? "invalid_grant" : "rejected");
                sessions.end(id);
                throw ApiException.loginRequired();
            }
            Session updated = current.withTokens(tokens.accessToken(),
                    tokens.refreshToken() != null && !tokens.refreshToken().isBlank()
                            ? tokens.refreshToken()
                            : current.refreshToken(),
                    clock.instant().plusSeconds(tokens.expiresIn()),
                    tokens.scope() != null ? tokens.scope() : current.scope());
            if (!sessions.update(id, updated)) {
                throw ApiException.loginRequired(); // logged out while we refreshed
            }
            LOG.infof("refresh: session %s", id.logId());
            metrics.refreshed();
            return updated;
        });
    }
}
