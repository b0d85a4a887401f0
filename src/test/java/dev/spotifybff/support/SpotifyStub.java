package dev.spotifybff.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stub Spotify on a free loopback port: accounts host under /accounts (authorize, token) and the
 * Web API under /v1. Tests reset it and add the stubs they need; {@link #defaults()} is the happy path.
 */
public class SpotifyStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "testclientid0001";
    public static final String CLIENT_SECRET = "test-client-secret-value-0123456789";
    public static final String ACCESS_TOKEN = "stub-access-token-1";
    public static final String REFRESH_TOKEN = "stub-refresh-token-1";
    public static final String REFRESHED_ACCESS_TOKEN = "stub-access-token-2";

    /** As an i.scdn.co URL would, but loadable without a network (the CSP allows data: images). */
    public static final String AVATAR = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'%3E"
            + "%3Crect width='8' height='8' fill='%231db954'/%3E%3C/svg%3E";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        defaults();
        String base = "http://127.0.0.1:" + server.port();
        return Map.of(
                "bff.spotify.accounts-url", base + "/accounts",
                "bff.spotify.api-url", base + "/v1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** How many Web API calls (/v1/...) reached the stub since it was last reset. */
    public static int webApiCalls() {
        return server.findAll(anyRequestedFor(urlPathMatching("/v1/.*"))).size();
    }

    /** The happy path: consent granted, code exchanged, refresh answered without a new refresh token. */
    public static void defaults() {
        server.resetAll();
        // Spotify's consent page, answered as if the user clicked "Agree": back to the redirect URI with the state.
        server.stubFor(get(urlPathEqualTo("/accounts/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=stub-code&state={{request.query.state}}")
                .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600,
                         "refresh_token":"%s","scope":"user-read-private user-read-email"}"""
                        .formatted(ACCESS_TOKEN, REFRESH_TOKEN))));
        server.stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600,
                         "scope":"user-read-private user-read-email"}""".formatted(REFRESHED_ACCESS_TOKEN))));
        meAnswersFor(ACCESS_TOKEN);
        meAnswersFor(REFRESHED_ACCESS_TOKEN);
        SpotifyFixtures.stubAll(server);
    }

    public static void meAnswersFor(String accessToken) {
        meAnswersFor(accessToken, "wizzler", "Wizzler");
    }

    /** /v1/me with this bearer token answers the profile of this Spotify user. */
    public static void meAnswersFor(String accessToken, String userId, String displayName) {
        server.stubFor(get(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("""
                        {"id":"%1$s","display_name":"%2$s","type":"user","uri":"spotify:user:%1$s",
                         "href":"https://api.spotify.com/v1/users/%1$s",
                         "external_urls":{"spotify":"https://open.spotify.com/user/%1$s"},
                         "images":[{"url":"%3$s","height":300,"width":300}],
                         "explicit_content":{"filter_enabled":false}}""".formatted(userId, displayName, AVATAR))));
    }
}
