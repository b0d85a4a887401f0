package dev.spotifybff.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.spotifybff.config.WebConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, SPA and API alike: a CSP that allows only our own scripts and
 * Spotify's image hosts, no sniffing, no referrer, no framing; and no-store wherever a response is
 * about a session (API, login, callback, logout), so no cache keeps a user's data.
 */
@Singleton
public class SecurityHeaders {

    private final String contentSecurityPolicy;

    SecurityHeaders(WebConfig config) {
        this.contentSecurityPolicy = config.contentSecurityPolicy();
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
        String path = rc.normalizedPath();
        if (path.startsWith("/api/") || path.equals("/api") || path.equals("/login")
                || path.equals("/callback") || path.equals("/logout")) {
            response.putHeader("Cache-Control", "no-store");
        }
        rc.next();
    }
}
