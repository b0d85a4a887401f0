package dev.spotifybff.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.session.SessionEnded;
import dev.spotifybff.session.SessionId;

/**
 * A short-lived cache of read-mostly Spotify answers, per session, so a chatty SPA does not spend
 * the app's shared Spotify rate limit (a rolling 30 s window for all users of one app). Only the
 * upstream call is skipped: the session is still checked on every request, so a session ended on
 * another instance gets 401 even while its entries here wait to expire. Concurrent identical
 * requests of one session share one upstream call. Failures are never cached.
 * <p>
 * Bounded twice: by entries (CACHE_MAX_ENTRIES) and by bytes (CACHE_MAX_BYTES). An entry is weighed
 * as twice its JSON size, an estimate of its objects on the heap: a page of 50 tracks is about 60 KB
 * of JSON (the benchmark's 20 tracks are 25 KB) and was measured at about 108 KB of heap. The
 * weighing serialises the answer once more, only when it is stored. The loader runs outside Caffeine's atomic compute: it calls
 * Spotify, may refresh or end the session (which drops this session's entries), and must neither
 * hold a lock on other users' keys while it waits nor update the map from inside a compute.
 */
@Singleton
public class ResponseCache {

    record Key(String session, String request) {
    }

    /** Per entry: the key, the future, Caffeine's node; small next to any answer, but counted. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    private final boolean enabled;
    private final AsyncCache<Key, Object> cache;
    private final ObjectMapper json;

    @Inject
    ResponseCache(BffConfig config, Clock clock, ObjectMapper json) {
        this(config.cache().enabled(), config.cache().ttl(), config.cache().maxBytes().asLongValue(),
                config.cache().maxEntries(), clock, json);
    }

    ResponseCache(boolean enabled, Duration ttl, long maxBytes, long maxEntries, Clock clock, ObjectMapper json) {
        this.json = json;
        this.enabled = enabled && !ttl.isZero();
        this.cache = Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L) // the app's clock, so tests move time instead of sleeping
                .expireAfterWrite(ttl)
                // Caffeine bounds by size or by weight, not both: the entry bound is folded into the weight,
                // each entry weighing at least maxBytes / maxEntries.
                .maximumWeight(maxBytes)
                .weigher((Key key, Object value) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(weight(value), maxBytes / Math.max(1, maxEntries))))
                .buildAsync();
    }

    /** The cached answer for this session and request, or the loader's (then cached). */
    @SuppressWarnings("unchecked")
    public <T> T get(SessionId session, String request, Supplier<T> loader) {
        if (!enabled) {
            return loader.get();
        }
        Key key = new Key(session.storeKey(), request);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> inFlightOrCached = cache.asMap().putIfAbsent(key, mine);
        if (inFlightOrCached != null) {
            return (T) await(inFlightOrCached);
        }
        try {
            T value = loader.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure); // a failed future leaves the cache by itself
            throw failure;
        }
    }

    void drop(@Observes SessionEnded ended) {
        cache.asMap().keySet().removeIf(key -> key.session().equals(ended.storeKey()));
    }

    long size() {
        return cache.synchronous().estimatedSize();
    }

    /** The bytes the cache counts now (after pending evictions). */
    long weightedBytes() {
        cache.synchronous().cleanUp();
        return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private long weight(Object value) {
        try {
            return 2L * json.writeValueAsBytes(value).length + ENTRY_OVERHEAD_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object await(CompletableFuture<Object> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
