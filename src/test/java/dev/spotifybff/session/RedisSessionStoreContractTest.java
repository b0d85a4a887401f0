package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.LogCapture;
import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.RedisRequestCost;
import dev.spotifybff.support.RedisResource;
import dev.spotifybff.support.RedisServer;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RedisProfile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisSessionStoreContractTest extends SessionStoreContract {

    @Inject
    RedisCommands redis;

    @Override
    void letTimePass(String key, Duration ttl) {
        awaitRedisExpiry(key, ttl);
    }

    /** The Redis these tests run on; the TLS variant overrides it. */
    RedisServer server() {
        return RedisResource.server();
    }

    @Test
    void redis_cli_scan_and_get_on_every_key_shows_no_token_no_secret_and_no_name() {
        // With the default cap, each login also keeps the user's index (a sorted set of session keys).
        Browser browser = new Browser();
        browser.login();
        browser.api("GET", "/api/me");

        List<String> keys = redisCli("--scan");
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("spotify-bff:session:")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("spotify-bff:user:")), "the per-user index: " + keys);
        for (String key : keys) {
            boolean index = redisCli("TYPE", key).equals(List.of("zset"));
            String value = String.join("\n", index ? redisCli("ZRANGE", key, "0", "-1") : redisCli("GET", key));
            assertFalse(key.toLowerCase().contains("wizzler"), "no user id in a key name: " + key);
            for (String secret : List.of(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESH_TOKEN, SpotifyStub.CLIENT_SECRET,
                    "Wizzler", "wizzler")) {
                assertFalse(value.contains(secret), key + " holds " + secret);
            }
        }
    }

    @Test
    void a_session_key_expires_in_redis_with_the_idle_timeout_and_logout_deletes_it_at_once() {
        Browser browser = new Browser();
        browser.login();
        String key = "spotify-bff:session:"
                + sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow().storeKey();
        long ttlMillis = Long.parseLong(redisCli("PTTL", key).get(0));
        assertTrue(ttlMillis > Duration.ofDays(13).toMillis() && ttlMillis <= Duration.ofDays(14).toMillis(),
                "PTTL " + ttlMillis);

        browser.api("POST", "/logout");

        assertEquals(List.of("0"), redisCli("EXISTS", key));
    }

    @Test
    void an_api_request_costs_one_redis_command_its_sessions_getex_once_the_quota_listens_for_pauses() {
        Browser browser = new Browser();
        browser.login();

        assertEquals(RedisRequestCost.SESSION_READ_ONLY, RedisRequestCost.onceListening(browser, "/api/me", List.of(server())),
                "the session's read and idle-timeout restart in one GETEX; no round trip for the app's Spotify quota");
    }

    @Test
    void a_corrupt_value_in_redis_ends_that_session_with_401_not_a_500() {
        Browser browser = new Browser();
        browser.login();
        String key = "spotify-bff:session:"
                + sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow().storeKey();
        redisCli("SET", key, "{not base64, not sealed}");

        browser.api("GET", "/api/me").then().statusCode(401);

        assertEquals(List.of("0"), redisCli("EXISTS", key), "the unreadable session is gone");
    }

    @Test
    void an_allkeys_eviction_policy_is_warned_about_and_noeviction_is_not() {
        try (LogCapture log = new LogCapture()) {
            redisCli("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
            RedisEvictionPolicy.warnIfEvicting(redis);
            redisCli("CONFIG", "SET", "maxmemory-policy", "noeviction");
            RedisEvictionPolicy.warnIfEvicting(redis);

            List<String> warnings = log.lines().stream().filter(l -> l.contains("maxmemory-policy is")).toList();
            assertEquals(1, warnings.size(), log.lines().toString());
            assertTrue(warnings.get(0).contains("allkeys-lru") && warnings.get(0).contains("noeviction or volatile-ttl"),
                    warnings.get(0));
        }
    }

    private List<String> redisCli(String... args) {
        return server().cli(args);
    }
}
