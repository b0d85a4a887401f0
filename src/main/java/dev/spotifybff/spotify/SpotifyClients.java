package dev.spotifybff.spotify;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds the two REST clients. Built here rather than from quarkus.rest-client.*.url because the
 * base URL depends on whether the dev-mode demo Spotify is in use (see {@link SpotifyApp}).
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
                .readTimeout(config.spotify().readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
