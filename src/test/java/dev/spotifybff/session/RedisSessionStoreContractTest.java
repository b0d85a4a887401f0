package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.RedisResource;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RedisProfile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisSessionStoreContractTest extends SessionStoreContract {

    @Override
    void letTimePass(String key, Duration ttl) {
        // Redis's clock cannot be moved: wait (bounded) for Redis itself to expire the key.
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

    @Test
    void redis_cli_scan_and_get_on_every_key_shows_no_token_no_secret_and_no_name() throws Exception {
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
    void a_session_key_expires_in_redis_with_the_idle_timeout_and_logout_deletes_it_at_once() throws Exception {
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
    void an_api_request_costs_one_redis_command_for_its_session() throws Exception {
        Browser browser = new Browser();
        browser.login();
        redisCli("CONFIG", "RESETSTAT");

        browser.api("GET", "/api/me").then().statusCode(200);

        java.util.Map<String, Long> calls = new java.util.TreeMap<>();
        for (String line : redisCli("INFO", "commandstats")) {
            java.util.regex.Matcher stat = java.util.regex.Pattern.compile("^cmdstat_(\\w+):calls=(\\d+)").matcher(line);
            // info, config and auth are redis-cli's own commands
            if (stat.find() && !List.of("info", "config", "auth").contains(stat.group(1))) {
                calls.put(stat.group(1), Long.parseLong(stat.group(2)));
            }
        }
        assertEquals(java.util.Map.of("getex", 1L), calls, "read and idle-timeout restart in one GETEX");
    }

    @Test
    void a_corrupt_value_in_redis_ends_that_session_with_401_not_a_500() throws Exception {
        Browser browser = new Browser();
        browser.login();
        String key = "spotify-bff:session:"
                + sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow().storeKey();
        redisCli("SET", key, "{not base64, not sealed}");

        browser.api("GET", "/api/me").then().statusCode(401);

        assertEquals(List.of("0"), redisCli("EXISTS", key), "the unreadable session is gone");
    }

    private static List<String> redisCli(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("redis-cli"));
        command.addAll(RedisResource.server().cliArgs());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
