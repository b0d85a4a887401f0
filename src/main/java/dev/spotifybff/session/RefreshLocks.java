package dev.spotifybff.session;

import java.util.function.Supplier;

/**
 * Mutual exclusion per session for token refreshes. Spotify may rotate refresh tokens, so two
 * refreshes racing with the same refresh token can kill the session; whoever holds the lock
 * refreshes, and whoever waited re-reads the stored tokens instead of refreshing again.
 */
public interface RefreshLocks {

    <T> T withLock(String sessionKey, Supplier<T> action);
}
