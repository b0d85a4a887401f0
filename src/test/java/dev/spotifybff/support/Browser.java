package dev.spotifybff.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a browser does, by hand: a cookie jar that honours Set-Cookie and Max-Age=0, redirects
 * followed one hop at a time (so each hop can be asserted), and every response kept for checks such
 * as "no token anywhere". Requests to the stub Spotify go to its own host, as in a real browser.
 */
public class Browser {

    public static final String APP = "http://127.0.0.1:8891";
    /** The management interface (health, metrics, OpenAPI): quarkus.management.test-port. */
    public static final String MANAGEMENT = "http://127.0.0.1:8893";

    private final String app;
    private final Map<String, String> jar = new LinkedHashMap<>();

    public Browser() {
        this(APP);
    }

    /** A browser for the app at this base URL; cookies go to every URL on the same host, as in a browser. */
    public Browser(String app) {
        this.app = app;
    }
    private final List<Response> responses = new ArrayList<>();

    public Response get(String url) {
        return send("GET", url, false);
    }

    public Response api(String method, String path) {
        return send(method, app + path, true);
    }

    public Response api(String base, String method, String path) {
        return send(method, base + path, true);
    }

    public Response send(String method, String url, boolean csrf) {
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        // Cookies are per host, not per port: like a browser, send them to every port of the app's host.
        boolean sameHost = URI.create(url).getHost().equals(URI.create(app).getHost());
        if (sameHost) {
            request.cookies(jar);
        }
        if (csrf) {
            request.header("X-CSRF", "1");
        }
        Response response = request.request(method, url);
        responses.add(response);
        if (sameHost) {
            for (Cookie cookie : response.getDetailedCookies()) {
                if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                    jar.remove(cookie.getName());
                } else {
                    jar.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }

    /**
     * GET /login, then Spotify's authorize (the stub consents), back to /callback, and on through
     * quarkus-oidc's hand-off redirect to /login, which ends at returnTo.
     */
    public LoginTrip login(String loginPath) {
        Response login = get(app + loginPath);
        assertEquals(302, login.statusCode(), "/login redirects to Spotify");
        URI authorize = URI.create(login.header("Location"));
        Response consent = get(authorize.toString());
        assertEquals(302, consent.statusCode(), "the stub's consent page redirects back");
        String callbackUrl = consent.header("Location");
        assertNotNull(callbackUrl);
        Response callback = get(callbackUrl);
        Response landing = callback;
        String handoff = callback.header("Location");
        if (callback.statusCode() == 302 && handoff != null && handoff.startsWith(app + "/login")) {
            landing = get(handoff);
        }
        return new LoginTrip(login, authorize, callbackUrl, callback, landing);
    }

    public LoginTrip login() {
        return login("/login");
    }

    public Map<String, String> cookies() {
        return jar;
    }

    public void setCookie(String name, String value) {
        jar.put(name, value);
    }

    public List<Response> responses() {
        return responses;
    }

    /** callback: quarkus-oidc's answer at /callback; landing: the last redirect, to returnTo (or a failure's /?error=). */
    public record LoginTrip(Response login, URI authorize, String callbackUrl, Response callback, Response landing) {

        /** The cookie quarkus-oidc keeps the login's state in: q_auth_&lt;state&gt;. */
        public String stateCookieName() {
            return "q_auth_" + Query.params(authorize).get("state");
        }
    }
}
