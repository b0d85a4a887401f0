package dev.spotifybff.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import dev.spotifybff.config.BffConfig;

/**
 * The default store: one JVM, bounded. Entries are kept in write order, so the oldest is evicted
 * first when the bound is reached, and expired entries at the head are dropped on every write.
 * Reads check expiry themselves, so no cleanup job is needed. A per-user index (oldest first)
 * lets a login end that user's oldest sessions beyond the cap; it loses a key whenever its entry
 * goes, so it never holds more than the entries.
 */
@ApplicationScoped
@Typed(InMemorySessionStore.class)
public class InMemorySessionStore implements SessionStore {

    private record Entry(byte[] value, Instant expiresAt, String userKey) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Set<String>> byUser = new HashMap<>();
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
    public synchronized Optional<byte[]> getAndTouch(String key, Duration ttl) {
        Optional<Entry> entry = live(key);
        entry.ifPresent(e -> insert(key, e.value(), ttl, e.userKey()));
        return entry.map(Entry::value);
    }

    @Override
    public synchronized void put(String key, byte[] value, Duration ttl) {
        Entry previous = entries.get(key);
        insert(key, value, ttl, previous == null ? null : previous.userKey());
    }

    @Override
    public synchronized List<String> create(String key, byte[] value, Duration ttl, String userKey, int maxPerUser) {
        if (maxPerUser <= 0) {
            insert(key, value, ttl, null);
            return List.of();
        }
        insert(key, value, ttl, userKey);
        Set<String> mine = byUser.get(userKey);
        List<String> ended = new ArrayList<>();
        Iterator<String> oldestFirst = mine.iterator();
        while (mine.size() - ended.size() > maxPerUser && oldestFirst.hasNext()) {
            ended.add(oldestFirst.next());
        }
        ended.forEach(this::remove);
        return ended;
    }

    @Override
    public synchronized boolean update(String key, byte[] value, Duration ttl) {
        Optional<Entry> entry = live(key);
        if (entry.isEmpty()) {
            return false;
        }
        insert(key, value, ttl, entry.get().userKey());
        return true;
    }

    @Override
    public synchronized void touch(String key, Duration ttl) {
        live(key).ifPresent(entry -> insert(key, entry.value(), ttl, entry.userKey()));
    }

    @Override
    public synchronized void delete(String key) {
        remove(key);
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    /** One entry as it is kept, for dev mode to carry the store over a live reload (DevModeSessions). */
    record Kept(String key, byte[] value, Instant expiresAt, String userKey) {
    }

    synchronized List<Kept> kept() {
        List<Kept> kept = new ArrayList<>(entries.size());
        entries.forEach((key, entry) -> kept.add(new Kept(key, entry.value(), entry.expiresAt(), entry.userKey())));
        return kept;
    }

    /** Puts back what {@link #kept()} returned, oldest first; entries that expired meanwhile stay out. */
    synchronized void restore(List<Kept> kept) {
        Instant now = clock.instant();
        for (Kept entry : kept) {
            if (entry.expiresAt().isAfter(now)) {
                insert(entry.key(), entry.value(), Duration.between(now, entry.expiresAt()), entry.userKey());
            }
        }
    }

    /** Users with an index entry: none once their sessions are gone, however they went. */
    synchronized int indexedUsers() {
        return byUser.size();
    }

    private void insert(String key, byte[] value, Duration ttl, String userKey) {
        Instant now = clock.instant();
        entries.remove(key); // re-inserting moves the entry to the young end
        entries.put(key, new Entry(value, now.plus(ttl), userKey));
        if (userKey != null) {
            byUser.computeIfAbsent(userKey, u -> new LinkedHashSet<>()).add(key);
        }
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Entry> oldest = oldestFirst.next();
            if (entries.size() > maxSessions || !oldest.getValue().expiresAt().isAfter(now)) {
                oldestFirst.remove();
                unindex(oldest.getKey(), oldest.getValue());
            } else {
                break;
            }
        }
    }

    private void remove(String key) {
        Entry entry = entries.remove(key);
        if (entry != null) {
            unindex(key, entry);
        }
    }

    private void unindex(String key, Entry entry) {
        if (entry.userKey() == null) {
            return;
        }
        Set<String> mine = byUser.get(entry.userKey());
        if (mine != null && mine.remove(key) && mine.isEmpty()) {
            byUser.remove(entry.userKey());
        }
    }

    private Optional<Entry> live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.expiresAt().isAfter(clock.instant())) {
            remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }
}
