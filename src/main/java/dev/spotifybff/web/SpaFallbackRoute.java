package dev.spotifybff.web;

import java.util.List;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * SPA routing: a page load of a client-side route (/playlists/abc) gets index.html, so deep links
 * and reloads work. It runs after Quinoa's static files (order 1100: real files win) and before the
 * REST route (order 10000), which would answer such a path with a 404; the backend's own prefixes
 * (/api, /login, /callback, /logout, /q) and anything that looks like a file are never rerouted.
 * Quinoa's own SPA route does the same after REST, where it never gets a chance here.
 */
public class SpaFallbackRoute {

    private static final int AFTER_QUINOA_STATIC_FILES = 1200;

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.quinoa.ignored-path-prefixes") List<String> backendPrefixes) {
        router.route().order(AFTER_QUINOA_STATIC_FILES).handler(rc -> {
            String path = rc.normalizedPath();
            HttpMethod method = rc.request().method();
            boolean page = (method == HttpMethod.GET || method == HttpMethod.HEAD) && !path.equals("/")
                    && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                    && backendPrefixes.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
            if (page) {
                rc.reroute("/");
            } else {
                rc.next();
            }
        });
    }
}
