package dev.spotifybff.ops;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperationsTest {

    @Inject
    TestClock clock;

    @Test
    void liveness_and_readiness_report_up_with_the_session_store_and_spotify_configuration() {
        RestAssured.get(Browser.MANAGEMENT + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get(Browser.MANAGEMENT + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("session-store", "spotify-config"));
    }

    @Test
    void readiness_never_calls_spotify() {
        SpotifyStub.defaults();
        SpotifyStub.server().resetRequests();

        RestAssured.get(Browser.MANAGEMENT + "/q/health/ready").then().statusCode(200);

        assertTrue(SpotifyStub.server().getAllServeEvents().isEmpty());
    }

    @Test
    void metrics_count_logins_failures_refreshes_upstream_calls_and_sessions() {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        browser.login();
        browser.api("GET", "/api/me");
        clock.advance(Duration.ofHours(2));
        browser.api("GET", "/api/me");
        browser.get(Browser.APP + "/callback?error=access_denied");

        String metrics = RestAssured.get(Browser.MANAGEMENT + "/q/metrics").then().statusCode(200).extract().asString();

        for (String meter : new String[] { "bff_logins_started_total", "bff_logins_completed_total",
                "bff_login_failures_total{reason=\"access_denied\"}", "bff_refreshes_total",
                "bff_upstream_calls_total{endpoint=\"/me\",status=\"200\"}",
                "bff_upstream_calls_total{endpoint=\"/api/token\",status=\"200\"}",
                "bff_upstream_latency_seconds_count{endpoint=\"/me\"}", "bff_sessions_active" }) {
            assertTrue(metrics.contains(meter), meter + " missing from /q/metrics");
        }
        assertTrue(!metrics.contains(SpotifyStub.ACCESS_TOKEN) && !metrics.contains("wizzler"));
    }

    @Test
    void openapi_describes_the_api_surface_with_its_error_shape_and_nothing_else() {
        RestAssured.given().accept("application/json").get(Browser.MANAGEMENT + "/q/openapi").then().statusCode(200)
                .body("paths.'/api/me'.get.responses.'200'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/me'.get.responses.'401'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ApiError"))
                .body("paths.'/api/me'.get.parameters.name", hasItems("X-CSRF"))
                .body("components.schemas.ApiError.properties.error.type", equalTo("string"))
                .body(not(containsString("/callback")))
                .body(not(containsString("demo-spotify")));
    }

    @Test
    void health_metrics_and_openapi_are_not_served_on_the_public_port() {
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            RestAssured.get(Browser.APP + path).then().statusCode(404);
        }
    }
}
