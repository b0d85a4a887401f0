package dev.spotifybff.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.spotifybff.metrics.BffMetrics;

/**
 * The pause this instance knows of, as one timestamp on the app's clock: its own 429, or one Redis
 * told it of. Reading it costs one clock read and one volatile read, so every Web API call can.
 */
final class KnownPause {

    private final Clock clock;
    private final AtomicLong until = new AtomicLong();

    KnownPause(Clock clock) {
        this.clock = clock;
    }

    /** The rest of the pause, counted as a call the pause saved; null when there is no pause. */
    Duration refusal(BffMetrics metrics) {
        long left = until.get() - clock.millis();
        if (left <= 0) {
            return null;
        }
        metrics.callSaved("paused");
        return Duration.ofMillis(left);
    }

    /** A pause of millis from now; a shorter one never shortens a longer pause already known. */
    void extend(long millis) {
        until.accumulateAndGet(clock.millis() + millis, Math::max);
    }
}
