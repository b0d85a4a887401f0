package dev.spotifybff.quota;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.LogCapture;
import dev.spotifybff.support.Poll;
import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.RedisRequestCost;
import dev.spotifybff.support.RedisResource;
import dev.spotifybff.support.RedisServer;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With the Redis store, the app's pause reaches every instance by subscription, so a Web API call
 * asks Redis nothing: a pause another instance announces stops this one's calls at once; while the
 * subscription is down each call asks Redis again; a new subscription first learns of a pause it
 * missed. The other instance is played by redis-cli running the quota's own PAUSE script.
 */
@QuarkusTest
@TestProfile(RedisProfile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisPauseSubscriptionTest {

    private static final String PAUSE_KEY = "spotify-bff:{quota}:pause";
    private static final String CHANNEL = "spotify-bff:{quota}:paused";

    @Inject
    TestClock clock;

    private final RedisServer redis = RedisResource.server();

    @BeforeEach
    void listening() {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        browser.login();
        assertEquals(RedisRequestCost.SESSION_READ_ONLY, RedisRequestCost.onceListening(browser, "/api/me/top/artists", List.of(redis)), "the quota listens for pauses");
    }

    @AfterEach
    void unpaused() {
        redis.cli("ACL", "SETUSER", "default", "+subscribe");
        redis.cli("DEL", PAUSE_KEY);
        clock.advance(Duration.ofSeconds(10)); // past every pause this instance knows of
    }

    @Test
    void a_pause_another_instance_announces_stops_this_ones_web_api_calls_without_asking_redis() {
        redis.cli("EVAL", RedisQuota.PAUSE, "1", PAUSE_KEY, "3000", CHANNEL);

        RedisRequestCost.Measured paused = RedisRequestCost.ofANewSessionsRequest(List.of(redis));

        paused.answer().then().statusCode(429).header("Retry-After", "3").body("error", equalTo("rate_limited"));
        assertEquals(0, paused.webApiCalls(), "no Web API call");
        assertEquals(RedisRequestCost.SESSION_READ_ONLY, paused.redisCalls(), "the pause came by message, not by asking Redis");
    }

    @Test
    void while_the_subscription_is_down_each_call_asks_redis_and_honours_a_pause_it_finds() {
        try (LogCapture log = new LogCapture()) {
            lose(log);
            redis.cli("SET", PAUSE_KEY, "1", "PX", "3000"); // announced while this instance could not hear it

            RedisRequestCost.Measured paused = RedisRequestCost.ofANewSessionsRequest(List.of(redis));

            paused.answer().then().statusCode(429).header("Retry-After", "3");
            assertEquals(0, paused.webApiCalls(), "no Web API call");
            assertEquals(Map.of("getex", 1L, "pttl", 1L), paused.redisCalls(), "the call asked Redis");
        }
    }

    @Test
    void a_new_subscription_first_learns_of_a_pause_it_missed_then_calls_ask_redis_nothing() {
        try (LogCapture log = new LogCapture()) {
            lose(log);
            redis.cli("SET", PAUSE_KEY, "1", "PX", "5000"); // announced while this instance could not hear it
            redis.cli("ACL", "SETUSER", "default", "+subscribe");
            Poll.until("the quota to listen again", Duration.ofSeconds(10), Duration.ofMillis(50),
                    () -> log.lines().stream().anyMatch(l -> l.contains("subscribed again to Spotify pauses")));

            RedisRequestCost.Measured paused = RedisRequestCost.ofANewSessionsRequest(List.of(redis));

            paused.answer().then().statusCode(429).body("error", equalTo("rate_limited"));
            assertEquals(0, paused.webApiCalls(), "no Web API call");
            assertEquals(RedisRequestCost.SESSION_READ_ONLY, paused.redisCalls(), "the missed pause was learned on subscribing");
        }
    }

    /** Cuts the subscription and keeps it from coming back until SUBSCRIBE is allowed again. */
    private void lose(LogCapture log) {
        redis.cli("ACL", "SETUSER", "default", "-subscribe");
        assertEquals(List.of("1"), redis.cli("CLIENT", "KILL", "TYPE", "pubsub"), "one subscribed connection");
        Poll.until("the quota to notice", Duration.ofSeconds(10), Duration.ofMillis(20),
                () -> log.lines().stream().anyMatch(l -> l.contains("no subscription to Spotify pauses")));
    }
}
