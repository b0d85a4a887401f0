package dev.spotifybff.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.crypto.TestSealers;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Poll;
import dev.spotifybff.support.SpotifyStub;
import dev.spotifybff.support.TestClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * One /api request is one trace: the request's span with children for the session lookup and the
 * cache, under which a refresh (its own call to the accounts service inside) and the Spotify call. No span
 * carries a token, the cookie, the session id, the authorization code or the email, and the log
 * lines of a request carry its trace id.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TracingTest {

    private static final String EMAIL = "wizzler@example.com";
    private static final String SESSION_SECRET = "test-only-session-secret-0123456789abcdef";

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // as when OTEL_EXPORTER_OTLP_ENDPOINT is set; the spans go to InMemorySpans, not over OTLP
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "20ms",
                    "bff.cache.enabled", "true");
        }
    }

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    TestClock clock;

    private final Browser browser = new Browser();

    @BeforeEach
    void spotifyWithAnEmail() {
        SpotifyStub.defaults();
        for (String token : List.of(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESHED_ACCESS_TOKEN)) {
            SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me"))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(okJson("{\"id\":\"wizzler\",\"display_name\":\"Wizzler\",\"email\":\"" + EMAIL + "\"}")));
        }
        exporter.reset();
    }

    @Test
    void one_api_me_with_a_refresh_is_one_trace_of_session_lookup_cache_refresh_and_the_spotify_call() {
        browser.login();
        clock.advance(Duration.ofHours(1)); // the access token has expired: this request refreshes it first
        exporter.reset();

        browser.api("GET", "/api/me").then().statusCode(200);

        SpanData request = serverSpan("GET /api/me");
        List<SpanData> trace = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(request.getTraceId())).toList();
        assertEquals(List.of("cache /me", "session lookup"), namesOf(childrenOf(request, trace)));
        assertEquals(List.of("spotify GET /me", "token refresh"), namesOf(childrenOf(named("cache /me", trace), trace)));
        SpanData refresh = named("token refresh", trace);
        assertEquals(List.of("spotify POST /api/token"), namesOf(childrenOf(refresh, trace)));

        SpanData call = named("spotify GET /me", trace);
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals("GET", call.getAttributes().get(AttributeKey.stringKey("http.request.method")));
        assertEquals("/me", call.getAttributes().get(AttributeKey.stringKey("url.template")));
        assertEquals(200L, call.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals("miss", named("cache /me", trace).getAttributes().get(AttributeKey.stringKey("bff.cache.status")));
        assertEquals(true, named("session lookup", trace).getAttributes().get(AttributeKey.booleanKey("bff.session.found")));
    }

    @Test
    void the_metrics_of_a_request_carry_its_trace_id_as_an_exemplar() {
        browser.login();
        exporter.reset();
        browser.api("GET", "/api/me").then().statusCode(200);
        String traceId = serverSpan("GET /api/me").getTraceId();

        String metrics = RestAssured.given().header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                .get(Browser.MANAGEMENT + "/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("bff_upstream_calls_total{endpoint=\"/me\"")
                && line.contains("trace_id=\"" + traceId + "\"")), "the /me call's counter names the trace");
    }

    @Test
    void no_span_holds_a_token_the_cookie_the_session_id_the_code_or_the_email() {
        Browser.LoginTrip trip = browser.login();
        String cookie = browser.cookies().get("bff_session");
        clock.advance(Duration.ofHours(1));
        browser.api("GET", "/api/me").then().statusCode(200);
        browser.api("GET", "/api/me").then().statusCode(200);
        browser.api("POST", "/logout").then().statusCode(204);

        SpanData callback = exporter.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.SERVER
                && "/callback".equals(span.getAttributes().get(AttributeKey.stringKey("url.path")))).findFirst()
                .orElseThrow(() -> new AssertionError("no span of the callback"));
        assertTrue(everything(callback).contains("code=REDACTED"), "the callback's query is there, redacted: "
                + everything(callback));
        var id = TestSealers.sessionIdFromCookie(SESSION_SECRET, cookie);
        String state = trip.callbackUrl().replaceAll(".*[?&]state=([^&]+).*", "$1");
        Map<String, String> secrets = Map.of("access token", SpotifyStub.ACCESS_TOKEN,
                "refreshed access token", SpotifyStub.REFRESHED_ACCESS_TOKEN, "refresh token", SpotifyStub.REFRESH_TOKEN,
                "cookie", cookie, "session id", id.value(), "session key", id.storeKey(), "code", "stub-code",
                "state", state, "email", EMAIL, "client secret", SpotifyStub.CLIENT_SECRET);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertTrue(spans.size() >= 10, spans.size() + " spans");
        for (SpanData span : spans) {
            String text = everything(span);
            secrets.forEach((what, secret) -> assertFalse(text.contains(secret), what + " in span " + span.getName()));
        }
    }

    @Test
    void a_log_line_written_during_a_request_carries_the_requests_trace_id() {
        browser.login();
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(503)));
        List<String> traceIds = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName().endsWith("Upstream") && record instanceof ExtLogRecord ext) {
                    traceIds.add(String.valueOf(ext.getMdc("traceId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler);
        try {
            browser.api("GET", "/api/me").then().statusCode(502);
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }

        assertEquals(List.of(serverSpan("GET /api/me").getTraceId()), traceIds);
    }

    private SpanData serverSpan(String name) {
        try {
            Poll.until(name, Duration.ofSeconds(10), Duration.ofMillis(20), () -> find(name).isPresent());
        } catch (IllegalStateException e) {
            throw new AssertionError(name + " not among " + namesOf(exporter.getFinishedSpanItems()), e);
        }
        return find(name).orElseThrow();
    }

    private Optional<SpanData> find(String name) {
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals(name)).findFirst();
    }

    private static List<SpanData> childrenOf(SpanData parent, List<SpanData> spans) {
        return spans.stream().filter(span -> span.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    private static SpanData named(String name, List<SpanData> spans) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError(name + " not among " + namesOf(spans)));
    }

    private static List<String> namesOf(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).sorted().collect(Collectors.toList());
    }

    /** The span's name, status, attributes and events, as one text to search. */
    private static String everything(SpanData span) {
        List<String> parts = new ArrayList<>(List.of(span.getName(), span.getStatus().toString()));
        parts.add(text(span.getAttributes()));
        for (EventData event : span.getEvents()) {
            parts.add(event.getName());
            parts.add(text(event.getAttributes()));
        }
        return String.join(" | ", parts);
    }

    private static String text(Attributes attributes) {
        return attributes.asMap().entrySet().stream().map(e -> e.getKey().getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
