package dev.spotifybff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.RedisResource;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Redis goes down mid-run and comes back: 503s in bounded time, readiness down, then full recovery. */
@QuarkusTest
@TestProfile(RedisProfile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisOutageTest {

    private static final Duration BOUND = Duration.ofSeconds(8);

    @Inject
    TestClock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void a_redis_outage_answers_503_in_bounded_time_and_everything_recovers_with_sessions_kept() throws Exception {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        browser.login();
        String cookie = browser.cookies().get("bff_session");
        assertEquals(200, get("/api/me", cookie).statusCode());
        assertEquals(200, get("/q/health/ready", null).statusCode());

        RedisResource.server().kill();

        HttpResponse<String> me = get("/api/me", cookie);
        assertEquals(503, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"error\":\"session_store_unavailable\""), me.body());
        HttpResponse<String> ready = get("/q/health/ready", null);
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("session-store"), ready.body());
        Response callback = new Browser().login().callback();
        assertEquals(Browser.APP + "/?error=session_store_unavailable", callback.header("Location"));
        HttpResponse<String> logout = post("/logout", cookie);
        assertEquals(503, logout.statusCode(), "a logout that cannot delete says so");
        assertTrue(logout.body().contains("\"error\":\"logout_incomplete\""), logout.body());
        assertTrue(logout.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("bff_session=;") && c.contains("Max-Age=0")),
                "the cookie is expired all the same: " + logout.headers().allValues("Set-Cookie"));

        RedisResource.server().start();

        assertEquals(200, get("/q/health/ready", null).statusCode());
        HttpResponse<String> after = get("/api/me", cookie);
        assertEquals(200, after.statusCode(), "the session survived the Redis restart: " + after.body());
    }

    @Test
    void a_refreshed_token_pair_survives_redis_dying_while_the_token_call_is_in_flight() throws Exception {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        browser.login();
        String cookie = browser.cookies().get("bff_session");
        rotateRefreshTokensSlowly();
        clock.advance(Duration.ofHours(2)); // the access token has expired: the next call refreshes

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/api/me", cookie);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitTokenCall();
        RedisResource.server().kill();
        HttpResponse<String> during = inFlight.get(15, TimeUnit.SECONDS);
        RedisResource.server().start(); // with its data: the session still holds the old, now spent, refresh token

        assertEquals(200, during.statusCode(), "the new pair is used at once: " + during.body());
        HttpResponse<String> next = get("/api/me", cookie);
        assertEquals(200, next.statusCode(), next.body());
        HttpResponse<String> after = get("/api/me", cookie);
        assertEquals(200, after.statusCode(), after.body());
        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    /** R1 gives R2 after 1.5 s (time to stop Redis), and is dead from then on, as Spotify rotates. */
    private static void rotateRefreshTokensSlowly() {
        SpotifyStub.server().stubFor(WireMock.post(urlPathEqualTo("/accounts/api/token")).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("refresh_token=" + SpotifyStub.REFRESH_TOKEN))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600,"refresh_token":"R2","scope":""}"""
                        .formatted(SpotifyStub.REFRESHED_ACCESS_TOKEN)).withFixedDelay(1500))
                .willSetStateTo("R1 used"));
        SpotifyStub.server().stubFor(WireMock.post(urlPathEqualTo("/accounts/api/token")).inScenario("rotation")
                .whenScenarioStateIs("R1 used")
                .withRequestBody(containing("refresh_token=" + SpotifyStub.REFRESH_TOKEN))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
    }

    private static void awaitTokenCall() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SpotifyStub.server().findAll(postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the refresh never reached the token endpoint");
            }
            Thread.sleep(20); // polling for the request to arrive, not for time to pass
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        String base = path.startsWith("/q/") ? Browser.MANAGEMENT : Browser.APP;
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), cookie);
    }

    private HttpResponse<String> post(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Browser.APP + path)).POST(HttpRequest.BodyPublishers.noBody()),
                cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        request.timeout(BOUND).header("X-CSRF", "1"); // no hang: an answer within the bound, or the test fails
        if (cookie != null) {
            request.header("Cookie", "bff_session=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
