package dev.spotifybff.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.session.Sessions;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.LogCapture;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoggingTest {

    @Inject
    TestClock clock;

    @Inject
    Sessions sessions;

    @Test
    void a_full_flow_logs_one_line_per_event_with_the_hashed_session_id_and_never_a_token_or_secret() {
        SpotifyStub.defaults();
        Browser browser = new Browser();
        List<String> lines;
        String logId;
        try (LogCapture capture = new LogCapture()) {
            browser.login();
            logId = sessions.idFromCookie(browser.cookies().get("bff_session")).orElseThrow().logId();
            browser.api("GET", "/api/me");
            clock.advance(Duration.ofHours(2));
            browser.api("GET", "/api/me");
            SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(503)));
            browser.api("GET", "/api/me");
            browser.api("POST", "/logout");
            lines = List.copyOf(capture.lines());
        }

        List<String> ours = lines.stream().filter(l -> l.startsWith("dev.spotifybff")).toList();
        assertEquals(1, count(ours, "login started"), ours.toString());
        assertEquals(1, count(ours, "login completed: session " + logId), ours.toString());
        assertEquals(1, count(ours, "refresh: session " + logId), ours.toString());
        assertEquals(1, count(ours, "spotify /me answered 503"), ours.toString());
        assertEquals(1, count(ours, "logout: session " + logId), ours.toString());
        String cookie = browser.cookies().getOrDefault("bff_session", "");
        for (String line : lines) {
            for (String secret : List.of(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESH_TOKEN,
                    SpotifyStub.REFRESHED_ACCESS_TOKEN, SpotifyStub.CLIENT_SECRET,
                    "test-only-session-secret-0123456789abcdef", "stub-code")) {
                assertFalse(line.contains(secret), "log line leaked " + secret + ": " + line);
            }
            assertTrue(cookie.isEmpty() || !line.contains(cookie), "log line leaked the session cookie: " + line);
        }
    }

    private static long count(List<String> lines, String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }
}
