package dev.spotifybff.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A count that is expensive to take (the Redis store SCANs for it), taken at most once per
 * interval: every scrape in between gets the last value, and while one caller counts, concurrent
 * scrapes get the last value too instead of counting again.
 */
final class SampledCount {

    private final LongSupplier count;
    private final Clock clock;
    private final long intervalMillis;
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile long value = Long.MIN_VALUE;
    private volatile long takenAtMillis;

    SampledCount(LongSupplier count, Clock clock, Duration interval) {
        this.count = count;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    double value() {
        long now = clock.millis();
        boolean due = value == Long.MIN_VALUE || now - takenAtMillis >= intervalMillis;
        if (due && counting.compareAndSet(false, true)) {
            try {
                value = count.getAsLong();
                takenAtMillis = now;
            } catch (RuntimeException storeUnavailable) {
                // keep the last value (NaN before any); readiness reports the store itself
            } finally {
                counting.set(false);
            }
        }
        return value == Long.MIN_VALUE ? Double.NaN : value;
    }
}
