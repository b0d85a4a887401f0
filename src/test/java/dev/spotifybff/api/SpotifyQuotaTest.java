package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The app-wide pause on one instance (the memory store): after Spotify's 429 no session calls the
 * Web API until Retry-After has passed on the app's clock; token refreshes go on. The shared pause
 * across instances is SpotifyQuotaIT's.
 */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpotifyQuotaTest {

    @Inject
    TestClock clock;

    private final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        SpotifyStub.defaults();
        browser.login();
    }

    @AfterEach
    void letThePausePass() {
        clock.advance(Duration.ofSeconds(10)); // the tests' pauses are 5 s: the next test starts unpaused
    }

    @Test
    void a_429_pauses_every_sessions_web_api_calls_for_retry_after_then_calls_resume() {
        Browser other = new Browser();
        other.login();
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me/top/tracks"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        browser.api("GET", "/api/me/top/tracks").then().statusCode(429).header("Retry-After", "5");
        SpotifyStub.defaults();

        browser.api("GET", "/api/me").then().statusCode(429).header("Retry-After", "5")
                .body("error", equalTo("rate_limited"));
        other.api("GET", "/api/me/top/artists").then().statusCode(429).header("Retry-After", "5");
        clock.advance(Duration.ofSeconds(3));
        other.api("GET", "/api/me").then().statusCode(429).header("Retry-After", "2");
        assertEquals(0, SpotifyStub.webApiCalls(), "no call reached Spotify during the pause");

        clock.advance(Duration.ofSeconds(2));
        browser.api("GET", "/api/me").then().statusCode(200);
        other.api("GET", "/api/me/top/tracks").then().statusCode(200);
        assertEquals(2, SpotifyStub.webApiCalls());
    }

    @Test
    void the_pause_is_metered_as_a_429_received_its_seconds_and_the_calls_it_saved() {
        double received = metric("bff_spotify_rate_limited_total");
        double seconds = metric("bff_spotify_paused_seconds_total");
        double saved = metric("bff_spotify_calls_saved_total{reason=\"paused\"}");
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me/top/tracks"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));

        browser.api("GET", "/api/me/top/tracks").then().statusCode(429);
        browser.api("GET", "/api/me").then().statusCode(429);
        browser.api("GET", "/api/me/top/artists").then().statusCode(429);

        assertEquals(received + 1, metric("bff_spotify_rate_limited_total"));
        assertEquals(seconds + 5, metric("bff_spotify_paused_seconds_total"));
        assertEquals(saved + 2, metric("bff_spotify_calls_saved_total{reason=\"paused\"}"));
    }

    /** The value of one series at /q/metrics (0 before it first appears). */
    private static double metric(String series) {
        String metrics = RestAssured.get(Browser.MANAGEMENT + "/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }

    @Test
    void a_token_refresh_still_goes_to_the_accounts_service_during_a_pause() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":30,
                         "refresh_token":"%s","scope":"user-read-private"}"""
                        .formatted(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESH_TOKEN))));
        Browser expiring = new Browser();
        expiring.login(); // its token expires within the 60 s skew: its next call refreshes first
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me/top/tracks"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        browser.api("GET", "/api/me/top/tracks").then().statusCode(429);
        SpotifyStub.server().resetRequests();

        expiring.api("GET", "/api/me").then().statusCode(429).header("Retry-After", "5");

        assertEquals(1, SpotifyStub.server().findAll(postRequestedFor(urlPathEqualTo("/accounts/api/token"))).size(),
                "the refresh was made");
        assertEquals(0, SpotifyStub.webApiCalls(), "the Web API call was not");
    }
}
