package dev.spotifybff.web;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The last route for /api/*: a path no REST endpoint matched answers 404 JSON, instead of an HTML
 * error page (or the SPA's index.html, which would make a typo look like success).
 */
public class ApiNotFoundRoute {

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MAX_VALUE - 1).handler(rc -> rc.response()
                .setStatusCode(404)
                .putHeader("Content-Type", "application/json")
                .end("{\"error\":\"not_found\",\"message\":\"There is no such API endpoint.\"}"));
    }
}
