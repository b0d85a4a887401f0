package dev.spotifybff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.session.SessionEnded;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.support.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** Stale-while-revalidate inside the cache, on a movable clock: renewals and session ends. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResponseCacheRenewalTest {

    private final TestClock clock = new TestClock();
    private final ResponseCache cache = new ResponseCache(true, Duration.ofSeconds(60), Duration.ofMinutes(5),
            1024 * 1024, 1000, clock, new BffMetrics(new SimpleMeterRegistry()));
    private final SessionId alice = new SessionId("alice-session-id");

    private ResponseCache.Answer get(Supplier<Uni<byte[]>> loader) {
        return cache.get(alice, "/me", loader).await().atMost(Duration.ofSeconds(5));
    }

    private static Supplier<Uni<byte[]>> answer(String text) {
        return () -> Uni.createFrom().item(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ResponseCache.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void a_session_ended_while_its_entry_is_renewed_gets_nothing_back_in_the_cache() {
        get(answer("old"));
        clock.advance(Duration.ofSeconds(61));

        ResponseCache.Answer stale = get(() -> Uni.createFrom().item(() -> {
            cache.drop(new SessionEnded(alice.storeKey())); // a logout while Spotify answers the renewal
            return "renewed".getBytes(StandardCharsets.UTF_8);
        }));

        assertEquals(ResponseCache.Status.STALE, stale.status());
        assertEquals("old", text(stale));
        ResponseCache.Answer next = get(answer("after logout"));
        assertEquals(ResponseCache.Status.MISS, next.status());
        assertEquals("after logout", text(next));
    }

    @Test
    void a_renewal_replaces_the_stale_entry_and_the_next_answer_is_fresh() {
        get(answer("old"));
        clock.advance(Duration.ofSeconds(61));
        AtomicInteger calls = new AtomicInteger();

        ResponseCache.Answer stale = get(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().item("new".getBytes(StandardCharsets.UTF_8));
        });
        ResponseCache.Answer fresh = get(answer("not called"));

        assertEquals(ResponseCache.Status.STALE, stale.status());
        assertEquals(61, stale.ageSeconds());
        assertEquals(1, calls.get());
        assertEquals(ResponseCache.Status.HIT, fresh.status());
        assertEquals("new", text(fresh));
        assertEquals(0, fresh.ageSeconds());
    }

    @Test
    void without_a_stale_window_an_entry_past_its_ttl_is_fetched_again() {
        ResponseCache noStale = new ResponseCache(true, Duration.ofSeconds(60), Duration.ZERO, 1024 * 1024, 1000, clock,
                new BffMetrics(new SimpleMeterRegistry()));
        noStale.get(alice, "/me", answer("old")).await().indefinitely();
        clock.advance(Duration.ofSeconds(61));

        ResponseCache.Answer answer = noStale.get(alice, "/me", answer("new")).await().indefinitely();

        assertEquals(ResponseCache.Status.MISS, answer.status());
        assertEquals("new", text(answer));
    }
}
