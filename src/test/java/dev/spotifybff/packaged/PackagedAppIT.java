package dev.spotifybff.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.ProdCredentials;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * The packaged artifact (the jar, or the native executable with -Dnative) in the prod profile,
 * driven only through HTTP: the login dance, /api/me, a refresh, logout, the built SPA, and the
 * operations endpoints as a prod deployment serves them.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(SpotifyStub.class)
@QuarkusTestResource(value = ProdCredentials.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PackagedAppIT {

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void the_whole_flow_works_login_profile_refresh_logout() {
        // The first access token is about to expire (30 s, inside the 60 s skew): the first call refreshes it.
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":30,"refresh_token":"%s","scope":""}"""
                        .formatted(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESH_TOKEN))));
        Browser browser = new Browser();
        assertEquals(Browser.APP + "/", browser.login().landing().header("Location"));

        browser.api("GET", "/api/me").then().statusCode(200).body("display_name", equalTo("Wizzler"));
        browser.api("GET", "/api/me").then().statusCode(200);
        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));

        String cookie = browser.cookies().get("bff_session");
        browser.api("POST", "/logout").then().statusCode(204);
        RestAssured.given().cookie("bff_session", cookie).header("X-CSRF", "1").get(Browser.APP + "/api/me")
                .then().statusCode(401).body("error", equalTo("login_required"));
    }

    @Test
    void the_spa_is_served_with_spa_routing_but_never_for_api_paths() {
        String index = RestAssured.get(Browser.APP + "/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(index.contains("<div id=\"root\">"), index);
        RestAssured.get(Browser.APP + "/playlists/some-id").then().statusCode(200)
                .body(containsString("<div id=\"root\">"));
        RestAssured.given().header("X-CSRF", "1").get(Browser.APP + "/api/nope").then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void html_is_revalidated_after_every_deploy_while_hashed_assets_stay_immutable() {
        io.restassured.response.Response index = RestAssured.get(Browser.APP + "/");
        io.restassured.response.Response deepLink = RestAssured.get(Browser.APP + "/playlists/some-id");
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.asString());
        assertTrue(script.find(), index.asString());
        io.restassured.response.Response asset = RestAssured.get(Browser.APP + script.group(1));

        assertEquals("no-cache", index.header("Cache-Control"));
        assertEquals("no-cache", deepLink.header("Cache-Control"));
        assertTrue(asset.header("Cache-Control").contains("immutable"), asset.header("Cache-Control"));
    }

    @Test
    void the_spa_bundle_holds_no_secret() {
        String index = RestAssured.get(Browser.APP + "/").asString();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertTrue(script.find(), "the built index.html loads a bundle: " + index);
        String bundle = RestAssured.get(Browser.APP + script.group(1)).then().statusCode(200).extract().asString();

        assertTrue(bundle.contains("X-CSRF"), "sanity: this is our bundle");
        for (String secret : List.of(SpotifyStub.CLIENT_SECRET, ProdCredentials.SESSION_SECRET, "client_secret")) {
            assertFalse(bundle.contains(secret), "the bundle contains " + secret);
        }
    }

    @Test
    void a_prod_deployment_serves_health_metrics_and_openapi_on_the_management_port_only_and_no_swagger_ui() {
        RestAssured.get(Browser.MANAGEMENT + "/q/health/live").then().statusCode(200);
        RestAssured.get(Browser.MANAGEMENT + "/q/health/ready").then().statusCode(200);
        RestAssured.get(Browser.MANAGEMENT + "/q/metrics").then().statusCode(200).body(containsString("bff_sessions_active"));
        RestAssured.get(Browser.MANAGEMENT + "/q/openapi").then().statusCode(200).body(containsString("/api/me"));
        RestAssured.get(Browser.MANAGEMENT + "/q/swagger-ui/").then().statusCode(404);
        for (String path : new String[] { "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            RestAssured.get(Browser.APP + path).then().statusCode(404);
        }
    }

    @Test
    void a_hundred_and_twenty_junk_spa_urls_make_one_metric_tag_and_later_routes_are_still_recorded() {
        for (int i = 0; i < 120; i++) {
            RestAssured.get(Browser.APP + "/junk-" + i + "/page").then().statusCode(200); // the SPA, for a deep link
        }
        RestAssured.given().header("X-CSRF", "1").post(Browser.APP + "/logout").then().statusCode(204);

        String metrics = RestAssured.get(Browser.MANAGEMENT + "/q/metrics").then().statusCode(200).extract().asString();
        List<String> requests = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList();
        java.util.Set<String> uris = new java.util.TreeSet<>();
        requests.forEach(l -> {
            Matcher uri = Pattern.compile("uri=\"([^\"]*)\"").matcher(l);
            if (uri.find()) {
                uris.add(uri.group(1));
            }
        });

        assertTrue(uris.contains("/{spa}"), "SPA routes share one tag: " + uris);
        assertTrue(uris.stream().noneMatch(u -> u.contains("junk-")), "no raw SPA path is a tag: " + uris);
        assertTrue(uris.size() <= 12, "a fixed vocabulary of routes: " + uris);
        assertTrue(requests.stream().anyMatch(l -> l.contains("uri=\"/logout\"")), "a route after the junk is recorded");
    }

    @Test
    void prod_logs_are_one_json_object_per_line() throws IOException {
        RestAssured.given().redirects().follow(false).get(Browser.APP + "/login");
        Path log = Path.of("target", "quarkus.log");

        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();

        assertTrue(lines.stream().anyMatch(l -> l.contains("login started")), "the log was read: " + lines.size());
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), "not a JSON line: " + line);
        }
    }
}
