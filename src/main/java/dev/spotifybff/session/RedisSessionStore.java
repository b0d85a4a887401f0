package dev.spotifybff.session;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import dev.spotifybff.config.BffConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
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

    /**
     * Creates the session and keeps the user's index (a sorted set of session keys by creation
     * time) in one atomic step: members whose session is gone are dropped, then the oldest beyond
     * the cap end. The index lives as long as a session can.
     * KEYS: session key, index key. ARGV: value, ttl ms, now ms, cap, index ttl ms.
     */
    private static final String CREATE = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
            for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
              if redis.call('EXISTS', member) == 0 then redis.call('ZREM', KEYS[2], member) end
            end
            local ended = {}
            local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
            if over > 0 then
              for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do
                redis.call('DEL', member)
                redis.call('ZREM', KEYS[2], member)
                table.insert(ended, member)
              end
            end
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            return ended""";

    private final RedisCommands redis;
    private final String prefix;
    private final String userPrefix;
    private final Duration maxLifetime;

    RedisSessionStore(RedisCommands redis, BffConfig config) {
        this.redis = redis;
        this.prefix = config.session().redisKeyPrefix() + "session:";
        this.userPrefix = config.session().redisKeyPrefix() + "user:";
        this.maxLifetime = config.session().maxLifetime();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return decode(redis.execute("GET", prefix + key));
    }

    @Override
    public Optional<byte[]> getAndTouch(String key, Duration ttl) {
        return getAndTouchAsync(key, ttl).await().indefinitely(); // bounded by REDIS_TIMEOUT in send
    }

    @Override
    public Uni<Optional<byte[]>> getAndTouchAsync(String key, Duration ttl) {
        // Redis 6.2 or later
        return redis.send("GETEX", prefix + key, "PX", millis(ttl)).map(RedisSessionStore::decode);
    }

    private static Optional<byte[]> decode(Response value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(value.toString()));
        } catch (IllegalArgumentException corrupt) {
            // Not written by this BFF: no bytes open, so Sessions ends the session (401, never a 500).
            return Optional.of(new byte[0]);
        }
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        redis.executeReplicated("SET", prefix + key, encode(value), "PX", millis(ttl));
    }

    @Override
    public List<String> create(String key, byte[] value, Duration ttl, String userKey, int maxPerUser) {
        if (maxPerUser <= 0) {
            put(key, value, ttl);
            return List.of();
        }
        // The index shares the session's slot tag (see SessionId), so the script touches one slot.
        String index = userPrefix + "{" + SessionId.slotTagOf(userKey) + "}" + userKey;
        Response ended = redis.executeReplicated("EVAL", CREATE, "2", prefix + key, index, encode(value),
                millis(ttl), Long.toString(System.currentTimeMillis()), Integer.toString(maxPerUser),
                millis(maxLifetime));
        List<String> keys = new java.util.ArrayList<>(ended.size());
        for (int i = 0; i < ended.size(); i++) {
            keys.add(ended.get(i).toString().substring(prefix.length()));
        }
        return keys;
    }

    @Override
    public boolean update(String key, byte[] value, Duration ttl) {
        // XX: only if the key still exists, so a refresh racing a logout cannot revive the session.
        return redis.executeReplicated("SET", prefix + key, encode(value), "PX", millis(ttl), "XX") != null;
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
        for (Redis master : redis.masters()) {
            String cursor = "0";
            do {
                Response page = redis.execute(master, "SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
                cursor = page.get(0).toString();
                count += page.get(1).size();
            } while (!"0".equals(cursor));
        }
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
