package dev.spotifybff.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What an operator passes to the packaged app in prod: credentials, secret and redirect URI. The
 * packaged app runs with the prod profile, where none of these has a default.
 */
public class ProdCredentials implements QuarkusTestResourceLifecycleManager {

    public static final String SESSION_SECRET = "packaged-app-session-secret-0123456789abcdef";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "CLIENT_ID", SpotifyStub.CLIENT_ID,
                "CLIENT_SECRET", SpotifyStub.CLIENT_SECRET,
                "bff.session-secret", SESSION_SECRET,
                "bff.redirect-uri", "http://127.0.0.1:8891/callback",
                // The launched artifact gets the test HTTP port, but the management port as configured: pin it.
                "quarkus.management.port", "8893");
    }

    @Override
    public void stop() {
    }
}
