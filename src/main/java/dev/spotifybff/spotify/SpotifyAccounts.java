package dev.spotifybff.spotify;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.metrics.BffMetrics;

/** The two grants the BFF uses at /api/token, with every failure turned into a {@link TokenEndpointException}. */
@ApplicationScoped
public class SpotifyAccounts {

    private final SpotifyAccountsClient client;
    private final SpotifyApp app;
    private final String redirectUri;
    private final BffMetrics metrics;

    SpotifyAccounts(SpotifyAccountsClient client, SpotifyApp app, BffConfig config, BffMetrics metrics) {
        this.client = client;
        this.app = app;
        this.redirectUri = config.redirectUri();
        this.metrics = metrics;
    }

    public TokenResponse exchangeCode(String code, String codeVerifier) {
        return call(() -> client.exchangeCode(app.basicAuthorization(), "authorization_code", code, redirectUri,
                codeVerifier));
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
