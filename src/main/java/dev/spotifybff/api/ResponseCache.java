package dev.spotifybff.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.metrics.BffMetrics;
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
 * Stale-while-revalidate: an entry past CACHE_TTL but younger than CACHE_STALE_TTL is answered at
 * once, marked stale, while one background call per key renews it; if that call fails (Spotify
 * down, the app's quota paused) the stale entry stays. Ending a session drops its entries at once,
 * and a renewal still in flight then puts nothing back.
 * <p>
 * Entries are the answer's JSON bytes, as sent. Bounded twice: by entries (CACHE_MAX_ENTRIES) and by
 * bytes (CACHE_MAX_BYTES), an entry weighing its bytes plus a fixed overhead. The loader runs
 * outside Caffeine's atomic compute: it calls Spotify, may refresh or end the session (which drops
 * this session's entries), and must neither hold a lock on other users' keys while it waits nor
 * update the map from inside a compute.
 */
@Singleton
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    record Key(String session, String request) {
    }

    /** An answer and when it was fetched (the app's clock, in ms). */
    private record Stored(byte[] body, long fetchedAt) {
    }

    public enum Status {
        HIT, STALE, MISS
    }

    /** What the request gets: the body, whether it came from the cache, and its age in seconds. */
    public record Answer(byte[] body, Status status, long ageSeconds) {
    }

    /** Per entry: the key, the future, Caffeine's node, the array's header; counted with the bytes. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    private final boolean enabled;
    private final long ttlMillis;
    private final Clock clock;
    private final BffMetrics metrics;
    private final AsyncCache<Key, Stored> cache;
    /** Keys whose stale entry is being renewed: one background call per key. */
    private final Set<Key> renewing = ConcurrentHashMap.newKeySet();

    @Inject
    ResponseCache(BffConfig config, Clock clock, BffMetrics metrics) {
        this(config.cache().enabled(), config.cache().ttl(), config.cache().staleTtl(),
                config.cache().maxBytes().asLongValue(), config.cache().maxEntries(), clock, metrics);
    }

    ResponseCache(boolean enabled, Duration ttl, Duration staleTtl, long maxBytes, long maxEntries, Clock clock,
            BffMetrics metrics) {
        this.enabled = enabled && !ttl.isZero();
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.metrics = metrics;
        this.cache = Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L) // the app's clock, so tests move time instead of sleeping
                .expireAfterWrite(staleTtl.compareTo(ttl) > 0 ? staleTtl : ttl)
                // Caffeine bounds by size or by weight, not both: the entry bound is folded into the weight,
                // each entry weighing at least maxBytes / maxEntries.
                .maximumWeight(maxBytes)
                .weigher((Key key, Stored value) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(value.body().length + ENTRY_OVERHEAD_BYTES, maxBytes / Math.max(1, maxEntries))))
                .buildAsync();
    }

    /** False with CACHE_ENABLED=false or a zero CACHE_TTL: callers then skip the cache altogether. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The cached answer for this session and request (fresh or stale), or the loader's (then cached).
     * Asked only when {@link #enabled}: SpotifyCalls answers without the cache otherwise.
     */
    public Uni<Answer> get(SessionId session, String request, Supplier<Uni<byte[]>> loader) {
        return Uni.createFrom().deferred(() -> {
            Key key = new Key(session.storeKey(), request);
            CompletableFuture<Stored> mine = new CompletableFuture<>();
            CompletableFuture<Stored> inFlightOrCached = cache.asMap().putIfAbsent(key, mine);
            if (inFlightOrCached == null) {
                return load(mine, loader);
            }
            boolean answered = inFlightOrCached.isDone() && !inFlightOrCached.isCompletedExceptionally();
            Stored stored = answered ? inFlightOrCached.join() : null;
            if (stored == null) { // in flight (or just failed, on its way out of the cache): share it
                return Uni.createFrom().completionStage(inFlightOrCached)
                        .onFailure(CompletionException.class).transform(Throwable::getCause)
                        // the request that was loading it went away: load it here instead
                        .onFailure(CancellationException.class).recoverWithUni(() -> loader.get()
                                .map(body -> new Stored(body, clock.millis())))
                        .map(shared -> answer(shared, Status.MISS));
            }
            if (clock.millis() - stored.fetchedAt() < ttlMillis) {
                return Uni.createFrom().item(answer(stored, Status.HIT));
            }
            renew(key, inFlightOrCached, loader);
            return Uni.createFrom().item(answer(stored, Status.STALE));
        });
    }

    private Uni<Answer> load(CompletableFuture<Stored> mine, Supplier<Uni<byte[]>> loader) {
        return loader.get()
                .map(body -> new Stored(body, clock.millis()))
                .invoke(mine::complete)
                .onFailure().invoke(mine::completeExceptionally) // a failed future leaves the cache by itself
                .onCancellation().invoke(() -> mine.cancel(false))
                .map(stored -> answer(stored, Status.MISS));
    }

    /** One background call for a stale entry; its answer replaces the entry only if that is still there. */
    private void renew(Key key, CompletableFuture<Stored> stale, Supplier<Uni<byte[]>> loader) {
        if (!renewing.add(key)) {
            return;
        }
        loader.get().subscribe().with(
                body -> {
                    cache.asMap().replace(key, stale, CompletableFuture.completedFuture(new Stored(body, clock.millis())));
                    renewing.remove(key); // after the replace: a stale read in between would renew a second time
                },
                failure -> {
                    renewing.remove(key);
                    LOG.debugf("a stale answer was not renewed, kept: %s", failure.getMessage());
                });
    }

    private Answer answer(Stored stored, Status status) {
        metrics.cacheAnswer(status.name().toLowerCase(Locale.ROOT));
        return new Answer(stored.body(), status, Math.max(0, (clock.millis() - stored.fetchedAt()) / 1000));
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
