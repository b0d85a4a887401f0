package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Poll;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Stale-while-revalidate, on the app's movable clock: past CACHE_TTL an entry is answered at once,
 * marked stale, while exactly one background call renews it; a failed renewal keeps it; past
 * CACHE_STALE_TTL it is gone.
 */
@QuarkusTest
@TestProfile(StaleWhileRevalidateTest.StaleWindow.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StaleWhileRevalidateTest {

    public static class StaleWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bff.cache.enabled", "true", "bff.cache.ttl", "60s", "bff.cache.stale-ttl", "5m");
        }
    }

    @Inject
    TestClock clock;

    private final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        SpotifyStub.defaults();
        browser.login();
        SpotifyStub.server().resetRequests();
    }

    @Test
    void a_stale_answer_comes_at_once_while_exactly_one_background_call_renews_it_then_the_fresh_answer() {
        Response first = me();
        assertEquals("spotify-bff; fwd=miss", first.header("Cache-Status"));
        assertEquals("Wizzler", first.jsonPath().getString("display_name"));
        renamedOnSpotify(Duration.ofMillis(500)); // slow enough that the stale answers below overlap the renewal
        clock.advance(Duration.ofSeconds(61));

        for (int i = 0; i < 3; i++) {
            Response stale = me();
            assertEquals("spotify-bff; hit; stale", stale.header("Cache-Status"));
            assertEquals("61", stale.header("Age"));
            assertEquals("Wizzler", stale.jsonPath().getString("display_name"));
        }
        Poll.until("the renewed entry", Duration.ofSeconds(10), Duration.ofMillis(50),
                () -> "spotify-bff; hit".equals(me().header("Cache-Status")));
        Response fresh = me();

        assertEquals("Renamed", fresh.jsonPath().getString("display_name"));
        assertEquals("0", fresh.header("Age"));
        assertEquals(2, meCalls(), "one background call, however many stale answers were served meanwhile");
    }

    @Test
    void a_failed_renewal_keeps_the_stale_answer() {
        me();
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofSeconds(61));

        me();
        Poll.until("the renewal's call", Duration.ofSeconds(10), Duration.ofMillis(20), () -> meCalls() == 2);
        Response stillStale = me();

        assertEquals(200, stillStale.statusCode());
        assertEquals("spotify-bff; hit; stale", stillStale.header("Cache-Status"));
        assertEquals("Wizzler", stillStale.jsonPath().getString("display_name"));
    }

    @Test
    void past_the_stale_ttl_the_entry_is_gone_and_spotify_is_asked_before_answering() {
        me();
        renamedOnSpotify(Duration.ZERO);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        Response answer = me();

        assertEquals("spotify-bff; fwd=miss", answer.header("Cache-Status"));
        assertEquals("Renamed", answer.jsonPath().getString("display_name"));
        assertEquals(2, meCalls());
    }

    private Response me() {
        Response response = browser.api("GET", "/api/me");
        response.then().statusCode(200);
        return response;
    }

    private static void renamedOnSpotify(Duration delay) {
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", equalTo("Bearer " + SpotifyStub.ACCESS_TOKEN))
                .willReturn(okJson("{\"id\":\"wizzler\",\"display_name\":\"Renamed\",\"type\":\"user\"}")
                        .withFixedDelay((int) delay.toMillis())));
    }

    private static int meCalls() {
        return SpotifyStub.server().findAll(getRequestedFor(urlPathEqualTo("/v1/me"))).size();
    }
}
