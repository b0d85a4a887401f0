package dev.spotifybff.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.metrics.BffMetrics;
import io.smallrye.mutiny.Uni;

/**
 * The quota of one instance (the memory store): the pause as one timestamp, the budget as the times
 * of the window's calls. Without a budget and outside a pause, admitting a call reads one field.
 */
@Singleton
@Typed(LocalQuota.class)
public class LocalQuota implements SpotifyQuota {

    private final Clock clock;
    private final int limit;
    private final BffMetrics metrics;
    private final KnownPause pause;
    /** Start times of the calls in the current window, oldest first; used only with a budget. */
    private final ArrayDeque<Long> calls = new ArrayDeque<>();

    @Inject
    LocalQuota(Clock clock, BffConfig config, BffMetrics metrics) {
        this(clock, config.spotify().rateLimit(), metrics);
    }

    LocalQuota(Clock clock, int limit, BffMetrics metrics) {
        this.clock = clock;
        this.limit = limit;
        this.metrics = metrics;
        this.pause = new KnownPause(clock);
    }

    @Override
    public Uni<Duration> admit() {
        return Uni.createFrom().item(admitNow());
    }

    /** Always known here: nothing to ask but this JVM. */
    @Override
    public Duration admitNow() {
        Duration paused = pause.refusal(metrics);
        if (paused != null) {
            return paused;
        }
        if (limit == 0) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        long window = WINDOW.toMillis();
        synchronized (calls) {
            while (!calls.isEmpty() && calls.peekFirst() <= now - window) {
                calls.pollFirst();
            }
            if (calls.size() < limit) {
                calls.addLast(now);
                return Duration.ZERO;
            }
            metrics.callSaved("over_budget");
            return Duration.ofMillis(calls.peekFirst() + window - now);
        }
    }

    @Override
    public Uni<Void> pause(Duration retryAfter) {
        pause.extend(retryAfter.toMillis());
        return Uni.createFrom().voidItem();
    }
}
