package dev.spotifybff.api;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.session.SessionEnded;
import dev.spotifybff.session.SessionId;
import io.smallrye.mutiny.Uni;

/**
 * A short-lived cache of read-mostly Spotify answers, per session, so a chatty SPA does not spend
 * the app's shared Spotify rate limit (a rolling 30 s window for all users of one app). Only the
 * upstream call is skipped: the session is still checked on every request, so a session ended on
 * another instance gets 401 even while its entries here wait to expire. Concurrent identical
 * requests of one session share one upstream call. Failures are never cached.
 * <p>
 * Entries are the answer's JSON bytes, as sent. Bounded twice: by entries (CACHE_MAX_ENTRIES) and by
 * bytes (CACHE_MAX_BYTES), an entry weighing its bytes plus a fixed overhead. The loader runs
 * outside Caffeine's atomic compute: it calls Spotify, may refresh or end the session (which drops
 * this session's entries), and must neither hold a lock on other users' keys while it waits nor
 * update the map from inside a compute.
 */
@Singleton
public class ResponseCache {

    record Key(String session, String request) {
    }

    /** Per entry: the key, the future, Caffeine's node, the array's header; counted with the bytes. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    private final boolean enabled;
    private final AsyncCache<Key, byte[]> cache;

    @Inject
    ResponseCache(BffConfig config, Clock clock) {
        this(config.cache().enabled(), config.cache().ttl(), config.cache().maxBytes().asLongValue(),
                config.cache().maxEntries(), clock);
    }

    ResponseCache(boolean enabled, Duration ttl, long maxBytes, long maxEntries, Clock clock) {
        this.enabled = enabled && !ttl.isZero();
        this.cache = Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L) // the app's clock, so tests move time instead of sleeping
                .expireAfterWrite(ttl)
                // Caffeine bounds by size or by weight, not both: the entry bound is folded into the weight,
                // each entry weighing at least maxBytes / maxEntries.
                .maximumWeight(maxBytes)
                .weigher((Key key, byte[] value) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(value.length + ENTRY_OVERHEAD_BYTES, maxBytes / Math.max(1, maxEntries))))
                .buildAsync();
    }

    /** The cached answer for this session and request, or the loader's (then cached). */
    public Uni<byte[]> get(SessionId session, String request, Supplier<Uni<byte[]>> loader) {
        if (!enabled) {
            return loader.get();
        }
        return Uni.createFrom().deferred(() -> {
            Key key = new Key(session.storeKey(), request);
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            CompletableFuture<byte[]> inFlightOrCached = cache.asMap().putIfAbsent(key, mine);
            if (inFlightOrCached != null) {
                return Uni.createFrom().completionStage(inFlightOrCached)
                        .onFailure(CompletionException.class).transform(Throwable::getCause)
                        // the request that was loading it went away: load it here instead
                        .onFailure(CancellationException.class).recoverWithUni(() -> loader.get());
            }
            return loader.get()
                    .invoke(mine::complete)
                    .onFailure().invoke(mine::completeExceptionally) // a failed future leaves the cache by itself
                    .onCancellation().invoke(() -> mine.cancel(false));
        });
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
}
