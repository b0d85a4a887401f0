package dev.spotifybff.config;

import java.net.URI;

/** Whether browsers reach the BFF over https: REDIRECT_URI says so, unless COOKIE_SECURE overrides it. */
public final class Https {

    private Https() {
    }

    /** Secure cookies (and HSTS) exactly when REDIRECT_URI is https, unless COOKIE_SECURE says otherwise. */
    public static boolean cookiesSecure(BffConfig config) {
        return config.cookies().secure().orElseGet(() -> redirectUriIsHttps(config));
    }

    public static boolean redirectUriIsHttps(BffConfig config) {
        return "https".equalsIgnoreCase(URI.create(config.redirectUri()).getScheme());
    }
}
