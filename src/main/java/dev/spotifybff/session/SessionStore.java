package dev.spotifybff.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where sessions live between requests. Values arrive already sealed (see {@link Sessions}), so a
 * store never sees a token in clear; keys are hashes of session ids. An entry vanishes by itself
 * once its time to live has passed.
 */
public interface SessionStore {

    Optional<byte[]> get(String key);

    /**
     * Reads the value and restarts its time to live, in one step: every request does this, so in
     * Redis it is one round trip (GETEX), not a GET and a PEXPIRE.
     */
    Optional<byte[]> getAndTouch(String key, Duration ttl);

    /**
     * {@link #getAndTouch} without blocking the calling thread, for the event loop: Redis answers
     * asynchronously; the memory store answers at once (it never waits on I/O).
     */
    default Uni<Optional<byte[]>> getAndTouchAsync(String key, Duration ttl) {
        return Uni.createFrom().item(() -> getAndTouch(key, ttl));
    }

    /** Creates or overwrites. */
    void put(String key, byte[] value, Duration ttl);

    /**
     * Creates the session of one user (userKey, a keyed hash of the Spotify user id) and, when
     * maxPerUser is above 0, ends that user's oldest sessions beyond it, in one step. Returns the
     * keys of the sessions it ended.
     */
    List<String> create(String key, byte[] value, Duration ttl, String userKey, int maxPerUser);

    /** Overwrites only an entry that still exists, so a refresh racing a logout cannot revive it. */
    boolean update(String key, byte[] value, Duration ttl);

    /** Extends the time to live without touching the value (the idle timeout starts again). */
    void touch(String key, Duration ttl);

    void delete(String key);

    /** Sessions currently held (may count entries about to expire). May be slow: sample it. */
    long size();
}
