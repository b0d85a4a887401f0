package dev.spotifybff.api;

/** A failure with an HTTP status and a stable error code, rendered by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Long retryAfterSeconds;
    private final String detail;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    private ApiException(int status, String code, String message, Long retryAfterSeconds, String detail) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.detail = detail;
    }

    public static ApiException loginRequired() {
        return new ApiException(401, "login_required", "Log in with Spotify to continue.");
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited", "Spotify asks us to slow down; try again in "
                + retryAfterSeconds + " s.", retryAfterSeconds, null);
    }

    public static ApiException spotifyUnavailable() {
        return new ApiException(502, "spotify_unavailable", "Spotify is not answering properly; try again soon.");
    }

    public static ApiException spotifyTimeout() {
        return new ApiException(504, "spotify_timeout", "Spotify took too long to answer; try again soon.");
    }

    public static ApiException invalidRequest(String detail) {
        return new ApiException(400, "invalid_request", "The request has an invalid value.", null, detail);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(code, getMessage(), retryAfterSeconds, detail);
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
