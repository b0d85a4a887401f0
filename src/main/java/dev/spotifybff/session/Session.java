package dev.spotifybff.session;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the server keeps for one logged-in browser. Never serialized to a client: the store holds it
 * sealed, and the browser holds only the sealed {@link SessionId}. Idle time is not in here: the
 * store's time to live is the idle timeout, so keeping a session alive never rewrites its tokens.
 */
@RegisterForReflection
public record Session(
        String accessToken,
        String refreshToken,
        Instant accessTokenExpiresAt,
        String scope,
        Instant createdAt) {

    public boolean accessTokenExpiresWithin(Duration skew, Instant now) {
        return !accessTokenExpiresAt.isAfter(now.plus(skew));
    }

    public Session withTokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {
        return new Session(accessToken, refreshToken, expiresAt, scope, createdAt);
    }

    @Override
    public String toString() {
        // Records print every component; tokens must never reach a log line this way.
        return "Session[accessTokenExpiresAt=" + accessTokenExpiresAt + ", createdAt=" + createdAt + "]";
    }
}
