package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.TestClock;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemorySessionStoreTest {

    private static final Duration TTL = Duration.ofHours(1);
    private final TestClock clock = new TestClock();

    private InMemorySessionStore store(int max) {
        return new InMemorySessionStore(max, clock);
    }

    @Test
    void an_entry_is_gone_once_its_time_to_live_has_passed() {
        InMemorySessionStore store = store(10);
        store.put("a", new byte[] { 1 }, TTL);

        clock.advance(TTL.minusSeconds(1));
        assertTrue(store.get("a").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(store.get("a").isEmpty());
    }

    @Test
    void beyond_the_bound_the_oldest_entry_is_evicted_first() {
        InMemorySessionStore store = store(3);
        for (String key : new String[] { "a", "b", "c", "d" }) {
            store.put(key, new byte[] { 1 }, TTL);
        }

        assertEquals(3, store.size());
        assertTrue(store.get("a").isEmpty());
        assertTrue(store.get("b").isPresent() && store.get("d").isPresent());
    }

    @Test
    void a_touch_restarts_the_time_to_live_and_makes_the_entry_young_again() {
        InMemorySessionStore store = store(2);
        store.put("a", new byte[] { 1 }, TTL);
        store.put("b", new byte[] { 2 }, TTL);
        clock.advance(Duration.ofMinutes(50));

        store.touch("a", TTL);
        store.put("c", new byte[] { 3 }, TTL);
        clock.advance(Duration.ofMinutes(30));

        assertTrue(store.get("a").isPresent(), "touched 30 minutes ago");
        assertTrue(store.get("b").isEmpty(), "evicted as the oldest");
    }

    @Test
    void an_update_never_revives_a_deleted_entry() {
        InMemorySessionStore store = store(10);
        store.put("a", new byte[] { 1 }, TTL);
        store.delete("a");

        assertFalse(store.update("a", new byte[] { 2 }, TTL));
        assertTrue(store.get("a").isEmpty());
    }

    @Test
    void expired_entries_are_dropped_on_write_so_memory_does_not_grow() {
        InMemorySessionStore store = store(1000);
        for (int i = 0; i < 100; i++) {
            store.put("old" + i, new byte[] { 1 }, Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(2));

        store.put("new", new byte[] { 1 }, TTL);

        assertEquals(1, store.size());
    }

    @Test
    void a_login_beyond_the_per_user_cap_ends_that_users_oldest_session_only() {
        InMemorySessionStore store = store(100);
        store.create("other", new byte[] { 9 }, TTL, "user-b", 2);
        store.create("a1", new byte[] { 1 }, TTL, "user-a", 2);
        store.create("a2", new byte[] { 2 }, TTL, "user-a", 2);
        store.touch("a1", TTL); // using a session does not make it younger for the cap: logins count

        assertEquals(java.util.List.of("a1"), store.create("a3", new byte[] { 3 }, TTL, "user-a", 2));

        assertTrue(store.get("a1").isEmpty());
        assertTrue(store.get("a2").isPresent() && store.get("a3").isPresent() && store.get("other").isPresent());
    }

    @Test
    void the_per_user_index_forgets_sessions_that_were_evicted_expired_or_deleted() {
        InMemorySessionStore store = store(2);
        store.create("a1", new byte[] { 1 }, TTL, "user-a", 5);
        store.create("b1", new byte[] { 1 }, Duration.ofMinutes(1), "user-b", 5);
        store.create("c1", new byte[] { 1 }, TTL, "user-c", 5); // evicts a1, the oldest
        clock.advance(Duration.ofMinutes(2));
        store.get("b1"); // expired
        store.delete("c1");

        assertEquals(0, store.indexedUsers());
    }

    @Test
    void with_no_cap_nothing_is_indexed() {
        InMemorySessionStore store = store(10);
        for (int i = 0; i < 5; i++) {
            assertEquals(java.util.List.of(), store.create("k" + i, new byte[] { 1 }, TTL, "user-a", 0));
        }

        assertEquals(5, store.size());
        assertEquals(0, store.indexedUsers());
    }
}
