package dev.spotifybff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

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

/** The idle timeout (14 days) and the absolute lifetime (180 days), with time moved by the test clock. */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionLifetimeTest {

    @Inject
    TestClock clock;

    @Inject
    Sessions sessions;

    private final Browser browser = new Browser();
    private SessionId id;

    @BeforeEach
    void logIn() {
        SpotifyStub.defaults();
        browser.login();
        id = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow();
        SpotifyStub.server().resetRequests();
    }

    @Test
    void a_user_returning_within_the_idle_timeout_is_still_logged_in_and_the_token_is_refreshed_on_the_first_call() {
        clock.advance(Duration.ofDays(13));

        browser.api("GET", "/api/me").then().statusCode(200).body("id", equalTo("wizzler"));

        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void a_session_unused_for_longer_than_the_idle_timeout_is_gone_from_the_store() {
        clock.advance(Duration.ofDays(14).plusSeconds(1));

        browser.api("GET", "/api/me").then().statusCode(401).body("error", equalTo("login_required"));
        assertEquals(true, sessions.load(id).isEmpty());
    }

    @Test
    void every_use_restarts_the_idle_timeout() {
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofDays(10));
            browser.api("GET", "/api/me").then().statusCode(200);
        }
    }

    @Test
    void a_session_ends_after_the_absolute_lifetime_even_when_used_every_day() {
        for (int day = 10; day < 180; day += 10) {
            clock.advance(Duration.ofDays(10));
            browser.api("GET", "/api/me").then().statusCode(200);
        }
        clock.advance(Duration.ofDays(10)); // day 180 + 0: the lifetime has run out

        browser.api("GET", "/api/me").then().statusCode(401).body("error", equalTo("login_required"));
        assertEquals(true, sessions.load(id).isEmpty());
    }
}
