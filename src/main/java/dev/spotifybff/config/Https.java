package dev.spotifybff.config;

/** Whether the BFF's cookies are Secure (and HSTS is sent): REDIRECT_URI says so, unless COOKIE_SECURE overrides it. */
public final class Https {

    private Https() {
    }

    /** Secure cookies (and HSTS) exactly when REDIRECT_URI is https, unless COOKIE_SECURE says otherwise. */
    public static boolean cookiesSecure(BffConfig config) {
        return config.cookies().secure().orElseGet(() -> PublicOrigin.of(config).https());
    }
}
