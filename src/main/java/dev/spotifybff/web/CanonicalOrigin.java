package dev.spotifybff.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.PublicOrigin;
import dev.spotifybff.config.WebConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a browser that opened the app on another origin than REDIRECT_URI's (say
 * http://localhost:8888 while Spotify returns to http://127.0.0.1:8888) to that origin first.
 * Cookies are per host: a login started on localhost would lose its state cookie on the way back.
 * Only page loads (GET/HEAD outside /api and /q) are redirected; probes and API calls are not.
 */
@Singleton
public class CanonicalOrigin {

    private final boolean enabled;
    private final PublicOrigin canonical;

    CanonicalOrigin(BffConfig config, WebConfig web) {
        this.enabled = web.canonicalOriginRedirect();
        this.canonical = PublicOrigin.of(config);
    }

    void register(@Observes Filters filters) {
        filters.register(this::redirectToCanonicalOrigin, 200);
    }

    private void redirectToCanonicalOrigin(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        String path = rc.normalizedPath();
        String requestHost = rc.request().getHeader("Host");
        if (enabled && (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && !path.startsWith("/api") && !path.startsWith("/q/")
                && requestHost != null && !canonical.isHost(requestHost)) {
            // The path and query only: an absolute-form request target (GET http://x/p) must not be appended whole.
            String query = rc.request().query();
            rc.response().setStatusCode(302)
                    .putHeader("Location", canonical.origin() + rc.request().path() + (query == null ? "" : "?" + query)).end();
            return;
        }
        rc.next();
    }
}
