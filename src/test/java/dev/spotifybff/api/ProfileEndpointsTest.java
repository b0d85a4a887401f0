package dev.spotifybff.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyFixtures;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProfileEndpointsTest {

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
    void with_the_cache_off_an_answer_says_nothing_of_a_cache() {
        // the tests' default configuration: CACHE_ENABLED=false
        browser.api("GET", "/api/me").then().statusCode(200).header("Cache-Status", nullValue()).header("Age", nullValue());
        browser.api("GET", "/api/me/top/tracks").then().statusCode(200).header("Cache-Status", nullValue());
    }

    @Test
    void top_tracks_default_to_six_months_twenty_items_and_a_next_url_of_the_bff() {
        browser.api("GET", "/api/me/top/tracks").then().statusCode(200)
                .body("items", hasSize(20))
                .body("items[0].name", equalTo("Midnight Ferry"))
                .body("items[0].album.images[0].url", startsWith("data:image/svg+xml"))
                .body("items[0].artists[0].name", not(nullValue()))
                .body("items[0].popularity", nullValue())
                .body("total", equalTo(30))
                .body("next", equalTo("/api/me/top/tracks?time_range=medium_term&limit=20&offset=20"));

        SpotifyStub.server().verify(getRequestedFor(urlPathEqualTo("/v1/me/top/tracks"))
                .withQueryParam("time_range", WireMock.equalTo("medium_term"))
                .withQueryParam("limit", WireMock.equalTo("20"))
                .withQueryParam("offset", WireMock.equalTo("0"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + SpotifyStub.ACCESS_TOKEN)));
    }

    @Test
    void following_the_next_url_gives_the_last_page_without_a_next() {
        browser.api("GET", "/api/me/top/tracks?time_range=medium_term&limit=20&offset=20").then().statusCode(200)
                .body("items", hasSize(10))
                .body("items[0].name", equalTo("Song 21"))
                .body("next", nullValue());
    }

    @Test
    void each_time_range_has_its_own_top_items() {
        browser.api("GET", "/api/me/top/tracks?time_range=short_term").then().statusCode(200)
                .body("items[0].name", equalTo("Neon Rain")).body("next", nullValue());
        browser.api("GET", "/api/me/top/artists?time_range=long_term").then().statusCode(200)
                .body("items.name", contains("Evergreen Trio", "Northern Static"))
                .body("items[0].genres", contains("indie", "dream pop"));
    }

    @Test
    void playlists_a_playlist_and_its_items_keep_spotifys_field_names() {
        browser.api("GET", "/api/me/playlists").then().statusCode(200)
                .body("items.name", contains("Late Night Mix", "Road Trip", "Someday"))
                .body("items[0].items.total", equalTo(4))
                .body("items[0].owner.display_name", equalTo("Wizzler"));
        browser.api("GET", "/api/playlists/" + SpotifyFixtures.MIX_ID).then().statusCode(200)
                .body("name", equalTo("Late Night Mix"))
                .body("external_urls.spotify", containsString(SpotifyFixtures.MIX_ID));
        browser.api("GET", "/api/playlists/" + SpotifyFixtures.MIX_ID + "/items").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].item.name", equalTo("Midnight Ferry"))
                .body("items[2].item", nullValue())
                .body("items[0].added_at", equalTo("2026-05-01T10:00:00Z"));
    }

    @Test
    void recently_played_pages_backwards_with_the_bffs_own_before_cursor() {
        browser.api("GET", "/api/me/player/recently-played?limit=20").then().statusCode(200)
                .body("items", hasSize(6))
                .body("items[0].track.name", equalTo("Neon Rain"))
                .body("items[0].played_at", not(nullValue()))
                .body("next", equalTo("/api/me/player/recently-played?limit=20&before=1700000000000"));

        browser.api("GET", "/api/me/player/recently-played?limit=20&before=1700000000000").then().statusCode(200);
        SpotifyStub.server().verify(getRequestedFor(urlPathEqualTo("/v1/me/player/recently-played"))
                .withQueryParam("before", WireMock.equalTo("1700000000000"))
                .withQueryParam("after", WireMock.absent()));
    }

    @Test
    void a_spotify_cursor_with_braces_gives_an_encoded_next_link_not_a_500() {
        SpotifyStub.server().stubFor(WireMock.get(urlPathEqualTo("/v1/me/player/recently-played")).willReturn(
                WireMock.okJson("""
                        {"items":[],"limit":20,"next":"https://api.spotify.com/v1/me/player/recently-played?before=x",
                         "cursors":{"after":"1","before":"{170&0}"}}""")));

        browser.api("GET", "/api/me/player/recently-played?limit=20").then().statusCode(200)
                .body("next", equalTo("/api/me/player/recently-played?limit=20&before=%7B170%260%7D"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/me/top/tracks?time_range=forever", "/api/me/top/artists?limit=0",
            "/api/me/top/tracks?limit=51", "/api/me/top/tracks?limit=ten", "/api/me/top/tracks?offset=-1",
            "/api/me/playlists?limit=100", "/api/playlists/not-a-spotify-id", "/api/playlists/37i9dQZF1DXcBWIGoYBM5",
            "/api/playlists/37i9dQZF1DXcBWIGoYBM5M!/items", "/api/playlists/37i9dQZF1DXcBWIGoYBM5M/items?offset=x",
            "/api/me/player/recently-played?before=yesterday", "/api/me/player/recently-played?before=1&after=2",
            "/api/me/player/recently-played?limit=99" })
    void a_bad_value_is_refused_with_400_and_never_reaches_spotify(String path) {
        browser.api("GET", path).then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("detail", not(nullValue()));

        SpotifyStub.server().verify(0, anyRequestedFor(urlPathMatching("/v1/.*")));
    }

    @Test
    void every_profile_endpoint_needs_the_csrf_header_and_a_session() {
        for (String path : new String[] { "/api/me/top/tracks", "/api/me/top/artists", "/api/me/playlists",
                "/api/playlists/" + SpotifyFixtures.MIX_ID, "/api/playlists/" + SpotifyFixtures.MIX_ID + "/items",
                "/api/me/player/recently-played" }) {
            browser.send("GET", Browser.APP + path, false).then().statusCode(403);
            new Browser().api("GET", path).then().statusCode(401).body("error", equalTo("login_required"));
        }
    }

    @Test
    void a_rate_limit_on_a_profile_endpoint_is_passed_on_like_everywhere_else() {
        SpotifyStub.server().stubFor(WireMock.get(urlPathEqualTo("/v1/me/playlists"))
                .willReturn(WireMock.aResponse().withStatus(429).withHeader("Retry-After", "4")));

        browser.api("GET", "/api/me/playlists").then().statusCode(429).header("Retry-After", "4")
                .body("retryAfter", equalTo(4));
        clock.advance(Duration.ofSeconds(4)); // the 429 paused every Web API call of the app: let it pass
    }
}
