package dev.spotifybff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the BFF talks to browsers, apart from cookies. */
@ConfigMapping(prefix = "bff.web")
public interface WebConfig {

    /** Dev mode relaxes it for Vite's hot reload; see application.properties. */
    String contentSecurityPolicy();

    /** Redirect page loads to REDIRECT_URI's origin (off behind a proxy that rewrites Host). */
    @WithDefault("true")
    boolean canonicalOriginRedirect();
}
