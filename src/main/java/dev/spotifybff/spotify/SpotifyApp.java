package dev.spotifybff.spotify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.spotifybff.config.BffConfig;

/**
 * The Spotify app this BFF logs in with, and where Spotify is: read from the same properties that
 * configure quarkus-oidc and the REST clients, so the login and the BFF's own calls (refresh, Web
 * API) always agree. In dev mode without CLIENT_ID those properties name the built-in demo Spotify
 * served by this very process (application.properties, %dev; the demo package, which prod builds
 * leave out).
 */
@Singleton
public class SpotifyApp {

    /** Not secrets: the demo Spotify only exists in dev mode, on loopback. */
    public static final String DEMO_CLIENT_ID = "demo-client";
    public static final String DEMO_CLIENT_SECRET = "demo-secret-for-the-dev-mode-demo-only";
    public static final String DEMO_PATH = "/demo-spotify";

    private final boolean demo;
    private final String clientId;
    private final String basicAuthorization;
    private final String accountsUrl;
    private final String apiUrl;

    SpotifyApp(BffConfig config,
            @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> secret,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String accountsUrl) {
        this.demo = config.spotify().demo();
        this.clientId = clientId.orElse("");
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((this.clientId + ":" + secret.orElse("")).getBytes(StandardCharsets.UTF_8));
        this.accountsUrl = stripSlash(accountsUrl);
        this.apiUrl = stripSlash(config.spotify().apiUrl());
    }

    public boolean demo() {
        return demo;
    }

    public String clientId() {
        return clientId;
    }

    /** "Basic base64(client_id:client_secret)", as Spotify's token endpoint wants it. */
    public String basicAuthorization() {
        return basicAuthorization;
    }

    public String accountsUrl() {
        return accountsUrl;
    }

    public String apiUrl() {
        return apiUrl;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
