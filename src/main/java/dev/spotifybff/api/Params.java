package dev.spotifybff.api;

import java.util.Set;
import java.util.regex.Pattern;
import dev.spotifybff.errors.ApiException;

/**
 * Checks the query and path values the SPA sends, before anything else happens: a bad value is a
 * 400 invalid_request that says which value and why, and never reaches Spotify. Values arrive as
 * strings because JAX-RS turns an unparsable numeric query parameter into a 404.
 */
final class Params {

    static final Set<String> TIME_RANGES = Set.of("short_term", "medium_term", "long_term");
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final int MAX_OFFSET = 100_000;

    private Params() {
    }

    static int limit(String raw, int defaultValue) {
        return intBetween("limit", raw, 1, 50, defaultValue);
    }

    static int offset(String raw) {
        return intBetween("offset", raw, 0, MAX_OFFSET, 0);
    }

    static String timeRange(String raw) {
        if (raw == null) {
            return "medium_term";
        }
        if (!TIME_RANGES.contains(raw)) {
            throw ApiException.invalidRequest("time_range must be short_term, medium_term or long_term");
        }
        return raw;
    }

    static String spotifyId(String raw) {
        if (raw == null || !SPOTIFY_ID.matcher(raw).matches()) {
            throw ApiException.invalidRequest("id must be a Spotify id: 22 letters and digits");
        }
        return raw;
    }

    /** A Unix time in milliseconds, or null when absent. */
    static Long millis(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidRequest(name + " must be a Unix time in milliseconds");
    }

    private static int intBetween(String name, String raw, int min, int max, int defaultValue) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidRequest(name + " must be an integer from " + min + " to " + max);
    }
}
