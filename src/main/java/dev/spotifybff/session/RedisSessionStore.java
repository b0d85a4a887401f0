package dev.spotifybff.session;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import dev.spotifybff.config.BffConfig;
import io.vertx.mutiny.redis.client.Response;

/**
 * Sessions in Redis (or Valkey), shared by every instance. Values are the sealed bytes from
 * {@link Sessions}, base64-encoded; each key carries the configured prefix and expires in Redis
 * with the session (PX), so no cleanup job is needed. Every failure to reach Redis becomes a
 * {@link SessionStoreUnavailableException} (503), never a 500 (see {@link RedisCommands}).
 */
@ApplicationScoped
@Typed(RedisSessionStore.class)
public class RedisSessionStore implements SessionStore {

    private final RedisCommands redis;
    private final String prefix;

    RedisSessionStore(RedisCommands redis, BffConfig config) {
        this.redis = redis;
        this.prefix = config.session().redisKeyPrefix() + "session:";
    }

    @Override
    public Optional<byte[]> get(String key) {
        Response value = redis.execute("GET", prefix + key);
        return value == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(value.toString()));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        redis.execute("SET", prefix + key, encode(value), "PX", millis(ttl));
    }

    @Override
    public boolean update(String key, byte[] value, Duration ttl) {
        // XX: only if the key still exists, so a refresh racing a logout cannot revive the session.
        return redis.execute("SET", prefix + key, encode(value), "PX", millis(ttl), "XX") != null;
    }

    @Override
    public void touch(String key, Duration ttl) {
        redis.execute("PEXPIRE", prefix + key, millis(ttl));
    }

    @Override
    public void delete(String key) {
        redis.execute("DEL", prefix + key);
    }

    @Override
    public long size() {
        long count = 0;
        String cursor = "0";
        do {
            Response page = redis.execute("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
            cursor = page.get(0).toString();
            count += page.get(1).size();
        } while (!"0".equals(cursor));
        return count;
    }

    /** Answers PONG, or throws {@link SessionStoreUnavailableException}. */
    public void ping() {
        redis.execute("PING");
    }

    private static String encode(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }
}
