package dev.spotifybff.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;

import dev.spotifybff.config.BffConfig;

/**
 * The default store: one JVM, bounded, on Caffeine. Each entry expires at its own time (idle
 * timeout, capped by the absolute lifetime: a per-entry {@link Expiry}); beyond SESSION_MAX_COUNT,
 * Caffeine evicts the sessions least likely to be used again (its W-TinyLFU policy weighs how
 * recently and how often each was used). No global lock: a request's read and touch is one atomic
 * step on its own key.
 * <p>
 * A per-user index (oldest login first) lets a login end that user's oldest sessions beyond the
 * cap. It changes only inside a compute on the user's key, and never calls the cache from there, so
 * Caffeine's removal listener (which unindexes whatever leaves: evicted, expired, deleted) can take
 * the same key without a lock cycle. It never holds more than the entries.
 */
@ApplicationScoped
@Typed(InMemorySessionStore.class)
public class InMemorySessionStore implements SessionStore {

    private record Entry(byte[] value, long expiresAtMillis, String userKey) {
    }

    private final Cache<String, Entry> entries;
    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    InMemorySessionStore(BffConfig config, Clock clock) {
        this(config.session().maxSessions(), clock);
    }

    InMemorySessionStore(int maxSessions, Clock clock) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSessions)
                .ticker(() -> clock.millis() * 1_000_000L) // the app's clock, so tests move time instead of sleeping
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return Math.max(0, entry.expiresAtMillis() * 1_000_000L - now);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current; // a read alone does not restart the idle timeout: getAndTouch writes
                    }
                })
                // Maintenance (and so the listener) on the calling thread: no pool to schedule it on per request.
                .executor(Runnable::run)
                .removalListener((String key, Entry entry, RemovalCause cause) -> {
                    if (cause != RemovalCause.REPLACED && entry != null) {
                        unindex(key, entry.userKey());
                    }
                })
                .build();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public Optional<byte[]> getAndTouch(String key, Duration ttl) {
        long expiresAt = expiresAt(ttl);
        Entry touched = entries.asMap().computeIfPresent(key,
                (k, entry) -> new Entry(entry.value(), expiresAt, entry.userKey()));
        return Optional.ofNullable(touched).map(Entry::value);
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        long expiresAt = expiresAt(ttl);
        entries.asMap().compute(key, (k, previous) -> new Entry(value, expiresAt, previous == null ? null
                : previous.userKey()));
    }

    @Override
    public List<String> create(String key, byte[] value, Duration ttl, String userKey, int maxPerUser) {
        if (maxPerUser <= 0) {
            entries.put(key, new Entry(value, expiresAt(ttl), null));
            return List.of();
        }
        List<String> ended = new ArrayList<>();
        byUser.compute(userKey, (user, mine) -> {
            Set<String> keys = mine == null ? new LinkedHashSet<>() : mine;
            // Indexed before the entry exists, so the listener finds the key however soon it leaves.
            keys.add(key);
            Iterator<String> oldestFirst = keys.iterator();
            while (keys.size() - ended.size() > maxPerUser && oldestFirst.hasNext()) {
                String oldest = oldestFirst.next();
                if (!oldest.equals(key)) {
                    ended.add(oldest);
                }
            }
            keys.removeAll(ended);
            return keys;
        });
        entries.put(key, new Entry(value, expiresAt(ttl), userKey));
        entries.invalidateAll(ended);
        return ended;
    }

    @Override
    public boolean update(String key, byte[] value, Duration ttl) {
        long expiresAt = expiresAt(ttl);
        return entries.asMap().computeIfPresent(key,
                (k, entry) -> new Entry(value, expiresAt, entry.userKey())) != null;
    }

    @Override
    public void touch(String key, Duration ttl) {
        getAndTouch(key, ttl);
    }

    @Override
    public void delete(String key) {
        entries.invalidate(key);
    }

    @Override
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** One entry as it is kept, for dev mode to carry the store over a live reload (DevModeSessions). */
    record Kept(String key, byte[] value, Instant expiresAt, String userKey) {
    }

    List<Kept> kept() {
        List<Kept> kept = new ArrayList<>();
        entries.asMap().forEach((key, entry) -> kept.add(
                new Kept(key, entry.value(), Instant.ofEpochMilli(entry.expiresAtMillis()), entry.userKey())));
        return kept;
    }

    /** Puts back what {@link #kept()} returned; entries that expired meanwhile stay out. */
    void restore(List<Kept> kept) {
        Instant now = clock.instant();
        for (Kept entry : kept) {
            if (entry.expiresAt().isAfter(now)) {
                if (entry.userKey() != null) {
                    byUser.compute(entry.userKey(), (user, mine) -> {
                        Set<String> keys = mine == null ? new LinkedHashSet<>() : mine;
                        keys.add(entry.key());
                        return keys;
                    });
                }
                entries.put(entry.key(), new Entry(entry.value(), entry.expiresAt().toEpochMilli(), entry.userKey()));
            }
        }
    }

    /** Users with an index entry: none once their sessions are gone, however they went. */
    int indexedUsers() {
        entries.cleanUp();
        return byUser.size();
    }

    private void unindex(String key, String userKey) {
        if (userKey != null) {
            byUser.computeIfPresent(userKey, (user, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    private long expiresAt(Duration ttl) {
        return clock.millis() + ttl.toMillis();
    }
}
