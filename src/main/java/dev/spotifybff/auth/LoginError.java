package dev.spotifybff.auth;

/** The stable codes a failed login sends the SPA back with, as /?error=&lt;code&gt;. */
public enum LoginError {
    ACCESS_DENIED("access_denied"),
    AUTHORIZE_FAILED("authorize_failed"),
    LOGIN_EXPIRED("login_expired"),
    STATE_MISMATCH("state_mismatch"),
    MISSING_CODE("missing_code"),
    LOGIN_FAILED("login_failed"),
    SPOTIFY_UNAVAILABLE("spotify_unavailable"),
    SESSION_STORE_UNAVAILABLE("session_store_unavailable");

    private final String code;

    LoginError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
