package dev.spotifybff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.session.SessionEnded;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.metrics.BffMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** The cache's memory bound, and loads that run outside Caffeine's atomic compute. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResponseCacheBoundsTest {

    private static final long ONE_MB = 1024 * 1024;

    private final SessionId alice = new SessionId("alice-session-id");
    private final SessionId bob = new SessionId("bob-session-id");

    private ResponseCache cache(long maxBytes) {
        return new ResponseCache(true, Duration.ofMinutes(1), Duration.ofMinutes(5), maxBytes, 100_000, Clock.systemUTC(),
                new BffMetrics(new SimpleMeterRegistry()));
    }

    /** A stand-in for a page of tracks: about 20 KB of JSON. */
    private static byte[] page(int i) {
        return ("track-" + i + "-".repeat(90)).repeat(200).getBytes(StandardCharsets.UTF_8);
    }

    private static Supplier<Uni<byte[]>> answer(String text) {
        return () -> Uni.createFrom().item(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(ResponseCache cache, SessionId session, String request, Supplier<Uni<byte[]>> loader) {
        return new String(cache.get(session, request, loader).await().atMost(Duration.ofSeconds(10)).body(),
                StandardCharsets.UTF_8);
    }

    @Test
    void many_distinct_queries_keep_the_cache_under_its_byte_bound() {
        ResponseCache cache = cache(ONE_MB);

        for (int i = 0; i < 500; i++) {
            int n = i;
            cache.get(alice, "/me/top/tracks?offset=" + i, () -> Uni.createFrom().item(page(n))).await().indefinitely();
        }

        assertTrue(cache.weightedBytes() <= ONE_MB, cache.weightedBytes() + " bytes");
        assertTrue(cache.size() < 500, cache.size() + " entries: the oldest went");
        assertTrue(cache.size() >= 10, cache.size() + " entries: the bound is bytes, not a handful of entries");
    }

    @Test
    void a_slow_load_does_not_hold_up_another_users_key_even_in_the_same_hash_bin() throws Exception {
        ResponseCache cache = cache(ONE_MB);
        String bobsRequest = requestInSameBinAs(new ResponseCache.Key(alice.storeKey(), "/me"), bob);
        CountDownLatch spotifyAnswersAlice = new CountDownLatch(1);
        CountDownLatch aliceLoading = new CountDownLatch(1);
        CompletableFuture<String> aliceCall = CompletableFuture.supplyAsync(() -> get(cache, alice, "/me",
                () -> Uni.createFrom().item(() -> {
                    aliceLoading.countDown();
                    await(spotifyAnswersAlice);
                    return "alice".getBytes(StandardCharsets.UTF_8);
                })));
        assertTrue(aliceLoading.await(5, TimeUnit.SECONDS));

        CompletableFuture<String> bobCall = CompletableFuture.supplyAsync(() -> get(cache, bob, bobsRequest, answer("bob")));

        assertEquals("bob", bobCall.get(5, TimeUnit.SECONDS), "bob waited for alice's Spotify call");
        spotifyAnswersAlice.countDown();
        assertEquals("alice", aliceCall.get(5, TimeUnit.SECONDS));
    }

    @Test
    void a_load_that_ends_its_session_drops_the_sessions_other_entries_without_a_recursive_update() {
        ResponseCache cache = cache(ONE_MB);
        ResponseCache.Key me = new ResponseCache.Key(alice.storeKey(), "/me");
        String sameBin = requestInSameBinAs(me, alice);
        get(cache, alice, "/me", answer("profile"));

        // As when Spotify refuses the refresh inside the load: the session ends, its entries go.
        String answer = get(cache, alice, sameBin, () -> Uni.createFrom().item(() -> {
            cache.drop(new SessionEnded(alice.storeKey()));
            return "answer".getBytes(StandardCharsets.UTF_8);
        }));

        assertEquals("answer", answer);
        assertEquals("fresh", get(cache, alice, "/me", answer("fresh")), "the ended session's entry is gone");
    }

    /** A request of this session whose key falls into the same bin as the other key, for tables up to 4096 bins. */
    private static String requestInSameBinAs(ResponseCache.Key other, SessionId session) {
        for (int i = 0;; i++) {
            String request = "/me/top/artists?offset=" + i;
            if ((spread(new ResponseCache.Key(session.storeKey(), request).hashCode()) & 4095)
                    == (spread(other.hashCode()) & 4095) && !request.equals(other.request())) {
                return request;
            }
        }
    }

    /** ConcurrentHashMap's own spreading of a hash code over its bins. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) & 0x7fffffff;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
