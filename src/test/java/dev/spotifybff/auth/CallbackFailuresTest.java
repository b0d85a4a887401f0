package dev.spotifybff.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.spotifybff.session.SessionStore;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Query;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every way a callback can go wrong ends with no session, a 302 to /?error=<code>, and never a 500. */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CallbackFailuresTest {

    @Inject
    SessionStore store;

    private final Browser browser = new Browser();
    private long sessionsBefore;

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
        sessionsBefore = store.size();
    }

    @AfterEach
    void noSessionWasCreated() {
        for (Response response : browser.responses()) {
            assertTrue(response.statusCode() < 500, "never a 5xx: " + response.asString());
        }
        assertFalse(browser.cookies().containsKey("bff_session"), "no session cookie");
    }

    @Test
    void denied_consent_sends_the_user_back_with_access_denied() {
        String state = startLogin();

        assertFailure("access_denied", "/callback?error=access_denied&state=" + state);
    }

    @Test
    void any_other_authorize_error_is_reported_as_authorize_failed() {
        String state = startLogin();

        assertFailure("authorize_failed", "/callback?error=invalid_scope&state=" + state);
    }

    @Test
    void a_missing_state_is_a_state_mismatch() {
        startLogin();

        assertFailure("state_mismatch", "/callback?code=stub-code");
    }

    @Test
    void a_wrong_state_is_a_state_mismatch_and_no_code_is_exchanged() {
        startLogin();

        assertFailure("state_mismatch", "/callback?code=stub-code&state=forged-state-value");
        SpotifyStub.server().verify(0, postRequestedFor(urlPathEqualTo("/accounts/api/token")));
    }

    @Test
    void a_missing_code_is_reported_as_missing_code() {
        String state = startLogin();

        assertFailure("missing_code", "/callback?state=" + state);
    }

    @Test
    void a_callback_without_a_login_in_progress_is_login_expired() {
        assertFailure("login_expired", "/callback?code=stub-code&state=anything");
    }

    @Test
    void a_login_older_than_the_login_timeout_is_login_expired() {
        // quarkus-oidc's state cookie carries no time of its own: its Max-Age is the login timeout, and
        // the browser drops it after that (a deviation from the former server-side check, see README).
        Response login = browser.get(Browser.APP + "/login");
        String state = Query.params(URI.create(login.header("Location"))).get("state");
        assertEquals(600, login.getDetailedCookie("q_auth_" + state).getMaxAge());
        browser.cookies().remove("q_auth_" + state); // what the browser does after ten minutes

        assertFailure("login_expired", "/callback?code=stub-code&state=" + state);
        SpotifyStub.server().verify(0, postRequestedFor(urlPathEqualTo("/accounts/api/token")));
    }

    @Test
    void a_tampered_state_cookie_is_login_failed_and_no_code_is_exchanged() {
        String state = startLogin();
        browser.setCookie("q_auth_" + state, state + "|" + "x".repeat(40));

        assertFailure("login_failed", "/callback?code=stub-code&state=" + state);
        SpotifyStub.server().verify(0, postRequestedFor(urlPathEqualTo("/accounts/api/token")));
    }

    @Test
    void a_token_answer_without_a_refresh_token_is_login_failed() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .willReturn(okJson("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"scope\":\"\"}")));
        SpotifyStub.meAnswersFor("a");
        String state = startLogin();

        // No refresh_token: the session would die within the hour, so the login is refused.
        assertFailure("login_failed", "/callback?code=stub-code&state=" + state);
    }

    @Test
    void a_code_that_spotify_refuses_is_login_failed() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}")));
        String state = startLogin();

        assertFailure("login_failed", "/callback?code=stub-code&state=" + state);
    }

    @Test
    void a_token_endpoint_outage_during_login_is_spotify_unavailable() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .willReturn(aResponse().withStatus(503)));
        String state = startLogin();

        assertFailure("spotify_unavailable", "/callback?code=stub-code&state=" + state);
    }

    @Test
    void a_dropped_connection_to_the_token_endpoint_is_spotify_unavailable() {
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String state = startLogin();

        assertFailure("spotify_unavailable", "/callback?code=stub-code&state=" + state);
    }

    @Test
    void a_replayed_callback_finds_no_login_to_finish() {
        Browser.LoginTrip trip = browser.login();
        browser.cookies().clear();
        long afterLogin = store.size();

        Response replay = browser.get(trip.callbackUrl());

        assertEquals(Browser.APP + "/?error=login_expired", replay.header("Location"));
        assertEquals(afterLogin, store.size());
        SpotifyStub.server().verify(1, postRequestedFor(urlPathEqualTo("/accounts/api/token")));
        sessionsBefore = afterLogin;
    }

    @Test
    void a_callback_replayed_with_a_stolen_login_cookie_fails_because_spotify_refuses_the_used_code() {
        // Spotify's codes are single-use: the second exchange of the same code is invalid_grant.
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token")).inScenario("code")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"r\",\"scope\":\"\"}"))
                .willSetStateTo("used"));
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token")).inScenario("code")
                .whenScenarioStateIs("used")
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        SpotifyStub.meAnswersFor("a");
        Response login = browser.get(Browser.APP + "/login");
        String state = Query.params(URI.create(login.header("Location"))).get("state");
        String loginCookie = login.getCookie("q_auth_" + state);
        browser.get(Browser.APP + "/callback?code=stub-code&state=" + state);
        long afterLogin = store.size();
        Browser attacker = new Browser();
        attacker.setCookie("q_auth_" + state, loginCookie);

        Response replay = attacker.get(Browser.APP + "/callback?code=stub-code&state=" + state);

        assertEquals(Browser.APP + "/?error=login_failed", replay.header("Location"));
        assertFalse(attacker.cookies().containsKey("bff_session"));
        assertEquals(afterLogin, store.size());
        browser.cookies().clear();
        sessionsBefore = afterLogin;
    }

    private String startLogin() {
        Response login = browser.get(Browser.APP + "/login");
        return Query.params(URI.create(login.header("Location"))).get("state");
    }

    private void assertFailure(String code, String callbackPath) {
        List<String> stateCookies = browser.cookies().keySet().stream().filter(name -> name.startsWith("q_auth_")).toList();
        Response callback = browser.get(Browser.APP + callbackPath);
        assertEquals(302, callback.statusCode());
        assertEquals(Browser.APP + "/?error=" + code, callback.header("Location"));
        for (String name : stateCookies) {
            assertEquals(0, callback.getDetailedCookie(name).getMaxAge(), "the login cookie is cleared: " + name);
        }
        assertFalse(browser.cookies().keySet().stream().anyMatch(name -> name.startsWith("q_")), "nothing left to replay");
        assertTrue(callback.getDetailedCookie("bff_session") == null, "no session cookie is set");
        assertEquals(sessionsBefore, store.size(), "no session is stored");
    }
}
