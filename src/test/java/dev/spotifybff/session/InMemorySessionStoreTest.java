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
    void beyond_the_bound_the_store_keeps_its_bound_and_the_session_in_use() {
        InMemorySessionStore store = store(3);
        store.put("in-use", new byte[] { 1 }, TTL);
        for (int i = 0; i < 5; i++) {
            store.getAndTouch("in-use", TTL);
        }

        for (int i = 0; i < 20; i++) {
            store.put("once-" + i, new byte[] { 1 }, TTL);
        }

        assertEquals(3, store.size());
        assertTrue(store.get("in-use").isPresent(), "Caffeine evicts what is least likely to be used again");
    }

    @Test
    void a_touch_restarts_the_time_to_live() {
        InMemorySessionStore store = store(10);
        store.put("a", new byte[] { 1 }, TTL);
        store.put("b", new byte[] { 2 }, TTL);
        clock.advance(Duration.ofMinutes(50));

        store.touch("a", TTL);
        clock.advance(Duration.ofMinutes(30));

        assertTrue(store.get("a").isPresent(), "touched 30 minutes ago");
        assertTrue(store.get("b").isEmpty(), "written 80 minutes ago");
    }

    @Test
    void each_entry_expires_at_its_own_time() {
        InMemorySessionStore store = store(10);
        store.put("long", new byte[] { 1 }, TTL);
        store.put("short", new byte[] { 2 }, Duration.ofMinutes(5)); // the last idle period before the absolute end

        clock.advance(Duration.ofMinutes(6));

        assertTrue(store.get("long").isPresent());
        assertTrue(store.get("short").isEmpty());
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
        store.create("c1", new byte[] { 1 }, TTL, "user-c", 5); // one of the three is evicted
        assertEquals(2, store.size());
        clock.advance(Duration.ofMinutes(2));
        store.get("b1"); // expired
        store.delete("c1");

        assertTrue(store.get("b1").isEmpty() && store.get("c1").isEmpty());
        assertEquals(store.get("a1").isPresent() ? 1 : 0, store.indexedUsers(), "only users with a live session");
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
