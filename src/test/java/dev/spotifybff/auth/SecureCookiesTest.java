package dev.spotifybff.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Query;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/** Served over https (REDIRECT_URI says so), both cookies are Secure and carry the __Host- prefix. */
@QuarkusTest
@TestProfile(SecureCookiesTest.Https.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecureCookiesTest {

    public static class Https implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // TLS itself is the proxy's job; what matters here is what the BFF writes into its cookies.
            return Map.of("bff.redirect-uri", "https://127.0.0.1:8891/callback");
        }
    }

    @Test
    void over_https_the_session_and_login_cookies_are_secure_host_prefixed_http_only_and_lax() {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        Response login = browser.get(Browser.APP + "/login");
        String state = Query.params(URI.create(login.header("Location"))).get("state");
        // quarkus-oidc's state cookie: Secure, HttpOnly, Lax, Path=/, no Domain; its name has no
        // __Host- prefix (quarkus-oidc has no option for one), a deviation the README states.
        assertHostCookie(login.getDetailedCookie("q_auth_" + state));

        Response consent = browser.get(login.header("Location"));
        String callback = consent.header("Location").replace("https://", "http://");
        Response done = browser.get(callback);

        assertEquals(302, done.statusCode());
        assertHostCookie(done.getDetailedCookie("__Host-bff_session"));
        assertTrue(done.getDetailedCookie("q_session").isSecured(), "the hand-off cookie is Secure too");
        browser.api("GET", "/api/me").then().statusCode(200);
    }

    @Test
    void behind_a_tls_terminating_proxy_every_redirect_stays_on_https_and_hsts_is_sent() {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        Response login = browser.get(Browser.APP + "/login?returnTo=/recent");
        Response consent = browser.get(login.header("Location"));
        // The proxy forwards plain http: the BFF sees http, the browser speaks https.
        Response done = browser.get(consent.header("Location").replace("https://", "http://"));
        String handoff = done.header("Location");
        assertTrue(handoff.startsWith("https://127.0.0.1:8891/login"), handoff);
        Response landing = browser.get(handoff.replace("https://", "http://"));
        Response failed = browser.get(Browser.APP + "/callback?error=access_denied");

        assertEquals("https://127.0.0.1:8891/recent", landing.header("Location"));
        assertEquals("https://127.0.0.1:8891/?error=access_denied", failed.header("Location"));
        for (Response response : new Response[] { login, done, landing, failed, browser.api("GET", "/api/me") }) {
            assertEquals("max-age=31536000", response.header("Strict-Transport-Security"));
        }
    }

    private static void assertHostCookie(Cookie cookie) {
        assertTrue(cookie.isSecured(), "Secure");
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertEquals("/", cookie.getPath());
        assertNull(cookie.getDomain(), "__Host- cookies must have no Domain");
        assertEquals("Lax", cookie.getSameSite());
    }
}
