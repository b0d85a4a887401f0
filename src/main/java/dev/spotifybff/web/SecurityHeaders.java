package dev.spotifybff.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.Https;
import dev.spotifybff.config.PublicOrigin;
import dev.spotifybff.config.WebConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, SPA and API alike: a CSP that allows only our own scripts and
 * Spotify's image hosts, no sniffing, no referrer, no framing; Strict-Transport-Security whenever the
 * cookies are Secure; no-store wherever a response is about a session (API, login, callback,
 * logout), so no cache keeps a user's data; and no-cache on every HTML page, so a browser asks again
 * after a deploy instead of keeping a page that points at deleted assets (hashed assets stay
 * immutable).
 * <p>
 * Behind a TLS-terminating proxy the BFF sees http, and a redirect that the framework made absolute
 * from the request (RESTEasy's Location, quarkus-oidc's return to /login) would send the browser to
 * http://. With an https REDIRECT_URI, such a Location to this same host is sent as https.
 */
@Singleton
public class SecurityHeaders {

    /** One year: the usual HSTS lifetime; no includeSubDomains, which would bind other hosts of the domain. */
    private static final String HSTS = "max-age=31536000";

    private final String contentSecurityPolicy;
    private final boolean hsts;
    private final boolean httpsRedirects;

    SecurityHeaders(WebConfig config, BffConfig bff) {
        this.contentSecurityPolicy = config.contentSecurityPolicy();
        this.hsts = Https.cookiesSecure(bff);
        this.httpsRedirects = PublicOrigin.of(bff).https();
    }

    void register(@Observes Filters filters) {
        // Before authentication (200), so the redirects quarkus-oidc and CallbackGuard answer with get them too.
        filters.register(this::addHeaders, 250);
    }

    private void addHeaders(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        response.putHeader("Content-Security-Policy", contentSecurityPolicy);
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "no-referrer");
        response.putHeader("X-Frame-Options", "DENY");
        if (hsts) {
            response.putHeader("Strict-Transport-Security", HSTS);
        }
        String path = rc.normalizedPath();
        if (path.startsWith("/api/") || path.equals("/api") || path.equals("/logout")) {
            response.putHeader("Cache-Control", "no-store");
        } else if (path.equals("/login") || path.equals("/callback")) {
            response.putHeader("Cache-Control", "no-store");
            rc.addHeadersEndHandler(done -> redirectOverHttps(rc));
        } else if (!path.startsWith("/q/")) {
            rc.addHeadersEndHandler(done -> {
                redirectOverHttps(rc);
                String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.startsWith("text/html")) {
                    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                }
            });
        }
        rc.next();
    }

    private void redirectOverHttps(RoutingContext rc) {
        if (!httpsRedirects) {
            return;
        }
        String location = rc.response().headers().get(HttpHeaders.LOCATION);
        String host = rc.request().getHeader(HttpHeaders.HOST);
        if (location != null && host != null && location.regionMatches(true, 0, "http://", 0, 7)
                && location.regionMatches(true, 7, host, 0, host.length())
                && (location.length() == 7 + host.length() || "/?#".indexOf(location.charAt(7 + host.length())) >= 0)) {
            rc.response().putHeader(HttpHeaders.LOCATION, "https://" + location.substring(7));
        }
    }
}
