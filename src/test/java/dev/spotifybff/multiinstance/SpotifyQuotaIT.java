package dev.spotifybff.multiinstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.spotifybff.support.AppProcess;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Concurrently;
import dev.spotifybff.support.RedisServer;
import dev.spotifybff.support.SpotifyStub;
import io.restassured.response.Response;

/**
 * One Spotify quota for the whole app: two packaged instances on one real Redis. A 429 from Spotify
 * to either instance stops every Web API call from both for Retry-After, while both keep answering
 * (from the cache, even stale, where they hold an answer; 429 with the remaining wait where not);
 * and SPOTIFY_RATE_LIMIT is one budget for both, counted atomically.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpotifyQuotaIT {

    private static RedisServer redis;
    private static AppProcess a;
    private static AppProcess b;

    @BeforeAll
    static void startRedisAndSpotify() {
        redis = new RedisServer().start();
        Map<String, String> stub = new SpotifyStub().start();
        int portA = AppProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "CLIENT_ID", SpotifyStub.CLIENT_ID,
                "CLIENT_SECRET", SpotifyStub.CLIENT_SECRET,
                "SESSION_SECRET", "quota-instances-secret-0123456789abcdefghij",
                "REDIRECT_URI", "http://127.0.0.1:" + portA + "/callback",
                "SESSION_STORE", "redis",
                "REDIS_URL", redis.url(),
                "SPOTIFY_ACCOUNTS_URL", stub.get("bff.spotify.accounts-url"),
                "SPOTIFY_API_URL", stub.get("bff.spotify.api-url"),
                "CANONICAL_ORIGIN_REDIRECT", "false"));
        a = new AppProcess("quota-a", portA, env);
        b = new AppProcess("quota-b", AppProcess.freePort(), env);
    }

    @AfterAll
    static void stopEverything() {
        MultiInstanceRedisIT.stopAll(a, b, redis);
    }

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    /** Both instances (re)started with these settings, on keys of their own in Redis. */
    private static void runBoth(Map<String, String> settings) {
        a.restart(settings);
        b.restart(settings);
    }

    @Test
    void a_429_on_one_instance_stops_both_for_retry_after_while_they_answer_from_cache_or_with_429() throws Exception {
        runBoth(Map.of("REDIS_KEY_PREFIX", "pause:", "SPOTIFY_RATE_LIMIT", "0", "CACHE_ENABLED", "true",
                "CACHE_TTL", "1s"));
        Browser browser = new Browser(a.url());
        browser.login();
        browser.api(a.url(), "GET", "/api/me").then().statusCode(200).header("Cache-Status", "spotify-bff; fwd=miss");
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));

        browser.api(b.url(), "GET", "/api/me/top/tracks").then().statusCode(429).header("Retry-After", "5");
        long pausedAt = System.nanoTime();
        int callsBefore = SpotifyStub.webApiCalls();

        List<String> seen = new ArrayList<>();
        while (since(pausedAt).compareTo(Duration.ofMillis(4500)) < 0) {
            Response cached = browser.api(a.url(), "GET", "/api/me");
            cached.then().statusCode(200);
            seen.add(cached.header("Cache-Status"));
            for (Response refused : List.of(browser.api(b.url(), "GET", "/api/me"),
                    browser.api(a.url(), "GET", "/api/me/top/artists"))) {
                refused.then().statusCode(429);
                assertEquals("rate_limited", refused.jsonPath().getString("error"));
                int retryAfter = Integer.parseInt(refused.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
            }
            Thread.sleep(250); // a browser's pace, through the whole pause
        }

        assertEquals(callsBefore, SpotifyStub.webApiCalls(), "no Web API call reached Spotify from either instance");
        assertTrue(seen.contains("spotify-bff; hit; stale"), "a's cached answer, past its 1 s TTL, served stale: " + seen);

        Thread.sleep(Math.max(0, Duration.ofMillis(5600).minus(since(pausedAt)).toMillis())); // the pause is over
        browser.api(b.url(), "GET", "/api/me").then().statusCode(200);
        browser.api(a.url(), "GET", "/api/me/top/tracks").then().statusCode(200);
        assertEquals(callsBefore + 2, SpotifyStub.webApiCalls(), "calls resumed");
    }

    @Test
    void with_spotify_rate_limit_20_forty_uncached_requests_over_both_instances_make_exactly_20_calls() throws Exception {
        runBoth(Map.of("REDIS_KEY_PREFIX", "budget:", "SPOTIFY_RATE_LIMIT", "20", "CACHE_ENABLED", "false"));
        Browser browser = new Browser(a.url());
        browser.login();
        SpotifyStub.server().resetRequests();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add(a.url() + "/api/me");
            urls.add(b.url() + "/api/me");
        }

        List<Integer> statuses = Concurrently.get(browser.cookies().get("bff_session"), urls);

        assertEquals(20, SpotifyStub.webApiCalls(), "upstream calls");
        assertEquals(20, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }


    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
