package dev.spotifybff.health;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.spotifybff.spotify.SpotifyApp;

/**
 * Ready when the Spotify app and endpoints are configured. It never calls Spotify: a probe every
 * few seconds from every instance would spend the app's shared rate limit.
 */
@Readiness
@ApplicationScoped
public class SpotifyConfigReadiness implements HealthCheck {

    private final SpotifyApp app;

    SpotifyConfigReadiness(SpotifyApp app) {
        this.app = app;
    }

    @Override
    public HealthCheckResponse call() {
        boolean configured = !app.clientId().isEmpty() && isHttpUrl(app.accountsUrl()) && isHttpUrl(app.apiUrl());
        return HealthCheckResponse.named("spotify-config").status(configured)
                .withData("demo", app.demo())
                .withData("accounts", app.accountsUrl())
                .withData("api", app.apiUrl())
                .build();
    }

    private static boolean isHttpUrl(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return "https".equals(scheme) || "http".equals(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
