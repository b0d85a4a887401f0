package dev.spotifybff.spotify;

import jakarta.enterprise.context.ApplicationScoped;

import dev.spotifybff.config.BffConfig;

/** The two grants the BFF uses at /api/token, with every failure turned into a {@link TokenEndpointException}. */
@ApplicationScoped
public class SpotifyAccounts {

    private final SpotifyAccountsClient client;
    private final SpotifyApp app;
    private final String redirectUri;

    SpotifyAccounts(SpotifyAccountsClient client, SpotifyApp app, BffConfig config) {
        this.client = client;
        this.app = app;
        this.redirectUri = config.redirectUri();
    }

    public TokenResponse exchangeCode(String code, String codeVerifier) {
        return call(() -> client.exchangeCode(app.basicAuthorization(), "authorization_code", code, redirectUri,
                codeVerifier));
    }

    public TokenResponse refresh(String refreshToken) {
        return call(() -> client.refresh(app.basicAuthorization(), "refresh_token", refreshToken));
    }

    private static TokenResponse call(java.util.function.Supplier<TokenResponse> request) {
        TokenResponse response;
        try {
            response = request.get();
        } catch (RuntimeException failure) {
            TokenEndpointException refused = UpstreamFailure.find(failure, TokenEndpointException.class);
            if (refused != null) {
                throw refused;
            }
            throw new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE,
                    UpstreamFailure.isTimeout(failure) ? "token endpoint timed out" : "token endpoint unreachable");
        }
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, "token endpoint answered no access_token");
        }
        return response;
    }
}
