package dev.spotifybff.auth;

import java.net.URI;
import java.util.List;

import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.Https;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;

/**
 * Makes quarkus-oidc's cookies (the state cookie q_auth_&lt;state&gt; at the redirect to Spotify,
 * the hand-off q_session at the redirect after /callback) Secure whenever the session cookie is:
 * when REDIRECT_URI is https, or COOKIE_SECURE says so. quarkus-oidc alone marks them Secure only
 * on a TLS connection or with a fixed cookie-force-secure, so behind a TLS-terminating proxy they
 * would travel without the flag.
 */
@Singleton
@Unremovable // quarkus-oidc looks its filters up at run time, which does not keep a bean from removal
@Redirect({ Redirect.Location.OIDC_AUTHORIZATION, Redirect.Location.LOCAL_ENDPOINT_CALLBACK })
public class OidcCookiesSecure implements OidcRedirectFilter {

    private final boolean secure;

    OidcCookiesSecure(BffConfig config) {
        this.secure = Https.cookiesSecure(config);
    }

    @Override
    public void filter(OidcRedirectContext redirect) {
        if (!secure) {
            return;
        }
        HttpServerResponse response = redirect.routingContext().response();
        for (String name : names(redirect.redirectUri())) {
            Cookie cookie = response.removeCookie(name, false);
            if (cookie != null) {
                response.addCookie(cookie.setSecure(true));
            }
        }
    }

    /** The state cookie is named after the state in the /authorize URL; the hand-off is q_session. */
    private static List<String> names(String redirectUri) {
        String query = URI.create(redirectUri).getRawQuery();
        if (query != null) {
            for (String param : query.split("&")) {
                if (param.startsWith("state=")) {
                    return List.of("q_auth_" + param.substring("state=".length()));
                }
            }
        }
        return List.of("q_session");
    }
}
