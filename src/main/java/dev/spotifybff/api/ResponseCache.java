package dev.spotifybff.api;

import java.time.Clock;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
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
 */
@Singleton
public class ResponseCache {

    private record Key(String session, String request) {
    }

    private final boolean enabled;
    private final Cache<Key, Object> cache;

    ResponseCache(BffConfig config, Clock clock) {
        this.enabled = config.cache().enabled() && !config.cache().ttl().isZero();
        this.cache = Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L) // the app's clock, so tests move time instead of sleeping
                .expireAfterWrite(config.cache().ttl())
                .maximumSize(config.cache().maxEntries())
                .build();
    }

    /** The cached answer for this session and request, or the loader's (then cached). */
    @SuppressWarnings("unchecked")
    public <T> T get(SessionId session, String request, Supplier<T> loader) {
        if (!enabled) {
            return loader.get();
        }
        return (T) cache.get(new Key(session.storeKey(), request), key -> loader.get());
    }

    void drop(@Observes SessionEnded ended) {
        String session = ended.id().storeKey();
        cache.asMap().keySet().removeIf(key -> key.session().equals(session));
    }

    long size() {
        return cache.estimatedSize();
    }
}
