package dev.spotifybff.multiinstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.spotifybff.crypto.TestSealers;
import dev.spotifybff.support.AppProcess;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Concurrently;
import dev.spotifybff.support.RedisServer;
import dev.spotifybff.support.SpotifyStub;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Two instances of the packaged BFF share one real Redis, as behind a load balancer: a session made
 * on A works on B, a logout on B ends it on A, a restart keeps it, a secret rotation logs nobody out,
 * and twenty requests racing over both instances with an expired token cause one refresh, against a
 * token endpoint that kills a refresh token once it has been used, even when that endpoint takes
 * longer than the fixed 15-second lock of earlier releases.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MultiInstanceRedisIT {

    private static final String OLD_SECRET = "multi-instance-old-secret-0123456789abcdef";
    private static final String NEW_SECRET = "multi-instance-new-secret-0123456789abcdef";

    private static RedisServer redis;
    private static AppProcess a;
    private static AppProcess b;

    @BeforeAll
    static void startEverything() {
        redis = new RedisServer().start();
        // Raised freely by operators: the refresh lock must outlive a token call this slow.
        AppProcess[] both = startTwo("instance", OLD_SECRET,
                Map.of("REDIS_URL", redis.url(), "SPOTIFY_READ_TIMEOUT", "20s"));
        a = both[0];
        b = both[1];
    }

    /** The stub Spotify, then two packaged instances sharing one secret and the given Redis settings. */
    static AppProcess[] startTwo(String name, String secret, Map<String, String> redisEnv) {
        Map<String, String> stub = new SpotifyStub().start();
        int portA = AppProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "CLIENT_ID", SpotifyStub.CLIENT_ID,
                "CLIENT_SECRET", SpotifyStub.CLIENT_SECRET,
                "SESSION_SECRET", secret,
                "REDIRECT_URI", "http://127.0.0.1:" + portA + "/callback",
                "SESSION_STORE", "redis",
                "SPOTIFY_ACCOUNTS_URL", stub.get("bff.spotify.accounts-url"),
                "SPOTIFY_API_URL", stub.get("bff.spotify.api-url"),
                // B has another port than REDIRECT_URI; behind a real balancer both share one origin.
                "CANONICAL_ORIGIN_REDIRECT", "false"));
        env.putAll(redisEnv);
        return new AppProcess[] { new AppProcess(name + "-a", portA, env).start(),
                new AppProcess(name + "-b", AppProcess.freePort(), env).start() };
    }

    @AfterAll
    static void stopEverything() {
        stopAll(a, b, redis);
    }

    /** Stops what was started (best effort: a failed start leaves nulls), and the stub Spotify. */
    static void stopAll(AutoCloseable... started) {
        for (AutoCloseable closeable : started) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
        new SpotifyStub().stop();
    }

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void a_session_made_on_a_works_on_b_and_a_logout_on_b_ends_it_on_a() {
        assertSessionSharedAndLogoutEverywhere(a, b);
    }

    static void assertSessionSharedAndLogoutEverywhere(AppProcess a, AppProcess b) {
        Browser browser = new Browser(a.url());
        browser.login();

        browser.api(b.url(), "GET", "/api/me").then().statusCode(200);
        browser.api(b.url(), "POST", "/logout").then().statusCode(204);

        browser.api(a.url(), "GET", "/api/me").then().statusCode(401);
    }

    @Test
    void a_cookie_replayed_on_a_after_a_logout_on_b_gets_401() {
        Browser browser = new Browser(a.url());
        browser.login();
        String cookie = browser.cookies().get("bff_session");

        browser.api(b.url(), "POST", "/logout").then().statusCode(204);

        RestAssured.given().cookie("bff_session", cookie).header("X-CSRF", "1").get(a.url() + "/api/me")
                .then().statusCode(401);
    }

    @Test
    void a_restarted_instance_still_knows_the_session() {
        Browser browser = new Browser(a.url());
        browser.login();

        a.restart(Map.of());

        browser.api(a.url(), "GET", "/api/me").then().statusCode(200);
    }

    @Test
    void twenty_requests_over_both_instances_with_an_expired_token_cause_exactly_one_refresh() throws Exception {
        assertTwentyRacingRequestsRefreshOnce(a, b);
    }

    static void assertTwentyRacingRequestsRefreshOnce(AppProcess a, AppProcess b) throws Exception {
        Browser browser = new Browser(a.url());
        loginWithAnExpiringTokenAndARotatingRefreshToken(browser);
        String cookie = browser.cookies().get("bff_session");
        SpotifyStub.server().resetRequests();

        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add((i % 2 == 0 ? a.url() : b.url()) + "/api/me");
        }
        List<Integer> statuses = Concurrently.get(cookie, urls);

        assertEquals(java.util.Collections.nCopies(20, 200), statuses);

        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void a_token_endpoint_slower_than_the_old_fifteen_second_lock_does_not_let_the_other_instance_spend_the_token()
            throws Exception {
        Browser browser = new Browser(a.url());
        loginWithAnExpiringTokenAndARotatingRefreshToken(browser, 16_000);
        String cookie = browser.cookies().get("bff_session");
        SpotifyStub.server().resetRequests();

        List<Integer> statuses = Concurrently.get(cookie, List.of(a.url() + "/api/me", b.url() + "/api/me"));

        assertEquals(List.of(200, 200), statuses, "both requests wait for the one slow refresh");
        browser.api(b.url(), "GET", "/api/me").then().statusCode(200);
        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void a_refresh_lock_left_by_a_dead_instance_blocks_no_longer_than_its_expiry() throws Exception {
        Browser browser = new Browser(a.url());
        loginWithAnExpiringTokenAndARotatingRefreshToken(browser);
        String storeKey = TestSealers.sessionIdFromCookie(OLD_SECRET, browser.cookies().get("bff_session")).storeKey();
        String lock = "spotify-bff:refresh-lock:" + storeKey;
        redis.cli("SET", lock, "held-by-a-crashed-instance", "PX", "1500");

        browser.api(b.url(), "GET", "/api/me").then().statusCode(200);

        assertEquals(List.of("0"), redis.cli("EXISTS", lock));
        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void a_secret_rotation_logs_nobody_out_and_reseals_cookie_and_stored_tokens() throws Exception {
        Browser browser = new Browser(a.url());
        browser.login();
        String oldCookie = browser.cookies().get("bff_session");
        Map<String, String> rotated = new HashMap<>(Map.of("SESSION_SECRET", NEW_SECRET,
                "SESSION_SECRET_PREVIOUS", OLD_SECRET));
        a.restart(rotated);
        b.restart(rotated);

        // Spotify rejects the stored token once: the BFF refreshes, which re-seals the stored value.
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + SpotifyStub.ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(401)));
        Response me = browser.api(a.url(), "GET", "/api/me");
        me.then().statusCode(200);
        String newCookie = me.getCookie("bff_session");
        assertNotNull(newCookie, "the cookie sealed with the previous secret is re-sealed");
        assertNotEquals(oldCookie, newCookie);

        Map<String, String> newOnly = new HashMap<>();
        newOnly.put("SESSION_SECRET_PREVIOUS", null);
        a.restart(newOnly);
        b.restart(newOnly);

        browser.api(b.url(), "GET", "/api/me").then().statusCode(200);
        RestAssured.given().cookie("bff_session", oldCookie).header("X-CSRF", "1").get(a.url() + "/api/me")
                .then().statusCode(401);
        a.restart(Map.of("SESSION_SECRET", OLD_SECRET));
        b.restart(Map.of("SESSION_SECRET", OLD_SECRET));
    }

    /**
     * The code exchange answers expires_in=30 (inside the 60 s skew), and R1 dies once it has been
     * used. The refresh takes a while, so requests on the other instance arrive while it is under way.
     */
    private static void loginWithAnExpiringTokenAndARotatingRefreshToken(Browser browser) {
        loginWithAnExpiringTokenAndARotatingRefreshToken(browser, 500); // a race window
    }

    private static void loginWithAnExpiringTokenAndARotatingRefreshToken(Browser browser, int refreshMillis) {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":30,"refresh_token":"R1","scope":""}"""
                        .formatted(SpotifyStub.ACCESS_TOKEN))));
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token")).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("refresh_token=R1"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600,"refresh_token":"R2","scope":""}"""
                        .formatted(SpotifyStub.REFRESHED_ACCESS_TOKEN)).withFixedDelay(refreshMillis))
                .willSetStateTo("R1 used"));
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token")).inScenario("rotation")
                .whenScenarioStateIs("R1 used").withRequestBody(containing("refresh_token=R1"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        browser.login();
    }
}
