package dev.spotifybff.api;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.spotifybff.auth.TokenRefresher;
import dev.spotifybff.errors.ApiException;
import dev.spotifybff.errors.ErrorCode;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.OffEventLoop;
import dev.spotifybff.session.Session;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.spotify.SpotifyApiException;
import dev.spotifybff.spotify.SpotifyJson;
import dev.spotifybff.spotify.Upstream;
import io.smallrye.mutiny.Uni;

/**
 * Calls the Web API for the current request's session, from the event loop: with a fresh bearer
 * token, one refresh-and-retry when Spotify rejects the token, and every failure mapped
 * deliberately: 429 keeps Retry-After, 5xx becomes 502, a timeout 504, a token Spotify keeps
 * refusing ends the session (401). Refreshes and session ends block (a lock, the accounts host, the
 * store), so they run on a worker; the common request never leaves the event loop.
 */
@ApplicationScoped
public class SpotifyCalls {

    private static final Logger LOG = Logger.getLogger(SpotifyCalls.class);

    private final CurrentSession currentSession;
    private final TokenRefresher refresher;
    private final Sessions sessions;
    private final Upstream upstream;
    private final ResponseCache cache;

    SpotifyCalls(CurrentSession currentSession, TokenRefresher refresher, Sessions sessions, Upstream upstream,
            ResponseCache cache) {
        this.currentSession = currentSession;
        this.refresher = refresher;
        this.sessions = sessions;
        this.upstream = upstream;
        this.cache = cache;
    }

    /**
     * GET endpoint (a template, for metrics and logs) with the session's bearer token; the answer is
     * Spotify's body through {@code answer} (a {@link SpotifyJson} shape).
     */
    public Uni<byte[]> get(String endpoint, Function<String, Uni<byte[]>> request, Function<byte[], byte[]> answer) {
        return currentSession.require().flatMap(active -> answered(active, endpoint, request, answer));
    }

    /** As {@link #get}, through the session's response cache, under key (the endpoint and its parameters). */
    public Uni<byte[]> cached(String key, String endpoint, Function<String, Uni<byte[]>> request,
            Function<byte[], byte[]> answer) {
        return currentSession.require()
                .flatMap(active -> cache.get(active.id(), key, () -> answered(active, endpoint, request, answer)));
    }

    private Uni<byte[]> answered(ActiveSession active, String endpoint, Function<String, Uni<byte[]>> request,
            Function<byte[], byte[]> answer) {
        return call(active, endpoint, request).map(answer).onFailure(SpotifyJson.MalformedAnswer.class)
                .transform(malformed -> {
                    LOG.warnf("spotify %s: %s", endpoint, malformed.getMessage());
                    return ApiException.spotifyUnavailable();
                });
    }

    private Uni<byte[]> call(ActiveSession active, String endpoint, Function<String, Uni<byte[]>> request) {
        Uni<Session> fresh = refresher.needsRefresh(active) ? OffEventLoop.run(() -> refresher.fresh(active))
                : Uni.createFrom().item(active.session());
        return fresh.flatMap(session -> send(endpoint, session, request)
                .onFailure(TokenRejected.class).recoverWithUni(() -> OffEventLoop
                        .run(() -> refresher.afterRejection(active.id(), session.accessToken()))
                        .flatMap(renewed -> send(endpoint, renewed, request))
                        .onFailure(TokenRejected.class).recoverWithUni(() -> OffEventLoop.run(() -> {
                            LOG.infof("spotify rejected a fresh token, session %s ended", active.id().logId());
                            sessions.end(active.id());
                            throw ApiException.loginRequired();
                        }))));
    }

    private Uni<byte[]> send(String endpoint, Session session, Function<String, Uni<byte[]>> request) {
        return upstream.call(endpoint, () -> request.apply("Bearer " + session.accessToken()))
                .onFailure().transform(SpotifyCalls::map);
    }

    private static RuntimeException map(Throwable failure) {
        if (!(Upstream.answered(failure) instanceof SpotifyApiException answered)) {
            return Upstream.isTimeout(failure) ? ApiException.spotifyTimeout() : ApiException.spotifyUnavailable();
        }
        int status = answered.status();
        if (status == 401) {
            return new TokenRejected();
        }
        if (status == 429) {
            return ApiException.rateLimited(answered.retryAfterSeconds().orElse(1));
        }
        if (status == 403) {
            return new ApiException(ErrorCode.SPOTIFY_FORBIDDEN);
        }
        if (status == 404) {
            return new ApiException(ErrorCode.NOT_FOUND, "Spotify has no such item.");
        }
        if (status >= 500) {
            return ApiException.spotifyUnavailable();
        }
        return new ApiException(ErrorCode.SPOTIFY_UNAVAILABLE, "Spotify refused the request.");
    }

    private static final class TokenRejected extends RuntimeException {
        TokenRejected() {
            super(null, null, false, false);
        }
    }
}
