package dev.spotifybff.errors;

/**
 * The BFF's one error vocabulary: every JSON error it answers, with its HTTP status, its stable
 * code, the sentence people see, and when it happens. The exception, the mapper, the OpenAPI
 * document and (checked by ErrorVocabularyTest) the README's table all read this enum.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "invalid_request", "The request has an invalid value.",
            "A bad parameter (range, limit, offset, id, cursor); checked before any call to Spotify"),
    LOGIN_REQUIRED(401, "login_required", "Log in with Spotify to continue.",
            "No session, an unreadable or tampered cookie, an ended session, or Spotify refused the refresh"),
    CSRF_HEADER_MISSING(403, "csrf_header_missing", "API calls must send the header X-CSRF: 1.",
            "An /api call or POST /logout without X-CSRF: 1 (nothing was done)"),
    SPOTIFY_FORBIDDEN(403, "spotify_forbidden", "Spotify does not allow this for your account or app.",
            "Spotify answered 403 (a scope or an app restriction)"),
    NOT_FOUND(404, "not_found", "There is nothing here.", "Unknown /api path, or Spotify has no such item"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "This method is not allowed here.", "Wrong method"),
    RATE_LIMITED(429, "rate_limited", "Spotify asks us to slow down; try again soon.",
            "Spotify rate-limited the app; retryAfter and the Retry-After header say how long to wait"),
    LOGIN_RATE_LIMITED(429, "login_rate_limited", "Too many logins from your address; try again in a minute.",
            "/callback beyond LOGIN_RATE_LIMIT completed logins per client address per minute; Retry-After says when",
            false),
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on our side.",
            "A bug: the log has the exception's class, the body never names it"),
    SPOTIFY_UNAVAILABLE(502, "spotify_unavailable", "Spotify is not answering properly; try again soon.",
            "Spotify answered 5xx or could not be reached (the session is kept)"),
    SESSION_STORE_UNAVAILABLE(503, "session_store_unavailable", "Sessions are unavailable for a moment; try again soon.",
            "The session store (Redis) does not answer (the session is kept)"),
    LOGOUT_INCOMPLETE(503, "logout_incomplete",
            "This browser is logged out, but the server could not end the session yet.",
            "POST /logout while the session store does not answer: the cookie is expired all the same", false),
    SPOTIFY_TIMEOUT(504, "spotify_timeout", "Spotify took too long to answer; try again soon.",
            "Spotify did not answer within the read timeout");

    private final int status;
    private final String code;
    private final String message;
    private final String when;
    private final boolean fromApi;

    ErrorCode(int status, String code, String message, String when) {
        this(status, code, message, when, true);
    }

    ErrorCode(int status, String code, String message, String when, boolean fromApi) {
        this.status = status;
        this.code = code;
        this.message = message;
        this.when = when;
        this.fromApi = fromApi;
    }

    /** Whether an /api endpoint can answer it (the OpenAPI document lists only those). */
    public boolean fromApi() {
        return fromApi;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** When it happens: for the OpenAPI document and the README. */
    public String when() {
        return when;
    }

    public ApiError body() {
        return new ApiError(code, message);
    }
}
