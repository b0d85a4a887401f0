package dev.spotifybff.auth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send the user after login. Only a local path is honoured: it starts with a single "/",
 * has no backslash (browsers read "/\host" as "//host"), no control characters, no scheme and no
 * host. Anything else is dropped, never an open redirect.
 */
public final class ReturnTo {

    private static final int MAX_LENGTH = 1024;

    private ReturnTo() {
    }

    public static String orHome(String candidate) {
        return isLocalPath(candidate) ? candidate : "/";
    }

    static boolean isLocalPath(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f || Character.isWhitespace(c) || c > 0x7e) {
                return false;
            }
        }
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
