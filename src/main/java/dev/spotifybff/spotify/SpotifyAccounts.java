package dev.spotifybff.spotify;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.spotifybff.metrics.BffMetrics;

/**
 * The refresh grant at /api/token, with every failure turned into a {@link TokenEndpointException}.
 * The authorization-code grant is quarkus-oidc's; the refresh stays here, under the application's
 * cross-instance lock (quarkus-oidc 3.33 refreshes without one).
 */
@ApplicationScoped
public class SpotifyAccounts {

    private final SpotifyAccountsClient client;
    private final SpotifyApp app;
    private final BffMetrics metrics;

    SpotifyAccounts(SpotifyAccountsClient client, SpotifyApp app, BffMetrics metrics) {
        this.client = client;
        this.app = app;
        this.metrics = metrics;
    }

    public TokenResponse refresh(String refreshToken) {
        return call(() -> client.refresh(app.basicAuthorization(), "refresh_token", refreshToken));
    }

    private TokenResponse call(Supplier<TokenResponse> request) {
        TokenResponse response;
        long start = System.nanoTime();
        try {
            response = request.get();
            metrics.upstreamCall("/api/token", "200", Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException failure) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            TokenEndpointException refused = UpstreamFailure.find(failure, TokenEndpointException.class);
            if (refused != null) {
                metrics.upstreamCall("/api/token", Integer.toString(refused.status()), latency);
                throw refused;
            }
            boolean timeout = UpstreamFailure.isTimeout(failure);
            metrics.upstreamCall("/api/token", timeout ? "timeout" : "error", latency);
            throw new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, 0,
                    timeout ? "token endpoint timed out" : "token endpoint unreachable");
        }
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, 200,
                    "token endpoint answered no access_token");
        }
        return response;
    }
}
