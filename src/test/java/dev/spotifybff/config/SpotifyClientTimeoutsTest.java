package dev.spotifybff.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The REST clients are configured by configKey; their timeouts in Quarkus's milliseconds come from
 * the BFF's durations (the test profile sets SPOTIFY_READ_TIMEOUT to 2s, the connect timeout keeps
 * its 2s default), and their URLs from SPOTIFY_*_URL (here the WireMock Spotify).
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpotifyClientTimeoutsTest {

    @Test
    void both_clients_get_the_spotify_timeouts_in_milliseconds_and_the_spotify_urls() {
        var config = ConfigProvider.getConfig();
        for (String client : SpotifyClientTimeouts.CLIENTS) {
            assertEquals(2000L, config.getValue("quarkus.rest-client." + client + ".read-timeout", Long.class), client);
            assertEquals(2000L, config.getValue("quarkus.rest-client." + client + ".connect-timeout", Long.class), client);
        }
        assertEquals(config.getValue("bff.spotify.api-url", String.class),
                config.getValue("quarkus.rest-client.spotify-api.url", String.class));
        assertEquals(config.getValue("bff.spotify.accounts-url", String.class),
                config.getValue("quarkus.rest-client.spotify-accounts.url", String.class));
    }
}
