package dev.spotifybff.spotify;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds the two REST clients from the BFF's own settings (SPOTIFY_*_URL, which %dev points at the
 * demo Spotify without CLIENT_ID, and SPOTIFY_*_TIMEOUT). Built here rather than from
 * quarkus.rest-client.*: those timeouts are plain milliseconds, where every timeout of this BFF is
 * a duration (10s), and a ConfigSourceInterceptor that converts them never sees expanded values.
 */
public class SpotifyClients {

    @Produces
    @Singleton
    SpotifyAccountsClient accounts(SpotifyApp app, BffConfig config) {
        return builder(app.accountsUrl(), config).build(SpotifyAccountsClient.class);
    }

    @Produces
    @Singleton
    SpotifyApiClient api(SpotifyApp app, BffConfig config) {
        return builder(app.apiUrl(), config).build(SpotifyApiClient.class);
    }

    private static QuarkusRestClientBuilder builder(String baseUrl, BffConfig config) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.spotify().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.spotify().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new UntracedConnections());
    }
}
