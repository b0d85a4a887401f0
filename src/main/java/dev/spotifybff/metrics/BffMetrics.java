package dev.spotifybff.metrics;

import java.time.Clock;
import java.time.Duration;

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
 * with their latency, and the sessions in the store (sampled). Tags are fixed vocabularies, never
 * user data.
 */
@ApplicationScoped
public class BffMetrics {

    /** Counting Redis sessions SCANs every key: at 300k sessions a count takes about a second. */
    static final Duration SESSION_COUNT_INTERVAL = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final Counter loginsStarted;
    private final Counter loginsCompleted;
    private final Counter refreshes;

    BffMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.loginsStarted = registry.counter("bff.logins.started");
        this.loginsCompleted = registry.counter("bff.logins.completed");
        this.refreshes = registry.counter("bff.refreshes");
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
        registry.counter("bff.upstream.calls", "endpoint", endpoint, "status", outcome).increment();
        Timer.builder("bff.upstream.latency").tag("endpoint", endpoint).publishPercentileHistogram()
                .register(registry).record(latency);
    }
}
