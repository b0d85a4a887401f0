package dev.spotifybff.spotify;

import java.util.OptionalLong;

/** A Web API answer of 4xx/5xx, with what the BFF needs to map it: status and Retry-After. */
public class SpotifyApiException extends RuntimeException implements Upstream.Answered {

    private final int status;
    private final OptionalLong retryAfterSeconds;

    public SpotifyApiException(int status, OptionalLong retryAfterSeconds) {
        super("Spotify Web API answered " + status, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
