package dev.spotifybff.api;

import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** No CORS for anyone: a foreign origin gets no Access-Control-Allow-* header, preflight or not. */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrossOriginTest {

    @Test
    void a_preflight_from_a_foreign_origin_gets_no_cors_headers_and_no_success() {
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-csrf")
                .options(Browser.APP + "/api/me")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Headers", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void a_cross_origin_call_with_the_csrf_header_gets_no_cors_headers_either() {
        for (String path : new String[] { "/api/me", "/login", "/logout", "/" }) {
            RestAssured.given().redirects().follow(false).header("Origin", "https://evil.example").header("X-CSRF", "1")
                    .get(Browser.APP + path)
                    .then().header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }

    @Test
    void the_login_page_redirect_carries_the_security_headers_and_no_store() {
        SpotifyStub.defaults();
        RestAssured.given().redirects().follow(false).get(Browser.APP + "/login")
                .then().statusCode(302).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    }
}
