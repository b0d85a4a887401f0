package dev.spotifybff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.SpotifyStub;
import io.restassured.RestAssured;

/**
 * SESSION_MAX_PER_USER, run once per store with a cap of 5: one Spotify account logging in again
 * and again ends its own oldest sessions, and nobody else's.
 */
abstract class SessionCapContract {

    static final int CAP = 5;

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void with_a_cap_of_five_seven_logins_as_one_user_leave_the_first_two_cookies_at_401_and_the_last_five_working() {
        List<String> cookies = logins(7);

        assertEquals(List.of(401, 401, 200, 200, 200, 200, 200), statuses(cookies));
    }

    @Test
    void a_bystanders_session_survives_a_login_flood_of_another_user() {
        String bystander = loginAs("bystander");

        List<String> flood = logins(20);

        assertEquals(200, status(bystander), "the bystander is still logged in");
        List<Integer> expected = new ArrayList<>(Collections.nCopies(20 - CAP, 401));
        expected.addAll(Collections.nCopies(CAP, 200));
        assertEquals(expected, statuses(flood), "the flooding user keeps only their newest sessions");
    }

    private static List<String> logins(int n) {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Browser browser = new Browser();
            browser.login();
            cookies.add(browser.cookies().get("bff_session"));
        }
        return cookies;
    }

    /** A login as another Spotify account: its own access token, whose profile has another id. */
    private static String loginAs(String userId) {
        String token = "stub-access-token-" + userId;
        SpotifyStub.server().stubFor(post(urlPathEqualTo("/accounts/api/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":3600,"refresh_token":"r-%s","scope":""}"""
                        .formatted(token, userId))));
        SpotifyStub.meAnswersFor(token, userId, userId);
        Browser browser = new Browser();
        browser.login();
        SpotifyStub.defaults();
        SpotifyStub.meAnswersFor(token, userId, userId);
        return browser.cookies().get("bff_session");
    }

    private static List<Integer> statuses(List<String> cookies) {
        return cookies.stream().map(SessionCapContract::status).toList();
    }

    private static int status(String cookie) {
        return RestAssured.given().cookie("bff_session", cookie).header("X-CSRF", "1").get(Browser.APP + "/api/me")
                .statusCode();
    }
}
