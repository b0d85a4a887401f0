package dev.spotifybff.spotify;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.opentelemetry.context.Context;

/**
 * The refresh grant at /api/token, with every failure turned into a {@link TokenEndpointException}.
 * The authorization-code grant is quarkus-oidc's; the refresh stays here, under the application's
 * cross-instance lock (quarkus-oidc 3.33 refreshes without one).
 */
@ApplicationScoped
public class SpotifyAccounts {

    private final SpotifyAccountsClient client;
    private final SpotifyApp app;
    private final Upstream upstream;

    SpotifyAccounts(@RestClient SpotifyAccountsClient client, SpotifyApp app, Upstream upstream) {
        this.client = client;
        this.app = app;
        this.upstream = upstream;
    }

    /**
     * Blocks until Spotify answers (bounded by the client's timeouts): callers run on a worker, under
     * the refresh lock, with the refresh's span current.
     */
    public TokenResponse refresh(String refreshToken) {
        TokenResponse response;
        try {
            response = upstream.call("POST", "/api/token", Context.current(),
                    () -> client.refresh(app.basicAuthorization(), "refresh_token", refreshToken)).await().indefinitely();
        } catch (RuntimeException failure) {
            if (Upstream.answered(failure) instanceof TokenEndpointException refused) {
                throw refused;
            }
            throw new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, 0,
                    Upstream.isTimeout(failure) ? "token endpoint timed out" : "token endpoint unreachable");
        }
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, 200,
                    "token endpoint answered no access_token");
        }
        return response;
    }
}
