package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** How Web API failures reach the SPA: each mapped deliberately, none as a 500. */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpotifyFaultsTest {

    @Inject
    TestClock clock;

    private final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        SpotifyStub.defaults();
        browser.login();
    }

    @Test
    void a_429_from_spotify_is_passed_on_with_its_retry_after() {
        meAnswers(aResponse().withStatus(429).withHeader("Retry-After", "17"));

        browser.api("GET", "/api/me").then().statusCode(429).header("Retry-After", "17")
                .body("error", equalTo("rate_limited")).body("retryAfter", equalTo(17));
        clock.advance(Duration.ofSeconds(17)); // the 429 paused every Web API call of the app: let it pass
    }

    @Test
    void a_5xx_from_spotify_becomes_502_spotify_unavailable() {
        meAnswers(aResponse().withStatus(503).withBody("upstream connect error"));

        browser.api("GET", "/api/me").then().statusCode(502).body("error", equalTo("spotify_unavailable"));
    }

    @Test
    void a_spotify_that_does_not_answer_in_time_becomes_504_spotify_timeout() {
        meAnswers(aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")); // read timeout is 2 s in tests

        browser.api("GET", "/api/me").then().statusCode(504).body("error", equalTo("spotify_timeout"));
    }

    @Test
    void a_dropped_connection_becomes_502_spotify_unavailable() {
        meAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        browser.api("GET", "/api/me").then().statusCode(502).body("error", equalTo("spotify_unavailable"));
    }

    private static void meAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me")).willReturn(response));
    }
}
