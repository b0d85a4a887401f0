package dev.spotifybff.auth;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.json.JsonObject;

import dev.spotifybff.session.SessionStoreUnavailableException;

/**
 * Tells why quarkus-oidc could not complete a code flow, from the failure it reports: it wraps
 * everything in an AuthenticationCompletionException, so the cause chain is all there is to read.
 */
final class LoginErrors {

    private LoginErrors() {
    }

    static LoginError classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SessionStoreUnavailableException) {
                return LoginError.SESSION_STORE_UNAVAILABLE;
            }
            if (t instanceof LoginRefusedException) {
                return LoginError.LOGIN_FAILED;
            }
            if (t instanceof OIDCException && refusedBySpotify(t.getMessage())) {
                return LoginError.LOGIN_FAILED;
            }
            if (t.getClass().getName().startsWith("org.jose4j.")) {
                return LoginError.LOGIN_FAILED; // a state cookie that does not decrypt: forged or from another key
            }
        }
        // Anything else is Spotify not answering properly: 5xx, a dropped connection, a timeout.
        return LoginError.SPOTIFY_UNAVAILABLE;
    }

    /**
     * quarkus-oidc puts the body of a non-200 answer into the exception's message. Spotify refuses
     * with JSON: {"error":"invalid_grant",...} from /api/token, {"error":{"status":401,...}} from the
     * Web API; a 5xx has no such body, or one whose status says so.
     */
    private static boolean refusedBySpotify(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return false;
        }
        try {
            Object error = new JsonObject(body).getValue("error");
            if (error instanceof JsonObject nested) {
                return nested.getInteger("status", 500) < 500;
            }
            return error instanceof String;
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
