package dev.spotifybff.multiinstance;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.AppProcess;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Concurrently;
import dev.spotifybff.support.RedisCluster;
import dev.spotifybff.support.SpotifyStub;

/**
 * Two packaged instances on a real three-master Redis Cluster (REDIS_TOPOLOGY=cluster, seed nodes in
 * REDIS_URL): sessions shared, and the cross-instance refresh race still makes one refresh, with the
 * lock in the session's slot.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MultiInstanceRedisClusterIT {

    private static RedisCluster cluster;
    private static AppProcess a;
    private static AppProcess b;

    @BeforeAll
    static void startEverything() {
        cluster = new RedisCluster().start();
        Map<String, String> stub = new SpotifyStub().start();
        int portA = AppProcess.freePort();
        Map<String, String> env = Map.of(
                "CLIENT_ID", SpotifyStub.CLIENT_ID,
                "CLIENT_SECRET", SpotifyStub.CLIENT_SECRET,
                "SESSION_SECRET", "multi-instance-cluster-secret-0123456789abcdef",
                "REDIRECT_URI", "http://127.0.0.1:" + portA + "/callback",
                "SESSION_STORE", "redis",
                "REDIS_TOPOLOGY", "cluster",
                "REDIS_URL", cluster.url(),
                "SPOTIFY_ACCOUNTS_URL", stub.get("bff.spotify.accounts-url"),
                "SPOTIFY_API_URL", stub.get("bff.spotify.api-url"),
                "CANONICAL_ORIGIN_REDIRECT", "false");
        a = new AppProcess("cluster-a", portA, env).start();
        b = new AppProcess("cluster-b", AppProcess.freePort(), env).start();
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] { a, b, cluster }) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
        new SpotifyStub().stop();
    }

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void a_session_made_on_a_works_on_b_and_a_logout_on_b_ends_it_on_a() {
        Browser browser = new Browser(a.url());
        browser.login();

        browser.api(b.url(), "GET", "/api/me").then().statusCode(200);
        browser.api(b.url(), "POST", "/logout").then().statusCode(204);

        browser.api(a.url(), "GET", "/api/me").then().statusCode(401);
    }

    @Test
    void twenty_requests_over_both_instances_with_an_expired_token_cause_exactly_one_refresh() throws Exception {
        Browser browser = new Browser(a.url());
        MultiInstanceRedisIT.loginWithAnExpiringTokenAndARotatingRefreshToken(browser);
        String cookie = browser.cookies().get("bff_session");
        SpotifyStub.server().resetRequests();

        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add((i % 2 == 0 ? a.url() : b.url()) + "/api/me");
        }
        List<Integer> statuses = Concurrently.get(cookie, urls);

        assertEquals(Collections.nCopies(20, 200), statuses);
        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }
}
