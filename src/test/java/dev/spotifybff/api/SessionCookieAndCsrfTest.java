package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.session.SessionStore;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionCookieAndCsrfTest {

    @Inject
    SessionStore store;

    private final Browser browser = new Browser();

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void an_anonymous_api_call_answers_401_login_required_and_never_a_redirect() {
        Response response = browser.api("GET", "/api/me");

        response.then().statusCode(401).body("error", equalTo("login_required")).header("Location", nullValue());
    }

    @Test
    void after_logout_the_old_cookie_replayed_gets_401() {
        browser.login();
        String cookie = browser.cookies().get("bff_session");
        long before = store.size();

        Response logout = browser.api("POST", "/logout");

        assertEquals(204, logout.statusCode());
        assertEquals(0, logout.getDetailedCookie("bff_session").getMaxAge(), "the cookie is expired");
        assertEquals(before - 1, store.size(), "the server-side session is deleted");
        RestAssured.given().cookie("bff_session", cookie).header("X-CSRF", "1").get(Browser.APP + "/api/me")
                .then().statusCode(401).body("error", equalTo("login_required"));
    }

    @Test
    void garbage_truncated_and_tampered_cookies_get_401_not_500() {
        browser.login();
        String genuine = browser.cookies().get("bff_session");
        byte[] flipped = Base64.getUrlDecoder().decode(genuine);
        flipped[flipped.length / 2] ^= 0x01;
        List<String> bad = List.of("garbage", "x", genuine.substring(0, genuine.length() / 2),
                genuine.substring(0, genuine.length() - 1), Base64.getUrlEncoder().withoutPadding().encodeToString(flipped),
                genuine + "AA", "%%%%", "a".repeat(3000), Base64.getUrlEncoder().encodeToString(new byte[64]),
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        for (String value : bad) {
            RestAssured.given().cookie("bff_session", value).header("X-CSRF", "1").get(Browser.APP + "/api/me")
                    .then().statusCode(401).body("error", equalTo("login_required"));
        }
        SpotifyStub.server().resetRequests();
        RestAssured.given().cookie("bff_session", genuine).header("X-CSRF", "1").get(Browser.APP + "/api/me")
                .then().statusCode(200);
    }

    @Test
    void an_api_call_without_the_csrf_header_is_refused_with_403_before_anything_happens() {
        browser.login();
        SpotifyStub.server().resetRequests();

        Response response = browser.send("GET", Browser.APP + "/api/me", false);

        response.then().statusCode(403).body("error", equalTo("csrf_header_missing"));
        SpotifyStub.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_wrong_csrf_value_is_refused_too() {
        browser.login();

        RestAssured.given().cookie("bff_session", browser.cookies().get("bff_session")).header("X-CSRF", "true")
                .get(Browser.APP + "/api/me").then().statusCode(403).body("error", equalTo("csrf_header_missing"));
    }

    @Test
    void a_logout_without_the_csrf_header_does_nothing() {
        browser.login();
        long before = store.size();

        browser.send("POST", Browser.APP + "/logout", false).then().statusCode(403)
                .body("error", equalTo("csrf_header_missing"));

        assertEquals(before, store.size());
        browser.api("GET", "/api/me").then().statusCode(200);
    }

    @Test
    void logout_is_post_only() {
        browser.send("GET", Browser.APP + "/logout", true).then().statusCode(405)
                .body("error", equalTo("method_not_allowed"));
    }

    @Test
    void an_unknown_api_path_answers_404_json_not_the_spa() {
        browser.api("GET", "/api/nope").then().statusCode(404).contentType("application/json")
                .body("error", equalTo("not_found"));
    }

    @Test
    void a_wrong_method_on_an_api_endpoint_answers_405_json() {
        browser.api("DELETE", "/api/me").then().statusCode(405).body("error", equalTo("method_not_allowed"));
    }

    @Test
    void every_response_carries_the_security_headers() {
        Response response = browser.api("GET", "/api/me");

        response.then().header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
        String csp = response.header("Content-Security-Policy");
        org.junit.jupiter.api.Assertions.assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        org.junit.jupiter.api.Assertions.assertTrue(csp.contains("script-src 'self'"), csp);
        org.junit.jupiter.api.Assertions.assertNull(response.header("Strict-Transport-Security"),
                "no HSTS while the app is served over plain http");
    }
}
