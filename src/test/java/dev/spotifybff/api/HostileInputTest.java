package dev.spotifybff.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.crypto.TestSealers;
import dev.spotifybff.session.SessionId;
import dev.spotifybff.session.SessionStore;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.support.Browser;
import dev.spotifybff.support.Query;
import dev.spotifybff.support.RawHttp;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A generated barrage (fixed seed, so a failure replays) at every entry point of the BFF: random,
 * oversized, unicode and control-character parameters, duplicated parameters, garbage / truncated /
 * bit-flipped / oversized / old-key cookies, wrong methods, missing and wrong X-CSRF. Every answer
 * must be a 2xx, a redirect, or a 4xx with a JSON error; no stack trace or class name in any body;
 * no session created; a bystander's session unchanged.
 */
@QuarkusTest
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileInputTest {

    private static final int CASES = 2400;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|jakarta\\.|io\\.quarkus|io\\.vertx|dev\\.spotifybff|com\\.fasterxml");
    private static final String[] PATHS = { "/login", "/callback", "/logout", "/api/me", "/api/x" };
    private static final String[] METHODS = { "GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD" };
    private static final String[] PARAMS = { "returnTo", "code", "state", "error", "error_description", "x", "" };

    @Inject
    SessionStore store;

    @Inject
    Sessions sessions;

    private final Random random = new Random(20261129);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private boolean oversizedUsed;

    @Test
    void two_thousand_hostile_requests_get_clean_answers_and_touch_no_other_session() {
        SpotifyStub.defaults();
        Browser bystander = new Browser();
        bystander.login();
        SessionId bystanderId = sessions.idFromCookie(bystander.cookies().get("bff_session")).orElseThrow();
        byte[] bystanderBefore = store.get(bystanderId.storeKey()).orElseThrow();
        Browser attacker = new Browser();
        attacker.login();
        String attackerCookie = attacker.cookies().get("bff_session");
        String oldKeyCookie = TestSealers.sessionCookieSealedWith("an-old-secret-that-is-no-longer-in-use!!",
                bystanderId);
        long sessionsBefore = store.size();

        Map<String, Integer> byEndpoint = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String method = pick(METHODS);
            String path = pick(PATHS);
            oversizedUsed = false;
            if (path.equals("/api/x")) {
                path = "/api/" + Query.encode(randomValue()).replace("%2F", "/");
            }
            String query = randomQuery();
            String url = Browser.APP + path + (query.isEmpty() ? "" : "?" + query);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            switch (random.nextInt(4)) {
                case 0 -> request.header("X-CSRF", "1");
                case 1 -> request.header("X-CSRF", pick(new String[] { "0", "true", "11", "1 ", "yes" }));
                default -> {
                }
            }
            cookie(attackerCookie, oldKeyCookie).ifPresent(c -> request.header("Cookie", c));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) { // a dropped connection is a failure too
                problems.add("#" + i + " " + method + " " + shorten(url) + " -> no answer: " + e);
                continue;
            }
            byEndpoint.merge(method + " " + endpoint(path), 1, Integer::sum);
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            check(i, method, url, response, problems);
            if (problems.size() > 20) {
                break;
            }
        }

        System.out.printf("hostile input: %d cases%n", byEndpoint.values().stream().mapToInt(Integer::intValue).sum());
        byEndpoint.forEach((endpoint, n) -> System.out.printf("  %-16s %5d%n", endpoint, n));
        System.out.println("  answers by status: " + byStatus);
        if (!problems.isEmpty()) {
            fail(problems.size() + " bad answers, first ones:\n" + String.join("\n", problems));
        }
        assertTrue(byEndpoint.values().stream().mapToInt(Integer::intValue).sum() >= 2000);
        assertTrue(store.size() <= sessionsBefore, "no session was created");
        assertArrayEquals(bystanderBefore, store.get(bystanderId.storeKey()).orElseThrow(),
                "the bystander's stored session is untouched");
        assertEquals(200, bystander.api("GET", "/api/me").statusCode(), "the bystander is still logged in");
    }

    @Test
    void a_request_line_beyond_the_limit_is_refused_with_414_not_a_5xx() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(Browser.APP + "/login?returnTo=" + "x".repeat(200 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(414, response.statusCode());
    }

    @Test
    void every_spelling_of_logout_and_of_an_api_path_without_x_csrf_is_refused_and_ends_nothing() throws Exception {
        SpotifyStub.defaults();
        Browser victim = new Browser();
        victim.login();
        String cookie = "bff_session=" + victim.cookies().get("bff_session");

        for (String path : List.of("/logout", "/logout/", "/logout;x", "//logout", "/%6cogout", "/%6Cogout/",
                "/./logout", "/x/../logout")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Browser.APP + path))
                    .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode(), "POST " + path + ": " + response.body());
            assertTrue(response.body().contains("csrf_header_missing"), response.body());
        }
        for (String path : List.of("/api/me/", "/api/me;x", "//api/me", "/%61pi/me")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Browser.APP + path))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode(), "GET " + path + ": " + response.body());
        }

        assertEquals(200, victim.api("GET", "/api/me").statusCode(), "the session was not ended");
    }

    @Test
    void an_absolute_form_request_target_is_sent_to_the_canonical_origin_with_its_path_only() throws Exception {
        String absoluteForm = RawHttp.send(8891, "GET http://localhost:8891/some/page?x=1 HTTP/1.1\r\nHost: localhost:8891\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(absoluteForm.startsWith("HTTP/1.1 302"), absoluteForm);
        assertTrue(absoluteForm.contains("\r\nLocation: http://127.0.0.1:8891/some/page?x=1\r\n"), absoluteForm);
    }


    private void check(int i, String method, String url, HttpResponse<String> response, List<String> problems) {
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String what = "#" + i + " " + method + " " + shorten(url) + " -> " + status + " " + shorten(body);
        if (status >= 500) {
            problems.add(what);
        } else if (LEAK.matcher(body).find()) {
            problems.add("leak: " + what);
        } else if (status >= 300 && status < 400 && response.headers().firstValue("Location").isEmpty()) {
            problems.add("redirect without Location: " + what);
        } else if (status >= 400 && !method.equals("HEAD")
                && !(contentType.startsWith("application/json") && body.contains("\"error\""))) {
            problems.add("4xx without a JSON error: " + what);
        }
    }

    private String randomQuery() {
        StringBuilder query = new StringBuilder();
        int n = random.nextInt(5);
        for (int p = 0; p < n; p++) {
            String name = pick(PARAMS);
            query.append(p == 0 ? "" : "&").append(Query.encode(name)).append('=').append(Query.encode(randomValue()));
            if (random.nextInt(6) == 0) { // duplicated parameter
                query.append('&').append(Query.encode(name)).append('=').append(Query.encode(randomValue()));
            }
        }
        return query.toString();
    }

    private String randomValue() {
        return switch (random.nextInt(10)) {
            case 0 -> oversized();
            case 1 -> randomString(1 + random.nextInt(40), 0x20, 0x7e);
            case 2 -> randomString(1 + random.nextInt(20), 0x00, 0x1f); // control characters
            case 3 -> randomString(1 + random.nextInt(20), 0x80, 0x2fff) + "\uD83C\uDFB5\u202E\u0301"; // unicode
            case 4 -> pick(new String[] { "//evil.example", "https://evil.example", "/\\evil.example", "%2F%2Fevil",
                    "%252F%252Fevil", "\\\\evil", "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1", "http:evil" });
            case 5 -> pick(new String[] { "access_denied", "invalid_scope", "server_error", "stub-code", "" });
            case 6 -> "<script>alert(1)</script>' OR 1=1 --";
            case 7 -> Base64.getUrlEncoder().encodeToString(randomBytes(1 + random.nextInt(300)));
            case 8 -> "%" + randomString(2, 0x41, 0x5a);
            default -> String.valueOf(random.nextLong());
        };
    }

    /**
     * One 100 KB value per request: the class of case is "an oversized parameter". A request line
     * beyond quarkus.http.limits.max-initial-line-length is refused by Vert.x itself (see
     * a_request_line_beyond_the_limit_is_refused_with_414).
     */
    private String oversized() {
        if (oversizedUsed) {
            return "y";
        }
        oversizedUsed = true;
        return "x".repeat(100 * 1024);
    }

    private Optional<String> cookie(String attackerCookie, String oldKeyCookie) {
        String name = random.nextBoolean() ? "bff_session" : pick(new String[] { "bff_login", "__Host-bff_session", "x" });
        String value = switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> randomString(1 + random.nextInt(60), 0x21, 0x7e).replace(";", "").replace(",", "");
            case 2 -> attackerCookie.substring(0, random.nextInt(attackerCookie.length()));
            case 3 -> flipBit(attackerCookie);
            case 4 -> "A".repeat(8 * 1024); // oversized, below the header limit
            case 5 -> oldKeyCookie;
            case 6 -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(64));
            case 7 -> attackerCookie + attackerCookie;
            default -> "";
        };
        if (value == null) {
            return Optional.empty();
        }
        String cookie = name + "=" + value;
        return Optional.of(random.nextInt(5) == 0 ? cookie + "; " + name + "=" + flipBit(attackerCookie) : cookie);
    }

    private String flipBit(String cookie) {
        byte[] bytes = Base64.getUrlDecoder().decode(cookie);
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String randomString(int length, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(from + random.nextInt(to - from + 1));
        }
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String endpoint(String path) {
        return path.startsWith("/api/me") ? "/api/me" : path.startsWith("/api/") ? "/api/*" : path;
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }

}
