package dev.spotifybff.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Query;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginFlowTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:8891/callback";
    private static final String SESSION_SECRET = "test-only-session-secret-0123456789abcdef";

    private final Browser browser = new Browser();

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void login_redirects_to_spotifys_authorize_with_every_parameter_the_flow_needs() {
        Response login = browser.get(Browser.APP + "/login");

        assertEquals(302, login.statusCode());
        assertEquals("no-store", login.header("Cache-Control"));
        URI authorize = URI.create(login.header("Location"));
        assertEquals("http://127.0.0.1:" + SpotifyStub.server().port() + "/accounts/authorize",
                authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath());
        Map<String, String> params = Query.params(authorize);
        assertEquals(SpotifyStub.CLIENT_ID, params.get("client_id"));
        assertEquals("code", params.get("response_type"));
        assertEquals(REDIRECT_URI, params.get("redirect_uri"));
        assertEquals("S256", params.get("code_challenge_method"));
        assertTrue(params.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), "S256 challenge is 43 base64url chars");
        // quarkus-oidc's state is a random UUID (122 bits): a deviation from the former 256 bits, README.
        assertTrue(params.get("state").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                params.get("state"));
        assertEquals(List.of("user-read-private", "user-read-email", "user-top-read", "playlist-read-private",
                "playlist-read-collaborative", "user-read-recently-played"), List.of(params.get("scope").split(" ")),
                "exactly the scopes the /api endpoints need, and no openid");
        assertEquals(Set.of("client_id", "response_type", "redirect_uri", "state", "scope", "code_challenge_method",
                "code_challenge"), params.keySet(), "nothing else travels to Spotify");
        Cookie state = login.getDetailedCookie("q_auth_" + params.get("state"));
        assertTrue(state.isHttpOnly());
        assertEquals("Lax", state.getSameSite());
        assertEquals("/", state.getPath());
        assertEquals(600, state.getMaxAge(), "a login may take the login timeout (10 minutes), no longer");
    }

    @Test
    void every_login_gets_a_fresh_state_and_a_fresh_verifier() {
        Map<String, String> first = Query.params(URI.create(browser.get(Browser.APP + "/login").header("Location")));
        Map<String, String> second = Query.params(URI.create(browser.get(Browser.APP + "/login").header("Location")));

        assertNotEquals(first.get("state"), second.get("state"));
        assertNotEquals(first.get("code_challenge"), second.get("code_challenge"));
    }

    @Test
    void the_code_is_exchanged_with_basic_auth_and_a_verifier_that_matches_the_challenge() {
        Browser.LoginTrip trip = browser.login();

        List<LoggedRequest> exchanges = SpotifyStub.server().findAll(postRequestedFor(urlPathEqualTo("/accounts/api/token")));
        assertEquals(1, exchanges.size());
        LoggedRequest exchange = exchanges.get(0);
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (SpotifyStub.CLIENT_ID + ":" + SpotifyStub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, exchange.getHeader("Authorization"));
        assertTrue(exchange.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = Query.params(URI.create("?" + exchange.getBodyAsString()));
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals("stub-code", form.get("code"));
        assertEquals(REDIRECT_URI, form.get("redirect_uri"));
        assertEquals(Query.params(trip.authorize()).get("code_challenge"), s256(form.get("code_verifier")));
        assertTrue(form.get("code_verifier").matches("[A-Za-z0-9_-]{43}"), "a 256-bit verifier");
        assertFalse(form.containsKey("client_secret"), "the secret travels only in the Basic header");
    }

    @Test
    void a_successful_callback_sets_an_http_only_lax_session_cookie_and_redirects_home() {
        Browser.LoginTrip trip = browser.login();
        Response callback = trip.callback();

        assertEquals(302, callback.statusCode());
        assertEquals(Browser.APP + "/login", callback.header("Location"), "quarkus-oidc's hand-off hop");
        assertEquals(302, trip.landing().statusCode());
        assertEquals(Browser.APP + "/", trip.landing().header("Location"));
        Cookie session = callback.getDetailedCookie("bff_session");
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertEquals("/", session.getPath());
        assertNull(session.getDomain());
        assertFalse(session.isSecured(), "plain-http loopback development: no Secure");
        assertTrue(session.getMaxAge() > 0);
        assertEquals(0, callback.getDetailedCookie(trip.stateCookieName()).getMaxAge(), "the login cookie is spent");
        assertEquals(0, trip.landing().getDetailedCookie("q_session").getMaxAge(), "the hand-off is ended at once");
        assertFalse(browser.cookies().keySet().stream().anyMatch(name -> name.startsWith("q_")),
                "after a login the browser holds the session cookie only: " + browser.cookies().keySet());
    }

    @Test
    void api_me_returns_the_profile_fetched_with_the_bearer_token_and_nothing_more() {
        browser.login();
        SpotifyStub.server().resetRequests(); // the login's own UserInfo call is counted in its own test

        Response me = browser.api("GET", "/api/me");

        me.then().statusCode(200)
                .body("id", equalTo("wizzler"))
                .body("display_name", equalTo("Wizzler"))
                .body("images[0].url", equalTo(SpotifyStub.AVATAR))
                .body("external_urls.spotify", equalTo("https://open.spotify.com/user/wizzler"))
                .body("uri", equalTo("spotify:user:wizzler"));
        Map<String, Object> body = me.jsonPath().getMap("");
        assertFalse(body.containsKey("email"), "absent fields stay absent");
        assertFalse(body.containsKey("href"), "fields we do not serve are dropped");
        assertFalse(body.containsKey("explicit_content"));
        assertEquals("no-store", me.header("Cache-Control"));
        SpotifyStub.server().verify(1, getRequestedFor(urlPathEqualTo("/v1/me"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + SpotifyStub.ACCESS_TOKEN)));
    }

    @Test
    void no_token_or_secret_appears_in_any_response_or_cookie_of_the_whole_flow() {
        browser.login();
        browser.api("GET", "/api/me");
        browser.api("POST", "/logout");

        List<String> secrets = List.of(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESH_TOKEN, SpotifyStub.CLIENT_SECRET,
                SESSION_SECRET, "stub-code");
        for (Response response : browser.responses()) {
            String everything = response.getHeaders().toString() + "\n" + response.asString();
            for (String secret : secrets) {
                if (secret.equals("stub-code") && response.getHeaders().toString().contains("code=stub-code")) {
                    continue; // Spotify's own redirect carries the one-time code, as it must
                }
                assertFalse(everything.contains(secret), "a response leaked " + secret + ": " + everything);
            }
        }
    }

    @Test
    void the_session_cookie_is_sealed_so_even_decoded_it_shows_no_token() {
        browser.login();

        String value = browser.cookies().get("bff_session");
        String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.ISO_8859_1);
        assertFalse(decoded.contains(SpotifyStub.ACCESS_TOKEN));
        assertFalse(decoded.contains(SpotifyStub.REFRESH_TOKEN));
        assertTrue(value.length() < 200, "the cookie holds a sealed id, not tokens: " + value.length() + " chars");
    }

    @Test
    void a_local_return_to_path_is_where_the_login_ends() {
        Response callback = browser.login("/login?returnTo=" + Query.encode("/playlists/abc?tab=items")).landing();

        assertEquals(Browser.APP + "/playlists/abc?tab=items", callback.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "//evil.example", "https://evil.example", "/\\evil.example", "%2F%2Fevil.example",
            "http:evil.example", "javascript:alert(1)", " /x", "/%0d%0aSet-Cookie:x=1" + "\r\n", "evil.example",
            "\\\\evil.example", "/\tevil" })
    void a_return_to_that_leaves_the_app_is_ignored(String hostile) {
        Response callback = browser.login("/login?returnTo=" + Query.encode(hostile)).landing();

        assertEquals(Browser.APP + "/", callback.header("Location"));
    }

    @Test
    void a_login_calls_userinfo_once_and_api_requests_never_do() {
        browser.login();
        SpotifyStub.server().verify(1, getRequestedFor(urlPathEqualTo("/v1/me")));
        SpotifyStub.server().resetRequests();

        for (int i = 0; i < 3; i++) {
            browser.api("GET", "/api/me/top/artists").then().statusCode(200);
        }

        SpotifyStub.server().verify(0, getRequestedFor(urlPathEqualTo("/v1/me")));
        SpotifyStub.server().verify(3, getRequestedFor(urlPathEqualTo("/v1/me/top/artists")));
        SpotifyStub.server().verify(0, postRequestedFor(urlPathEqualTo("/accounts/api/token")));
    }

    @Test
    void a_second_login_in_the_same_browser_ends_the_first_session() {
        browser.login();
        String first = browser.cookies().get("bff_session");

        browser.login();

        assertNotEquals(first, browser.cookies().get("bff_session"));
        Browser old = new Browser();
        old.setCookie("bff_session", first);
        old.api("GET", "/api/me").then().statusCode(401);
        browser.api("GET", "/api/me").then().statusCode(200);
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_browser_on_another_origin_is_first_sent_to_the_redirect_uris_origin() {
        Response response = RestAssured.given().redirects().follow(false).header("Host", "localhost:8891")
                .get(Browser.APP + "/some/page?x=1");

        assertEquals(302, response.statusCode());
        assertEquals("http://127.0.0.1:8891/some/page?x=1", response.header("Location"));
    }
}
