package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.LogCapture;
import dev.spotifybff.support.Poll;
import dev.spotifybff.support.RedisSentinelResource;
import dev.spotifybff.support.RedisRequestCost;
import dev.spotifybff.support.RedisSentinels;
import dev.spotifybff.support.RedisServer;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Sentinel failover while requests flow: the master is SIGKILLed, the sentinels promote the
 * replica, and the BFF follows without a restart. Meanwhile requests answer 503 (never a 500, never
 * a logout), and every session written before the kill is on the new master (REDIS_WAIT_REPLICAS,
 * 1 by default with Sentinel, made each login wait for the replica). The app's Spotify quota
 * subscribes again, on the new master, and hears the pauses announced there. Then, with no replica
 * left, logins go on and the log says their writes are not replicated.
 */
@QuarkusTest
@TestProfile(RedisSentinelFailoverTest.OnSentinel.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelFailoverTest {

    private static final int SESSIONS = 20;
    private static final String PAUSE_KEY = "spotify-bff:{quota}:pause";

    @Inject
    TestClock clock;

    public static class OnSentinel implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisSentinelResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Twenty logins of one user, all kept (the default cap of 10 would end half of them).
            return Map.of("bff.session.max-per-user", "50");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void killing_the_master_mid_traffic_costs_503s_only_and_every_session_written_before_is_kept() throws Exception {
        SpotifyStub.defaults();
        RedisSentinels sentinels = RedisSentinelResource.sentinels();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            Browser browser = new Browser();
            browser.login();
            cookies.add(browser.cookies().get("bff_session"));
        }
        String oldMaster = sentinels.currentMaster();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean flowing = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            Thread client = new Thread(() -> {
                for (int i = offset; flowing.get(); i += 2) {
                    int status;
                    try {
                        status = classified(cookies.get(i % SESSIONS));
                    } catch (RuntimeException noAnswer) {
                        status = -1; // reported by the assertion below
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
            client.start();
            clients.add(client);
        }
        Thread.sleep(300); // traffic before the kill

        sentinels.master().kill();
        Poll.until("the sentinels to promote the replica", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> !sentinels.currentMaster().equals(oldMaster));
        Poll.until("the BFF to answer from the new master", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> status(cookies.get(0)) == 200);
        Thread.sleep(300); // traffic after it
        flowing.set(false);
        for (Thread client : clients) {
            client.join();
        }

        Map<Integer, Integer> seen = new TreeMap<>();
        statuses.forEach((status, count) -> seen.put(status, count.get()));
        System.out.println("Sentinel failover: statuses during the run " + seen); // the README quotes it
        assertTrue(onlyOkAndUnavailable(seen), "only 200 and 503 session_store_unavailable while the master is gone: "
                + seen);
        assertNotEquals(oldMaster, sentinels.currentMaster());
        assertEquals("127.0.0.1:" + sentinels.replica().port(), sentinels.currentMaster());
        List<Integer> after = cookies.stream().map(this::status).toList();
        assertEquals(Collections.nCopies(SESSIONS, 200), after, "every session written before the kill is kept");
        Browser newcomer = new Browser();
        newcomer.login();
        newcomer.api("GET", "/api/me").then().statusCode(200);
    }

    @Test
    @Order(2)
    void the_quota_follows_the_failover_and_hears_a_pause_announced_on_the_new_master() {
        SpotifyStub.defaults();
        RedisServer newMaster = RedisSentinelResource.sentinels().replica();
        Browser browser = new Browser();
        browser.login();
        assertEquals(RedisRequestCost.SESSION_READ_ONLY, RedisRequestCost.onceListening(browser, "/api/me", List.of(newMaster)),
                "the quota subscribed again, on the new master");
        try {
            newMaster.cli("SET", PAUSE_KEY, "1", "PX", "3000"); // what another instance's 429 does
            newMaster.cli("PUBLISH", "spotify-bff:{quota}:paused", "3000");

            RedisRequestCost.Measured paused = RedisRequestCost.ofANewSessionsRequest(List.of(newMaster));

            paused.answer().then().statusCode(429).header("Retry-After", "3");
            assertEquals(0, paused.webApiCalls(), "no Web API call");
            assertEquals(RedisRequestCost.SESSION_READ_ONLY, paused.redisCalls(), "the pause came by message");
        } finally {
            newMaster.cli("DEL", PAUSE_KEY);
            clock.advance(Duration.ofSeconds(10)); // past the pause this instance knows of
        }
    }

    @Test
    @Order(3)
    void with_no_replica_left_a_login_still_succeeds_and_the_log_says_the_write_is_unreplicated() {
        SpotifyStub.defaults();
        assertEquals("127.0.0.1:" + RedisSentinelResource.sentinels().replica().port(),
                RedisSentinelResource.sentinels().currentMaster(), "runs after the failover: the master has no replica");
        try (LogCapture log = new LogCapture()) {
            Browser browser = new Browser();
            browser.login();

            browser.api("GET", "/api/me").then().statusCode(200);
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("reached 0 of 1 replicas (REDIS_WAIT_REPLICAS)")),
                    "WAIT found no replica: " + log.lines());
        }
    }

    private static boolean onlyOkAndUnavailable(Map<Integer, Integer> seen) {
        return List.of(200, 503).containsAll(seen.keySet());
    }

    private int status(String cookie) {
        return answer(cookie).statusCode();
    }

    /** 503 counts only with the store's own error code: any other 503 is reported as 599. */
    private int classified(String cookie) {
        HttpResponse<String> answer = answer(cookie);
        boolean storeDown = answer.statusCode() == 503 && answer.body().contains("\"error\":\"session_store_unavailable\"");
        return answer.statusCode() == 503 && !storeDown ? 599 : answer.statusCode();
    }

    private HttpResponse<String> answer(String cookie) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(Browser.APP + "/api/me")).timeout(Duration.ofSeconds(10))
                    .header("Cookie", "bff_session=" + cookie).header("X-CSRF", "1").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no answer at all", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
