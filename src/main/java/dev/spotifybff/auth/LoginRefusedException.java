package dev.spotifybff.auth;

/** Spotify completed a code exchange we cannot build a session on; the login ends with login_failed. */
class LoginRefusedException extends RuntimeException {

    LoginRefusedException(String message) {
        super(message, null, false, false);
    }
}
