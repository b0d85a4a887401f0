package dev.spotifybff.api;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.spotifybff.auth.TokenRefresher;
import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.Session;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.spotify.SpotifyApiException;
import dev.spotifybff.spotify.UpstreamFailure;
import dev.spotifybff.errors.ApiException;
import dev.spotifybff.errors.ErrorCode;

/**
 * Calls the Web API on behalf of a session: with a fresh bearer token, one refresh-and-retry when
 * Spotify rejects the token, and every failure mapped deliberately: 429 keeps Retry-After, 5xx
 * becomes 502, a timeout 504, a token Spotify keeps refusing ends the session (401).
 */
@ApplicationScoped
public class SpotifyCalls {

    private static final Logger LOG = Logger.getLogger(SpotifyCalls.class);

    private final TokenRefresher refresher;
    private final Sessions sessions;
    private final BffMetrics metrics;

    SpotifyCalls(TokenRefresher refresher, Sessions sessions, BffMetrics metrics) {
        this.refresher = refresher;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    public <T> T call(ActiveSession active, String endpoint, Function<String, T> request) {
        Session session = refresher.fresh(active);
        try {
            return invoke(endpoint, session, request);
        } catch (TokenRejected rejected) {
            Session renewed = refresher.afterRejection(active.id(), session.accessToken());
            try {
                return invoke(endpoint, renewed, request);
            } catch (TokenRejected again) {
                LOG.infof("spotify rejected a fresh token, session %s ended", active.id().logId());
                sessions.end(active.id());
                throw ApiException.loginRequired();
            }
        }
    }

    private <T> T invoke(String endpoint, Session session, Function<String, T> request) {
        long start = System.nanoTime();
        try {
            T result = request.apply("Bearer " + session.accessToken());
            metrics.upstreamCall(endpoint, "200", Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (RuntimeException failure) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            SpotifyApiException answered = UpstreamFailure.find(failure, SpotifyApiException.class);
            if (answered == null) {
                boolean timeout = UpstreamFailure.isTimeout(failure);
                LOG.warnf("spotify %s %s", endpoint, timeout ? "timed out" : "unreachable");
                metrics.upstreamCall(endpoint, timeout ? "timeout" : "error", latency);
                throw timeout ? ApiException.spotifyTimeout() : ApiException.spotifyUnavailable();
            }
            LOG.warnf("spotify %s answered %d", endpoint, answered.status());
            metrics.upstreamCall(endpoint, Integer.toString(answered.status()), latency);
            throw map(answered);
        }
    }

    private static RuntimeException map(SpotifyApiException answered) {
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
