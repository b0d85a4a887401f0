package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.RedisCluster;
import dev.spotifybff.support.RedisClusterProfile;
import dev.spotifybff.support.RedisClusterResource;
import dev.spotifybff.support.RedisRequestCost;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The whole store contract on a real three-master Redis Cluster, plus what a cluster adds: every key
 * of one session shares a slot, and counting sessions visits every master.
 */
@QuarkusTest
@TestProfile(RedisClusterProfile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisClusterSessionStoreContractTest extends SessionStoreContract {

    private static final String PAUSE_KEY = "spotify-bff:{quota}:pause";

    @Override
    void letTimePass(String key, Duration ttl) {
        awaitRedisExpiry(key, ttl);
    }

    @Test
    void a_session_its_refresh_lock_and_its_users_index_hash_to_one_slot() {
        RedisCluster cluster = RedisClusterResource.cluster();
        Browser browser = new Browser();
        browser.login();
        SessionId id = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow();
        String session = "spotify-bff:session:" + id.storeKey();
        String index = cluster.keys().stream().filter(k -> k.startsWith("spotify-bff:user:")
                && cluster.cli("ZRANGE", k, "0", "-1").contains(session)).findFirst().orElseThrow();

        Set<String> slots = List.of(session, "spotify-bff:refresh-lock:" + id.storeKey(), index).stream()
                .map(key -> cluster.cli("CLUSTER", "KEYSLOT", key).get(0)).collect(Collectors.toSet());

        assertEquals(1, slots.size(), "session, lock and index in one slot: " + slots);
        assertEquals(List.of("1"), cluster.cli("EXISTS", session));
    }

    @Test
    void a_pause_announced_on_another_node_reaches_the_quota_by_message_so_calls_ask_redis_nothing() {
        RedisCluster cluster = RedisClusterResource.cluster();
        Browser browser = new Browser();
        browser.login();
        assertEquals(RedisRequestCost.SESSION_READ_ONLY, RedisRequestCost.onceListening(browser, "/api/me", cluster.nodes()),
                "the quota listens for pauses");
        try {
            // What an instance's 429 does: the pause key, then its announcement, here from the last
            // node (the quota subscribes on the first): a cluster passes messages to every node.
            cluster.cli("SET", PAUSE_KEY, "1", "PX", "3000");
            cluster.nodes().get(2).cli("PUBLISH", "spotify-bff:{quota}:paused", "3000");

            RedisRequestCost.Measured paused = RedisRequestCost.ofANewSessionsRequest(cluster.nodes());

            paused.answer().then().statusCode(429).header("Retry-After", "3");
            assertEquals(0, paused.webApiCalls(), "no Web API call");
            assertEquals(RedisRequestCost.SESSION_READ_ONLY, paused.redisCalls(), "the pause came by message");
        } finally {
            cluster.cli("DEL", PAUSE_KEY);
            clock.advance(Duration.ofSeconds(10)); // past the pause this instance knows of
        }
    }

    @Test
    void the_session_count_adds_up_every_master() {
        RedisCluster cluster = RedisClusterResource.cluster();
        for (int i = 0; i < 30; i++) {
            store.put("{user" + i + "}count", "x".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
        }
        long holding = cluster.nodes().stream()
                .filter(node -> node.cli("--scan", "--pattern", "spotify-bff:session:*").size() > 0).count();
        long everywhere = cluster.nodes().stream()
                .mapToLong(node -> node.cli("--scan", "--pattern", "spotify-bff:session:*").size()).sum();

        assertTrue(holding > 1, "sessions spread over " + holding + " masters");
        assertEquals(everywhere, store.size());
    }
}
