package dev.spotifybff.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.spotifybff.session.SessionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * The BFF's own meters, in Prometheus format at /q/metrics: logins started, completed and failed
 * (by reason), refreshes and refresh failures (by reason), upstream calls by endpoint and status
 * with their latency (the calls made), the app-wide quota's work (calls saved, 429s received, seconds
 * paused), cache answers by status, and the sessions in the store (sampled). Tags are fixed
 * vocabularies, never user data.
 */
@ApplicationScoped
public class BffMetrics {

    /** Counting Redis sessions SCANs every key: at 300k sessions a count takes about a second. */
    static final Duration SESSION_COUNT_INTERVAL = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final Counter loginsStarted;
    private final Counter loginsCompleted;
    private final Counter refreshes;
    private final Counter rateLimited;
    private final Counter pausedSeconds;
    private final Map<String, Counter> cacheAnswers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> upstreamCalls = new ConcurrentHashMap<>(); // endpoint, then status
    private final Map<String, Timer> upstreamLatency = new ConcurrentHashMap<>();

    public BffMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.loginsStarted = registry.counter("bff.logins.started");
        this.loginsCompleted = registry.counter("bff.logins.completed");
        this.refreshes = registry.counter("bff.refreshes");
        this.rateLimited = registry.counter("bff.spotify.rate.limited");
        this.pausedSeconds = registry.counter("bff.spotify.paused.seconds");
    }

    void registerSessionGauge(@Observes StartupEvent start, SessionStore store, Clock clock) {
        SampledCount sessions = new SampledCount(store::size, clock, SESSION_COUNT_INTERVAL);
        Gauge.builder("bff.sessions.active", sessions, SampledCount::value)
                .description("Sessions held by the session store, counted at most once a minute")
                .register(registry);
    }

    public void loginStarted() {
        loginsStarted.increment();
    }

    public void loginCompleted() {
        loginsCompleted.increment();
    }

    public void loginFailed(String reason) {
        registry.counter("bff.login.failures", "reason", reason).increment();
    }

    public void refreshed() {
        refreshes.increment();
    }

    public void refreshFailed(String reason) {
        registry.counter("bff.refresh.failures", "reason", reason).increment();
    }

    /** One call to Spotify: endpoint is a route template (e.g. /me), outcome an HTTP status or timeout/error. */
    public void upstreamCall(String endpoint, String outcome, Duration latency) {
        // On every Web API call: each meter is looked up once. Building a Timer (its histogram's
        // configuration) and the counter's tags per call was 3 % of an uncached /api/me's CPU.
        upstreamCalls.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> registry.counter("bff.upstream.calls", "endpoint", endpoint, "status", o))
                .increment();
        upstreamLatency.computeIfAbsent(endpoint, e -> Timer.builder("bff.upstream.latency").tag("endpoint", e)
                .publishPercentileHistogram().register(registry)).record(latency);
    }

    /** A Web API call not made: reason is paused (after a 429) or over_budget (SPOTIFY_RATE_LIMIT). */
    public void callSaved(String reason) {
        registry.counter("bff.spotify.calls.saved", "reason", reason).increment();
    }

    /** Spotify answered 429: the whole app pauses for retryAfter. */
    public void rateLimited(Duration retryAfter) {
        rateLimited.increment();
        pausedSeconds.increment(retryAfter.toSeconds());
    }

    /** One answer of the response cache: status is hit, stale or miss. */
    public void cacheAnswer(String status) {
        // on every cached request: the three counters are looked up once, not per answer
        cacheAnswers.computeIfAbsent(status, s -> registry.counter("bff.cache.answers", "status", s)).increment();
    }
}
