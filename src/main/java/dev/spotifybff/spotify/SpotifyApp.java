package dev.spotifybff.spotify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.spotifybff.config.BffConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * The Spotify app this BFF logs in with, and where Spotify is. In dev mode without CLIENT_ID it is
 * the built-in demo Spotify served by this very process (see the demo package, which prod builds
 * leave out); everywhere else it is what the environment says, checked by StartupChecks.
 */
@Singleton
public class SpotifyApp {

    /** Not secrets: the demo Spotify only exists in dev mode, on loopback. */
    public static final String DEMO_CLIENT_ID = "demo-client";
    public static final String DEMO_CLIENT_SECRET = "demo-secret";
    public static final String DEMO_PATH = "/demo-spotify";

    private final boolean demo;
    private final String clientId;
    private final String basicAuthorization;
    private final String accountsUrl;
    private final String apiUrl;

    SpotifyApp(BffConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8888") int port) {
        this.demo = config.clientId().isEmpty() && LaunchMode.current() == LaunchMode.DEVELOPMENT;
        String demoBase = "http://127.0.0.1:" + port + DEMO_PATH;
        this.clientId = demo ? DEMO_CLIENT_ID : config.clientId().orElse("");
        String secret = demo ? DEMO_CLIENT_SECRET : config.clientSecret().orElse("");
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.accountsUrl = stripSlash(demo ? demoBase : config.spotify().accountsUrl());
        this.apiUrl = stripSlash(demo ? demoBase + "/v1" : config.spotify().apiUrl());
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
