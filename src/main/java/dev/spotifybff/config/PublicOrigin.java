package dev.spotifybff.config;

import java.net.URI;

/**
 * REDIRECT_URI's origin: where browsers reach the BFF, whatever the request's own scheme and Host
 * say behind a proxy. The host drops a default port (https://app:443 is "app"), as browsers do in Host.
 */
public record PublicOrigin(String scheme, String host) {

    public static PublicOrigin of(BffConfig config) {
        URI redirect = URI.create(config.redirectUri());
        // Null-safe: a malformed REDIRECT_URI must reach StartupChecks, which names it, not fail here.
        String scheme = redirect.getScheme() == null ? "" : redirect.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = redirect.getPort();
        boolean defaultPort = port == -1 || port == defaultPort(scheme);
        return new PublicOrigin(scheme, defaultPort ? redirect.getHost() : redirect.getHost() + ":" + port);
    }

    public boolean https() {
        return "https".equals(scheme);
    }

    /** scheme://host, with no trailing slash. */
    public String origin() {
        return scheme + "://" + host;
    }

    /** Whether a request's Host header names this origin's host, with or without the default port. */
    public boolean isHost(String requestHost) {
        return requestHost.equalsIgnoreCase(host) || requestHost.equalsIgnoreCase(host + ":" + defaultPort(scheme));
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
