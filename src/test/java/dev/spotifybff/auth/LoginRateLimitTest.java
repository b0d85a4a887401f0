package dev.spotifybff.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

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
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** LOGIN_RATE_LIMIT=3: the fourth completed login from one address within a minute is refused. */
@QuarkusTest
@TestProfile(LoginRateLimitTest.ThreePerMinute.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginRateLimitTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bff.session.login-rate-limit", "3");
        }
    }

    @Inject
    TestClock clock;

    @Test
    void the_fourth_login_in_a_minute_gets_429_with_retry_after_even_with_a_forged_forwarded_address() {
        SpotifyStub.defaults();
        clock.advance(Duration.ofMinutes(5)); // a fresh window, whatever ran before
        for (int i = 0; i < 3; i++) {
            Browser browser = new Browser();
            browser.login();
            browser.api("GET", "/api/me").then().statusCode(200);
        }

        Browser fourth = new Browser();
        Response login = fourth.get(Browser.APP + "/login");
        Response consent = fourth.get(login.header("Location"));
        Response refused = RestAssured.given().redirects().follow(false).urlEncodingEnabled(false)
                .cookies(fourth.cookies()).header("X-Forwarded-For", "203.0.113.7")
                .get(consent.header("Location"));

        refused.then().statusCode(429).body("error", equalTo("login_rate_limited"));
        String retryAfter = refused.header("Retry-After");
        assertNotNull(retryAfter);
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);
        assertEquals(null, refused.getDetailedCookie("bff_session"), "no session was made");

        clock.advance(Duration.ofSeconds(61));
        Browser later = new Browser();
        later.login();
        later.api("GET", "/api/me").then().statusCode(200);
    }
}
