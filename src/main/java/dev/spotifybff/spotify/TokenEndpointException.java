package dev.spotifybff.spotify;

/** Why /api/token refused or failed; never carries the request's secrets. */
public class TokenEndpointException extends RuntimeException implements Upstream.Answered {

    public enum Kind {
        /** Bad or reused code, revoked or expired refresh token: only a new login helps. */
        INVALID_GRANT,
        /** Any other 4xx (invalid_client, bad request): our configuration or request is wrong. */
        REJECTED,
        /** 5xx, timeout, connection refused: Spotify is having a moment. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;

    /** status: the token endpoint's HTTP status, 0 when it gave none (timeout, refused connection). */
    public TokenEndpointException(Kind kind, int status, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
