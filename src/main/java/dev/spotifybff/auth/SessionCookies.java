package dev.spotifybff.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import dev.spotifybff.config.BffConfig;

/**
 * The two cookies of the BFF: the session cookie (a sealed session id, nothing else) and the short
 * pending-login cookie (sealed state, PKCE verifier and return path). Both HttpOnly, Path=/, no
 * Domain, SameSite=Lax: Strict would withhold the login cookie on the top-level redirect back from
 * Spotify, which is a cross-site navigation. Over https they are Secure and carry the __Host- prefix,
 * which browsers only accept for Secure, host-only, Path=/ cookies.
 */
@ApplicationScoped
public class SessionCookies {

    private final boolean secure;
    private final String sessionName;
    private final String loginName;
    private final Duration sessionMaxAge;

    SessionCookies(BffConfig config) {
        this.secure = config.cookies().secure()
                .orElseGet(() -> "https".equalsIgnoreCase(URI.create(config.redirectUri()).getScheme()));
        String prefix = secure ? "__Host-" : "";
        this.sessionName = prefix + "bff_session";
        this.loginName = prefix + "bff_login";
        this.sessionMaxAge = config.session().maxLifetime();
    }

    public String sessionName() {
        return sessionName;
    }

    public String loginName() {
        return loginName;
    }

    public Optional<String> read(HttpHeaders headers, String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()
                ? Optional.empty()
                : Optional.of(cookie.getValue());
    }

    public NewCookie session(String value) {
        return cookie(sessionName, value, sessionMaxAge);
    }

    public NewCookie login(String value, Duration maxAge) {
        return cookie(loginName, value, maxAge);
    }

    public NewCookie expired(String name) {
        return cookie(name, "", Duration.ZERO);
    }

    private NewCookie cookie(String name, String value, Duration maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
                .build();
    }
}
