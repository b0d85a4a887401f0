package dev.spotifybff.auth;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.Https;
import io.vertx.core.http.CookieSameSite;

/**
 * The BFF's session cookie: a sealed session id, nothing else. HttpOnly, Path=/, no Domain,
 * SameSite=Lax (a logged-in user following a link from elsewhere arrives logged in; CSRF is stopped
 * by the X-CSRF header). Over https it is Secure and carries the __Host- prefix, which browsers only
 * accept for Secure, host-only, Path=/ cookies. Rendered as Set-Cookie header values, because both
 * JAX-RS resources and quarkus-oidc's TokenStateManager (plain Vert.x) set it.
 */
@ApplicationScoped
public class SessionCookies {

    private final boolean secure;
    private final String sessionName;
    private final Duration sessionMaxAge;

    SessionCookies(BffConfig config) {
        this.secure = Https.cookiesSecure(config);
        this.sessionName = (secure ? "__Host-" : "") + "bff_session";
        this.sessionMaxAge = config.session().maxLifetime();
    }

    public String sessionName() {
        return sessionName;
    }

    public Optional<String> read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(sessionName);
        return cookie == null ? Optional.empty() : nonEmpty(cookie.getValue());
    }

    public Optional<String> read(io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.http.Cookie cookie = request.getCookie(sessionName);
        return cookie == null ? Optional.empty() : nonEmpty(cookie.getValue());
    }

    /** The Set-Cookie value that hands the browser its sealed session id. */
    public String session(String sealedId) {
        return cookie(sealedId, sessionMaxAge);
    }

    /** The Set-Cookie value that makes the browser forget its session cookie. */
    public String expired() {
        return cookie("", Duration.ZERO);
    }

    private String cookie(String value, Duration maxAge) {
        return io.vertx.core.http.Cookie.cookie(sessionName, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(maxAge.toSeconds())
                .encode();
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
