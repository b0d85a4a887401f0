package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ResponseCacheTest.CacheOn.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResponseCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no stale window here: past its TTL an entry is gone (StaleWhileRevalidateTest has the window)
            return Map.of("bff.cache.enabled", "true", "bff.cache.ttl", "60s", "bff.cache.stale-ttl", "0s");
        }
    }

    @Inject
    TestClock clock;

    @Inject
    ResponseCache cache;

    private final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        SpotifyStub.defaults();
        browser.login();
        SpotifyStub.server().resetRequests();
    }

    @Test
    void a_second_call_within_the_ttl_is_answered_without_calling_spotify() {
        browser.api("GET", "/api/me").then().statusCode(200);
        browser.api("GET", "/api/me").then().statusCode(200);
        browser.api("GET", "/api/me/top/tracks?time_range=short_term").then().statusCode(200);
        browser.api("GET", "/api/me/top/tracks?time_range=short_term").then().statusCode(200);
        browser.api("GET", "/api/me/top/tracks?time_range=long_term").then().statusCode(200);

        assertEquals(1, calls("/v1/me"));
        assertEquals(2, calls("/v1/me/top/tracks"), "each time range is its own entry");
    }

    @Test
    void after_the_ttl_spotify_is_asked_again() {
        browser.api("GET", "/api/me").then().statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        browser.api("GET", "/api/me").then().statusCode(200);

        assertEquals(2, calls("/v1/me"));
    }

    @Test
    void sessions_never_share_entries() {
        Browser other = new Browser();
        other.login();
        SpotifyStub.server().resetRequests();

        browser.api("GET", "/api/me").then().statusCode(200);
        other.api("GET", "/api/me").then().statusCode(200);

        assertEquals(2, calls("/v1/me"));
    }

    @Test
    void a_failure_is_not_cached() {
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(503)));
        browser.api("GET", "/api/me").then().statusCode(502);
        SpotifyStub.defaults();

        browser.api("GET", "/api/me").then().statusCode(200);
    }

    @Test
    void logout_drops_the_sessions_entries_and_a_logged_out_cookie_gets_401_not_a_cached_answer() {
        browser.api("GET", "/api/me").then().statusCode(200);
        String cookie = browser.cookies().get("bff_session");
        long before = cache.size();

        browser.api("POST", "/logout").then().statusCode(204);

        assertEquals(before - 1, cache.size());
        io.restassured.RestAssured.given().cookie("bff_session", cookie).header("X-CSRF", "1")
                .get(Browser.APP + "/api/me").then().statusCode(401);
    }

    @Test
    void a_session_ended_by_spotify_drops_its_entries_too() {
        browser.api("GET", "/api/me").then().statusCode(200);
        long before = cache.size();
        // Spotify rejects the token, and the refresh: the session ends, without any time passing.
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).willReturn(aResponse().withStatus(401)));
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

        browser.api("GET", "/api/me/top/tracks").then().statusCode(401);

        assertEquals(before - 1, cache.size());
    }

    private static int calls(String path) {
        return SpotifyStub.server().findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }
}
