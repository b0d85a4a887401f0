package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.RedisResource;
import dev.spotifybff.support.SpotifyStub;
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
        assertEquals(503, post("/logout", cookie).statusCode(), "a logout that cannot delete says so");

        RedisResource.server().start();

        assertEquals(200, get("/q/health/ready", null).statusCode());
        HttpResponse<String> after = get("/api/me", cookie);
        assertEquals(200, after.statusCode(), "the session survived the Redis restart: " + after.body());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Browser.APP + path)).GET(), cookie);
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
