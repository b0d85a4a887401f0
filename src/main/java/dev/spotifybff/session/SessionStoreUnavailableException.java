package dev.spotifybff.session;

/** The session store cannot be reached (Redis down, timeout): 503, and no session is lost. */
public class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
