package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /api/session: the SPA's probe, 200 either way, so a logged-out page load shows no 401. */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionEndpointTest {

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void a_visitor_without_a_session_gets_200_unauthenticated_while_api_me_keeps_its_401() {
        Browser browser = new Browser();

        browser.api("GET", "/api/session").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("authenticated", equalTo(false))
                .body("scopes", nullValue());
        browser.api("GET", "/api/me").then().statusCode(401).body("error", equalTo("login_required"));
    }

    @Test
    void a_logged_in_browser_gets_its_granted_scopes_without_a_call_to_spotify_and_none_after_logout() {
        Browser browser = new Browser();
        browser.login();
        SpotifyStub.server().resetRequests();

        browser.api("GET", "/api/session").then().statusCode(200)
                .body("authenticated", equalTo(true))
                .body("scopes", contains("user-read-email", "user-read-private"));
        SpotifyStub.server().verify(0, anyRequestedFor(anyUrl()));

        browser.api("POST", "/logout").then().statusCode(204);
        browser.api("GET", "/api/session").then().statusCode(200).body("authenticated", equalTo(false));
    }

    @Test
    void openapi_documents_the_probe_without_a_401() {
        io.restassured.RestAssured.given().accept("application/json").get(Browser.MANAGEMENT + "/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/session'.get.responses.'200'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/session'.get.responses.'401'", nullValue())
                .body("paths.'/api/me'.get.responses.'401'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void the_probe_is_an_api_call_like_any_other_and_needs_the_csrf_header() {
        new Browser().send("GET", Browser.APP + "/api/session", false).then().statusCode(403)
                .body("error", equalTo("csrf_header_missing"));
    }
}
