package dev.spotifybff.api;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.spotifybff.auth.TokenRefresher;
import dev.spotifybff.errors.ApiException;
import dev.spotifybff.errors.ErrorCode;
import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.quota.SpotifyQuota;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.OffEventLoop;
import dev.spotifybff.session.Session;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.spotify.SpotifyApiException;
import dev.spotifybff.spotify.SpotifyJson;
import dev.spotifybff.spotify.Upstream;
import dev.spotifybff.tracing.Spans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/**
 * Calls the Web API for the current request's session, from the event loop: with a fresh bearer
 * token, one refresh-and-retry when Spotify rejects the token, and every failure mapped
 * deliberately: 429 keeps Retry-After, 5xx becomes 502, a timeout 504, a token Spotify keeps
 * refusing ends the session (401). Refreshes and session ends block (a lock, the accounts host, the
 * store), so they run on a worker; the common request never leaves the event loop.
 * <p>
 * Every Web API call first asks the app's {@link SpotifyQuota}: during a pause after Spotify's 429,
 * or over SPOTIFY_RATE_LIMIT, the call is not made and the request gets 429 rate_limited with the
 * wait, unless the cache has an answer for it, even a stale one.
 */
@ApplicationScoped
public class SpotifyCalls {

    private static final Logger LOG = Logger.getLogger(SpotifyCalls.class);
    private static final AttributeKey<String> CACHE_STATUS = AttributeKey.stringKey("bff.cache.status");

    private final CurrentSession currentSession;
    private final CurrentVertxRequest request;
    private final TokenRefresher refresher;
    private final Sessions sessions;
    private final Upstream upstream;
    private final ResponseCache cache;
    private final SpotifyQuota quota;
    private final BffMetrics metrics;
    private final Spans spans;

    SpotifyCalls(CurrentSession currentSession, CurrentVertxRequest request, TokenRefresher refresher,
            Sessions sessions, Upstream upstream, ResponseCache cache, SpotifyQuota quota, BffMetrics metrics,
            Spans spans) {
        this.currentSession = currentSession;
        this.request = request;
        this.refresher = refresher;
        this.sessions = sessions;
        this.upstream = upstream;
        this.cache = cache;
        this.quota = quota;
        this.metrics = metrics;
        this.spans = spans;
    }

    /**
     * GET endpoint (a template, for metrics, logs and traces) with the session's bearer token; the
     * answer is Spotify's body through {@code answer} (a {@link SpotifyJson} shape).
     */
    public Uni<byte[]> get(String endpoint, Function<String, Uni<byte[]>> request, Function<byte[], byte[]> answer) {
        Context trace = Spans.current();
        return currentSession.require().flatMap(active -> answered(trace, active, endpoint, request, answer));
    }

    /**
     * As {@link #get}, through the session's response cache, under key (the endpoint and its
     * parameters). The response says where the answer came from: Cache-Status (RFC 9211) and, for an
     * answer from the cache, its Age in seconds. With the cache off there is no cache to report on.
     */
    public Uni<byte[]> cached(String key, String endpoint, Function<String, Uni<byte[]>> request,
            Function<byte[], byte[]> answer) {
        if (!cache.enabled()) {
            return get(endpoint, request, answer);
        }
        Context trace = Spans.current();
        MultiMap headers = this.request.getCurrent().response().headers(); // read now, on the request's thread
        return currentSession.require().flatMap(active -> spans.around("cache " + endpoint, SpanKind.INTERNAL, trace,
                inCache -> cache.get(active.id(), key, () -> answered(inCache, active, endpoint, request, answer)),
                (span, found) -> span.setAttribute(CACHE_STATUS, found.status().name().toLowerCase())))
                .map(found -> {
                    switch (found.status()) {
                        case HIT -> headers.set("Cache-Status", "spotify-bff; hit");
                        case STALE -> headers.set("Cache-Status", "spotify-bff; hit; stale");
                        case MISS -> headers.set("Cache-Status", "spotify-bff; fwd=miss");
                    }
                    if (found.status() != ResponseCache.Status.MISS) {
                        headers.set("Age", Long.toString(found.ageSeconds()));
                    }
                    return found.body();
                });
    }

    private Uni<byte[]> answered(Context trace, ActiveSession active, String endpoint,
            Function<String, Uni<byte[]>> request, Function<byte[], byte[]> answer) {
        return call(trace, active, endpoint, request).map(answer).onFailure(SpotifyJson.MalformedAnswer.class)
                .transform(malformed -> {
                    LOG.warnf("spotify %s: %s", endpoint, malformed.getMessage());
                    return ApiException.spotifyUnavailable();
                });
    }

    private Uni<byte[]> call(Context trace, ActiveSession active, String endpoint,
            Function<String, Uni<byte[]>> request) {
        Uni<Session> fresh = refresher.needsRefresh(active)
                ? OffEventLoop.run(() -> spans.during("token refresh", trace, () -> refresher.fresh(active)))
                : Uni.createFrom().item(active.session());
        return fresh.flatMap(session -> send(trace, endpoint, session, request)
                .onFailure(TokenRejected.class).recoverWithUni(() -> OffEventLoop
                        .run(() -> spans.during("token refresh", trace,
                                () -> refresher.afterRejection(active.id(), session.accessToken())))
                        .flatMap(renewed -> send(trace, endpoint, renewed, request))
                        .onFailure(TokenRejected.class).recoverWithUni(() -> OffEventLoop.run(() -> {
                            LOG.infof("spotify rejected a fresh token, session %s ended", active.id().logId());
                            sessions.end(active.id());
                            throw ApiException.loginRequired();
                        }))));
    }

    private Uni<byte[]> send(Context trace, String endpoint, Session session, Function<String, Uni<byte[]>> request) {
        Duration known = quota.admitNow();
        return known != null ? admitted(known, trace, endpoint, session, request)
                : quota.admit().flatMap(wait -> admitted(wait, trace, endpoint, session, request));
    }

    private Uni<byte[]> admitted(Duration wait, Context trace, String endpoint, Session session,
            Function<String, Uni<byte[]>> request) {
        if (!wait.isZero()) {
            return Uni.createFrom().failure(ApiException.rateLimited(wholeSeconds(wait)));
        }
        // One failure operator, not two: each operator is a step on every successful call too.
        return upstream.call("GET", endpoint, trace, () -> request.apply("Bearer " + session.accessToken()))
                .onFailure().recoverWithUni(failure -> pauseIfRateLimited(failure)
                        .chain(() -> Uni.createFrom().<byte[]>failure(map(failure))));
    }

    /** Spotify's 429 is for the whole app: every instance sharing the quota stops for Retry-After. */
    private Uni<Void> pauseIfRateLimited(Throwable failure) {
        if (Upstream.answered(failure) instanceof SpotifyApiException answered && answered.status() == 429) {
            Duration pause = Duration.ofSeconds(answered.retryAfterSeconds().orElse(1));
            LOG.warnf("spotify answered 429: no Web API call for %d s", pause.toSeconds());
            metrics.rateLimited(pause);
            return quota.pause(pause);
        }
        return Uni.createFrom().voidItem();
    }

    /** Retry-After in whole seconds, rounded up: a client that waits that long finds the way open. */
    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
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
