package dev.spotifybff.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import dev.spotifybff.config.BffConfig;

/**
 * The default store: one JVM, bounded. Entries are kept in write order, so the oldest is evicted
 * first when the bound is reached, and expired entries at the head are dropped on every write.
 * Reads check expiry themselves, so no cleanup job is needed.
 */
@ApplicationScoped
@Typed(InMemorySessionStore.class)
public class InMemorySessionStore implements SessionStore {

    private record Entry(byte[] value, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final int maxSessions;
    private final Clock clock;

    @Inject
    InMemorySessionStore(BffConfig config, Clock clock) {
        this(config.session().maxSessions(), clock);
    }

    InMemorySessionStore(int maxSessions, Clock clock) {
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return live(key).map(Entry::value);
    }

    @Override
    public synchronized void put(String key, byte[] value, Duration ttl) {
        Instant now = clock.instant();
        entries.remove(key); // re-inserting moves the entry to the young end
        entries.put(key, new Entry(value, now.plus(ttl)));
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next();
            if (entries.size() > maxSessions || !oldest.expiresAt().isAfter(now)) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }

    @Override
    public synchronized boolean update(String key, byte[] value, Duration ttl) {
        if (live(key).isEmpty()) {
            return false;
        }
        put(key, value, ttl);
        return true;
    }

    @Override
    public synchronized void touch(String key, Duration ttl) {
        live(key).ifPresent(entry -> put(key, entry.value(), ttl));
    }

    @Override
    public synchronized void delete(String key) {
        entries.remove(key);
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    private Optional<Entry> live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }
}
