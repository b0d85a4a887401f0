package dev.spotifybff.session;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonFormat.Feature;
import com.fasterxml.jackson.annotation.JsonFormat.Shape;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the server keeps for one logged-in browser. Never serialized to a client: the store holds it
 * sealed, and the browser holds only the sealed {@link SessionId}. Idle time is not in here: the
 * store's time to live is the idle timeout, so keeping a session alive never rewrites its tokens.
 * <p>
 * Instants are stored as decimal epoch seconds ({@code 1733560000.123456789}), not ISO-8601 text:
 * every request opens its session, and parsing two ISO instants with a DateTimeFormatter took 7 % of
 * a cached /api/me's CPU samples (the profile BENCHMARKS.md quotes). Every release reads both forms
 * (Jackson's InstantDeserializer takes text and numbers), so sessions stored before, or by an older
 * instance during a rolling upgrade, still open. Not integer milliseconds: an older instance would
 * read an integer as seconds.
 */
@RegisterForReflection
public record Session(
        String accessToken,
        String refreshToken,
        @JsonFormat(shape = Shape.NUMBER, with = Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant accessTokenExpiresAt,
        String scope,
        @JsonFormat(shape = Shape.NUMBER, with = Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant createdAt) {

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
