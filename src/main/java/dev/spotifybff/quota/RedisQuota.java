package dev.spotifybff.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.session.RedisCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Response;

/**
 * The quota shared by every instance through Redis: the pause is one key that expires with it
 * (PTTL says what is left), the budget one sorted set of the window's calls, checked and counted in
 * one script (atomic, timed by Redis's own clock, so instances' clocks never disagree). Both keys
 * share a hash tag, so the script may touch both on a Cluster too.
 * <p>
 * Without a budget an admitted call costs no round trip: whoever stores a pause also publishes it,
 * and this instance's {@link PauseChannel} hears of it; only while that subscription is down does a
 * call ask PTTL. With a budget each call runs the script. A pause this instance knows of (its own
 * 429, or one Redis told it of) is answered without asking Redis. Redis failing never stops a call:
 * Spotify still enforces its limit, and the session lookup has already reported the outage.
 */
@Singleton
@Typed(RedisQuota.class)
public class RedisQuota implements SpotifyQuota {

    private static final Logger LOG = Logger.getLogger(RedisQuota.class);
    private static final Uni<Duration> GO = Uni.createFrom().item(Duration.ZERO);

    /** Returns {0, 0} (counted), {1, ms left of the pause} or {2, ms until the window has room}. */
    static final String ADMIT = """
            local paused = redis.call('PTTL', KEYS[1])
            if paused > 0 then return {1, paused} end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
            if redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[1]) then
              redis.call('ZADD', KEYS[2], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[2], window)
              return {0, 0}
            end
            local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
            return {2, math.max(1, tonumber(oldest[2]) + window - now)}
            """;

    /** Sets the pause and announces it on the channel, unless a longer one is already running. */
    static final String PAUSE = """
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
              redis.call('PUBLISH', ARGV[2], ARGV[1])
            end
            return 1
            """;

    private final RedisCommands redis;
    private final BffMetrics metrics;
    private final int limit;
    private final String pauseKey;
    private final String callsKey;
    private final String channel;
    /** Tells this instance's calls apart in the shared set: two calls in one millisecond are two members. */
    private final String instance = instanceTag();
    private final AtomicLong sequence = new AtomicLong();
    private final KnownPause known;
    private final PauseChannel pauses;

    RedisQuota(RedisCommands redis, Vertx vertx, Clock clock, BffConfig config, BffMetrics metrics) {
        this.redis = redis;
        this.metrics = metrics;
        this.limit = config.spotify().rateLimit();
        String prefix = config.session().redisKeyPrefix() + "{quota}:";
        this.pauseKey = prefix + "pause";
        this.callsKey = prefix + "calls";
        this.channel = prefix + "paused";
        this.known = new KnownPause(clock);
        this.pauses = new PauseChannel(redis, vertx, channel, config.session().redisTimeout(), known::extend,
                this::catchUp);
    }

    @PostConstruct
    void listen() {
        pauses.open();
    }

    @PreDestroy
    void close() {
        pauses.close();
    }

    /**
     * Known during a pause this instance knows of, and, without a budget, whenever the subscription
     * would have told it of one; otherwise (null) Redis must be asked.
     */
    @Override
    public Duration admitNow() {
        Duration paused = known.refusal(metrics);
        if (paused != null) {
            return paused;
        }
        return limit == 0 && pauses.listening() ? Duration.ZERO : null;
    }

    /** Asks Redis: called when {@link #admitNow} could not tell, so with no pause known here. */
    @Override
    public Uni<Duration> admit() {
        Uni<Duration> wait = limit == 0
                ? redis.send("PTTL", pauseKey).map(ttl -> refused(ttl.toLong() > 0 ? 1 : 0, ttl.toLong()))
                : redis.send("EVAL", ADMIT, "2", pauseKey, callsKey, Integer.toString(limit),
                        Long.toString(WINDOW.toMillis()), instance + sequence.incrementAndGet())
                        .map(this::refused);
        return wait.onFailure().recoverWithUni(failure -> {
            LOG.debugf("quota not checked, call let through: %s", failure.getMessage());
            return GO;
        });
    }

    private Duration refused(Response reply) {
        return refused(reply.get(0).toInteger(), reply.get(1).toLong());
    }

    private Duration refused(int why, long millis) {
        if (why == 0) {
            return Duration.ZERO;
        }
        if (why == 1) {
            known.extend(millis); // no need to ask again until then
        }
        metrics.callSaved(why == 1 ? "paused" : "over_budget");
        return Duration.ofMillis(millis);
    }

    @Override
    public Uni<Void> pause(Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        known.extend(millis);
        return redis.send("EVAL", PAUSE, "1", pauseKey, Long.toString(millis), channel).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Spotify's pause of %d s not shared through Redis (this instance keeps it): %s",
                            retryAfter.toSeconds(), failure.getMessage());
                    return null;
                });
    }

    /** A new subscription learns of a pause stored while this instance was not subscribed. */
    private Uni<Void> catchUp() {
        return redis.send("PTTL", pauseKey).invoke(ttl -> {
            if (ttl.toLong() > 0) {
                known.extend(ttl.toLong());
            }
        }).replaceWithVoid();
    }

    private static String instanceTag() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + ":";
    }
}
