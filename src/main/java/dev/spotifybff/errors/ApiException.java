package dev.spotifybff.errors;

import dev.spotifybff.tracing.Spans;

/**
 * A failure the SPA gets as JSON: one {@link ErrorCode}, plus a more precise message, the seconds
 * to wait, or which value was wrong where that helps. Thrown by any package; rendered by the one
 * mapper in {@code api}.
 */
public class ApiException extends RuntimeException implements Spans.Kind {

    private final ErrorCode code;
    private final Long retryAfterSeconds;
    private final String detail;

    public ApiException(ErrorCode code) {
        this(code, code.message(), null, null);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    private ApiException(ErrorCode code, String message, Long retryAfterSeconds, String detail) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.detail = detail;
    }

    public static ApiException loginRequired() {
        return new ApiException(ErrorCode.LOGIN_REQUIRED);
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMITED, "Spotify asks us to slow down; try again in "
                + retryAfterSeconds + " s.", retryAfterSeconds, null);
    }

    public static ApiException spotifyUnavailable() {
        return new ApiException(ErrorCode.SPOTIFY_UNAVAILABLE);
    }

    public static ApiException spotifyTimeout() {
        return new ApiException(ErrorCode.SPOTIFY_TIMEOUT);
    }

    public static ApiException invalidRequest(String detail) {
        return new ApiException(ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST.message(), null, detail);
    }

    /** In a span: the error code the SPA gets, never the message. */
    @Override
    public String kind() {
        return code.code();
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public ApiError body() {
        return new ApiError(code.code(), getMessage(), retryAfterSeconds, detail);
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
