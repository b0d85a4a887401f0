package dev.spotifybff.session;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import dev.spotifybff.config.BffConfig;

/**
 * One refresh per session across every instance: SET lock NX PX (a holder that dies frees the
 * lock when it expires), released only by its holder (compare-and-delete in Lua). Waiters poll
 * until they hold the lock, then re-read the stored tokens, which the holder has just refreshed.
 * Inside one JVM, requests first queue on a local lock so only one of them polls Redis.
 */
@ApplicationScoped
@Typed(RedisRefreshLocks.class)
public class RedisRefreshLocks implements RefreshLocks {

    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";
    private static final long POLL_MILLIS = 20;

    private final RedisCommands redis;
    private final InMemoryRefreshLocks local;
    private final String prefix;
    private final Duration ttl;

    RedisRefreshLocks(RedisCommands redis, InMemoryRefreshLocks local, BffConfig config) {
        this.redis = redis;
        this.local = local;
        this.prefix = config.session().redisKeyPrefix() + "refresh-lock:";
        this.ttl = lifetime(config);
    }

    /**
     * Longer than the longest the holder can take under the lock, from the configured timeouts:
     * reading the session, the token call (connect + read), every attempt to save the result, and
     * releasing, plus a margin. Raising SPOTIFY_READ_TIMEOUT or REDIS_TIMEOUT raises it with them, so
     * a slow refresh never lets a second instance spend the same (rotating) refresh token.
     */
    static Duration lifetime(BffConfig config) {
        Duration redis = config.session().redisTimeout();
        return redis.multipliedBy(2L + Sessions.SAVE_ATTEMPTS)
                .plus(config.spotify().connectTimeout())
                .plus(config.spotify().readTimeout())
                .plus(Duration.ofSeconds(5));
    }

    @Override
    public <T> T withLock(String sessionKey, Supplier<T> action) {
        return local.withLock(sessionKey, () -> {
            String key = prefix + sessionKey;
            String token = token();
            acquire(key, token);
            try {
                return action.get();
            } finally {
                release(key, token);
            }
        });
    }

    private void release(String key, String token) {
        try {
            redis.execute("EVAL", RELEASE, "1", key, token);
        } catch (SessionStoreUnavailableException e) {
            // The work is done (and its result kept, see Sessions#update); the lock expires by itself.
        }
    }

    private void acquire(String key, String token) {
        // Bounded: a dead holder's lock expires after ttl, so waiting twice as long means Redis is broken.
        long deadline = System.nanoTime() + ttl.multipliedBy(2).toNanos();
        while (redis.execute("SET", key, token, "NX", "PX", Long.toString(ttl.toMillis())) == null) {
            if (System.nanoTime() > deadline) {
                throw new SessionStoreUnavailableException("refresh lock not acquired in time", null);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionStoreUnavailableException("interrupted while waiting for the refresh lock", e);
            }
        }
    }

    private static String token() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
