package dev.spotifybff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Concurrently;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;

/**
 * What every session store must do, run once per store: the store semantics the BFF relies on,
 * encryption at rest bound to the session, and one refresh per session however many requests race.
 */
abstract class SessionStoreContract {

    @Inject
    SessionStore store;

    @Inject
    Sessions sessions;

    @Inject
    TestClock clock;

    /** Lets the store's own clock pass the time to live (moved for memory, awaited for Redis). */
    abstract void letTimePass(String key, Duration ttl);

    /** Redis's clock cannot be moved: wait (bounded) for Redis itself to expire the key. */
    void awaitRedisExpiry(String key, Duration ttl) {
        long deadline = System.nanoTime() + ttl.multipliedBy(10).toNanos();
        while (store.get(key).isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void a_value_put_is_read_back_until_it_is_deleted() {
        String key = key();
        store.put(key, bytes("one"), Duration.ofHours(1));
        assertArrayEquals(bytes("one"), store.get(key).orElseThrow());

        store.delete(key);

        assertTrue(store.get(key).isEmpty());
    }

    @Test
    void an_update_replaces_a_live_value_but_never_revives_a_deleted_one() {
        String key = key();
        store.put(key, bytes("one"), Duration.ofHours(1));
        assertTrue(store.update(key, bytes("two"), Duration.ofHours(1)));
        assertArrayEquals(bytes("two"), store.get(key).orElseThrow());

        store.delete(key);

        assertFalse(store.update(key, bytes("three"), Duration.ofHours(1)));
        assertTrue(store.get(key).isEmpty());
    }

    @Test
    void an_entry_is_gone_once_its_time_to_live_has_passed() {
        String key = key();
        store.put(key, bytes("one"), Duration.ofMillis(300));

        letTimePass(key, Duration.ofMillis(300));

        assertTrue(store.get(key).isEmpty());
    }

    @Test
    void a_read_that_touches_restarts_the_time_to_live_in_the_same_call() {
        String key = key();
        store.put(key, bytes("one"), Duration.ofMillis(300));

        assertArrayEquals(bytes("one"), store.getAndTouch(key, Duration.ofHours(1)).orElseThrow());
        letTimePass(key, Duration.ofMillis(300));

        assertArrayEquals(bytes("one"), store.get(key).orElseThrow(), "alive an hour from the touch");
        assertTrue(store.getAndTouch("contract-absent-" + key, Duration.ofHours(1)).isEmpty());
    }

    @Test
    void a_stored_session_shows_no_token_in_clear() {
        Browser browser = new Browser();
        browser.login();
        SessionId id = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow();

        String raw = new String(store.get(id.storeKey()).orElseThrow(), StandardCharsets.ISO_8859_1);

        assertFalse(raw.contains(SpotifyStub.ACCESS_TOKEN));
        assertFalse(raw.contains(SpotifyStub.REFRESH_TOKEN));
        assertFalse(raw.contains("accessToken"), "not even the field names: the value is sealed");
    }

    @Test
    void a_stored_value_copied_under_another_session_key_does_not_open() {
        Browser browser = new Browser();
        browser.login();
        SessionId id = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow();
        SessionId other = SessionId.random(id.value().substring(0, 8),
                UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));

        store.put(other.storeKey(), store.get(id.storeKey()).orElseThrow(), Duration.ofHours(1));

        assertTrue(sessions.load(other).isEmpty());
        assertTrue(sessions.load(id).isPresent());
    }

    @Test
    void a_stored_value_that_does_not_open_ends_the_session_with_401() {
        Browser browser = new Browser();
        browser.login();
        SessionId id = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow();
        store.put(id.storeKey(), bytes("garbage that was never sealed by this BFF"), Duration.ofHours(1));

        browser.api("GET", "/api/me").then().statusCode(401);

        assertTrue(store.get(id.storeKey()).isEmpty());
    }

    @Test
    void twenty_racing_requests_with_an_expired_token_cause_exactly_one_refresh() throws Exception {
        Browser browser = new Browser();
        browser.login();
        SpotifyStub.server().resetRequests();
        clock.advance(Duration.ofHours(2));
        List<Integer> statuses = Concurrently.get(browser.cookies().get("bff_session"),
                Concurrently.times(20, Browser.APP + "/api/me"));

        assertEquals(Collections.nCopies(20, 200), statuses);

        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    private static String key() {
        return "contract-" + UUID.randomUUID();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
