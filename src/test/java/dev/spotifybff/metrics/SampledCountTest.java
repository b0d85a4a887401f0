package dev.spotifybff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.TestClock;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampledCountTest {

    private final TestClock clock = new TestClock();
    private final AtomicInteger scans = new AtomicInteger();
    private final SampledCount sessions = new SampledCount(() -> 1000L + scans.incrementAndGet(), clock,
            BffMetrics.SESSION_COUNT_INTERVAL);

    @Test
    void eighty_scrapes_within_a_minute_count_the_store_once() {
        for (int i = 0; i < 80; i++) {
            assertEquals(1001.0, sessions.value());
        }

        assertEquals(1, scans.get());
    }

    @Test
    void a_scrape_a_minute_later_counts_again() {
        sessions.value();
        clock.advance(Duration.ofSeconds(61));

        assertEquals(1002.0, sessions.value());
        assertEquals(2, scans.get());
    }

    @Test
    void a_store_that_cannot_count_keeps_the_last_value() {
        SampledCount failing = new SampledCount(() -> {
            if (scans.incrementAndGet() > 1) {
                throw new IllegalStateException("Redis is down");
            }
            return 7L;
        }, clock, BffMetrics.SESSION_COUNT_INTERVAL);
        failing.value();
        clock.advance(Duration.ofMinutes(2));

        assertEquals(7.0, failing.value());
    }
}
