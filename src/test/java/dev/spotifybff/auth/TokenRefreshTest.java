package dev.spotifybff.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.spotifybff.session.Session;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Concurrently;
import dev.spotifybff.support.Query;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenRefreshTest {

    private static final Duration ALMOST_AN_HOUR = Duration.ofSeconds(3600 - 30); // inside the 60 s skew

    @Inject
    TestClock clock;

    @Inject
    Sessions sessions;

    private final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        SpotifyStub.defaults();
        browser.login();
        SpotifyStub.server().resetRequests();
    }

    @Test
    void a_token_about_to_expire_is_refreshed_exactly_once_before_spotify_is_called() {
        clock.advance(ALMOST_AN_HOUR);

        browser.api("GET", "/api/me").then().statusCode(200).body("id", equalTo("wizzler"));
        browser.api("GET", "/api/me").then().statusCode(200);

        List<LoggedRequest> refreshes = refreshRequests();
        assertEquals(1, refreshes.size());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (SpotifyStub.CLIENT_ID + ":" + SpotifyStub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, refreshes.get(0).getHeader("Authorization"));
        assertEquals(SpotifyStub.REFRESH_TOKEN, form(refreshes.get(0)).get("refresh_token"));
        SpotifyStub.server().verify(2, getRequestedFor(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + SpotifyStub.REFRESHED_ACCESS_TOKEN)));
        SpotifyStub.server().verify(0, getRequestedFor(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + SpotifyStub.ACCESS_TOKEN)));
    }

    @Test
    void invalid_grant_for_a_token_another_instance_rotated_meanwhile_keeps_the_session() throws Exception {
        SessionId id = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow();
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}").withFixedDelay(1000)));
        clock.advance(ALMOST_AN_HOUR);

        CompletableFuture<Integer> request = CompletableFuture.supplyAsync(() -> browser.api("GET", "/api/me").statusCode());
        awaitRefreshRequest();
        // Meanwhile another instance (its lock expired) spent the same refresh token and stored the new pair.
        Session stored = sessions.load(id).orElseThrow();
        sessions.update(id, stored.withTokens(SpotifyStub.REFRESHED_ACCESS_TOKEN, "rotated-elsewhere",
                clock.instant().plusSeconds(3600), stored.scope()));

        assertEquals(200, request.get(10, TimeUnit.SECONDS), "the store was read again before ending the session");
        browser.api("GET", "/api/me").then().statusCode(200);
    }

    private static void awaitRefreshRequest() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (refreshRequests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling for the request to arrive, not for time to pass
        }
    }

    @Test
    void a_token_with_time_left_is_used_without_a_refresh() {
        clock.advance(Duration.ofMinutes(30));

        browser.api("GET", "/api/me").then().statusCode(200);

        assertEquals(0, refreshRequests().size());
    }

    @Test
    void the_old_refresh_token_is_kept_when_the_refresh_response_has_none() {
        clock.advance(ALMOST_AN_HOUR);
        browser.api("GET", "/api/me").then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        browser.api("GET", "/api/me").then().statusCode(200);

        List<LoggedRequest> refreshes = refreshRequests();
        assertEquals(2, refreshes.size());
        assertEquals(SpotifyStub.REFRESH_TOKEN, form(refreshes.get(1)).get("refresh_token"));
    }

    @Test
    void a_rotated_refresh_token_replaces_the_old_one() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600,
                         "refresh_token":"rotated-refresh-token","scope":"user-read-private"}"""
                        .formatted(SpotifyStub.REFRESHED_ACCESS_TOKEN))));
        clock.advance(ALMOST_AN_HOUR);
        browser.api("GET", "/api/me").then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        browser.api("GET", "/api/me").then().statusCode(200);

        assertEquals("rotated-refresh-token", form(refreshRequests().get(1)).get("refresh_token"));
    }

    @Test
    void twenty_concurrent_calls_with_an_expired_token_share_one_refresh() throws Exception {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600}"""
                        .formatted(SpotifyStub.REFRESHED_ACCESS_TOKEN)).withFixedDelay(300)));
        clock.advance(Duration.ofHours(2));
        List<Integer> statuses = Concurrently.get(browser.cookies().get("bff_session"),
                Concurrently.times(20, Browser.APP + "/api/me"));

        assertEquals(Collections.nCopies(20, 200), statuses);
        assertEquals(1, refreshRequests().size());
    }

    @Test
    void invalid_grant_on_refresh_ends_the_session_with_login_required() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
        clock.advance(Duration.ofHours(2));

        browser.api("GET", "/api/me").then().statusCode(401).body("error", equalTo("login_required"));

        SpotifyStub.defaults();
        browser.api("GET", "/api/me").then().statusCode(401).body("error", equalTo("login_required"));
        assertEquals(0, refreshRequests().size(), "the ended session does not try again");
    }

    @Test
    void a_token_endpoint_outage_during_refresh_answers_502_and_keeps_the_session() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofHours(2));

        browser.api("GET", "/api/me").then().statusCode(502).body("error", equalTo("spotify_unavailable"));

        SpotifyStub.defaults();
        browser.api("GET", "/api/me").then().statusCode(200).body("id", equalTo("wizzler"));
    }

    @Test
    void a_token_spotify_rejects_early_is_refreshed_once_and_the_call_retried() {
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + SpotifyStub.ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}")));

        browser.api("GET", "/api/me").then().statusCode(200).body("id", equalTo("wizzler"));

        assertEquals(1, refreshRequests().size());
    }

    @Test
    void a_session_whose_fresh_token_is_also_rejected_ends_with_login_required() {
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"status\":401}}")));

        browser.api("GET", "/api/me").then().statusCode(401).body("error", equalTo("login_required"));
        browser.api("GET", "/api/me").then().statusCode(401);

        assertEquals(1, refreshRequests().size());
    }

    private static List<LoggedRequest> refreshRequests() {
        return SpotifyStub.server().findAll(postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    private static java.util.Map<String, String> form(LoggedRequest request) {
        return Query.params(URI.create("?" + request.getBodyAsString()));
    }
}
