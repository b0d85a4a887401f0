package dev.spotifybff.quota;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.spotifybff.session.RedisCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.redis.client.ResponseType;

/**
 * Learns of the app's pause as it starts, so that a Web API call need not ask Redis: whoever stores
 * a pause publishes its length on one channel, and each instance keeps one subscribed connection.
 * While the subscription is up ({@link #listening}), no pause can start unnoticed; while it is down
 * (starting, Redis restarting, a failover, a node lost) the quota asks Redis per call as before.
 * Each new subscription first asks once for a pause it may have missed, and counts as listening
 * only then. A PING every few seconds finds a connection that died silently.
 * <p>
 * Written by hand: the Quarkus Redis client's pub/sub is built on quarkus.redis.hosts, which this BFF
 * does not use (see RedisCommands), and does not say when its subscription is lost.
 */
final class PauseChannel {

    private static final Logger LOG = Logger.getLogger(PauseChannel.class);
    static final Duration RETRY = Duration.ofSeconds(1);
    static final Duration CHECK = Duration.ofSeconds(5);

    private final RedisCommands redis;
    private final Vertx vertx;
    private final String channel;
    private final Duration timeout;
    private final LongConsumer paused;
    private final Supplier<Uni<Void>> catchUp;

    private volatile boolean listening;
    private RedisConnection connection; // guarded by this
    private boolean closed; // guarded by this
    private boolean lostReported; // guarded by this
    private long checks;

    /**
     * paused gets the milliseconds of each pause announced; catchUp asks Redis for a pause that
     * started while this instance was not subscribed.
     */
    PauseChannel(RedisCommands redis, Vertx vertx, String channel, Duration timeout, LongConsumer paused,
            Supplier<Uni<Void>> catchUp) {
        this.redis = redis;
        this.vertx = vertx;
        this.channel = channel;
        this.timeout = timeout;
        this.paused = paused;
        this.catchUp = catchUp;
    }

    /** True while every pause stored in Redis reaches this instance by message. */
    boolean listening() {
        return listening;
    }

    void open() {
        checks = vertx.setPeriodic(CHECK.toMillis(), id -> check());
        subscribe();
    }

    synchronized void close() {
        closed = true;
        listening = false;
        vertx.cancelTimer(checks);
        if (connection != null) {
            connection.closeAndForget();
            connection = null;
        }
    }

    private void subscribe() {
        redis.subscriber().subscribe().with(this::subscribed, failure -> lost(null, failure));
    }

    private void subscribed(RedisConnection fresh) {
        synchronized (this) {
            if (closed) {
                fresh.closeAndForget();
                return;
            }
            connection = fresh;
        }
        fresh.handler(this::message);
        fresh.exceptionHandler(failure -> lost(fresh, failure));
        fresh.endHandler(() -> lost(fresh, null));
        fresh.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).ifNoItem().after(timeout).fail()
                .flatMap(subscribedReply -> catchUp.get())
                .subscribe().with(done -> listen(fresh), failure -> lost(fresh, failure));
    }

    private synchronized void listen(RedisConnection fresh) {
        if (connection != fresh) {
            return; // lost meanwhile
        }
        listening = true;
        if (lostReported) {
            LOG.infof("subscribed again to Spotify pauses: Web API calls no longer ask Redis for them");
            lostReported = false;
        }
    }

    /** ["message", channel, milliseconds], as a RESP3 push or, on RESP2, an array. */
    private void message(Response message) {
        if ((message.type() == ResponseType.PUSH || message.type() == ResponseType.MULTI) && message.size() == 3
                && "message".equals(message.get(0).toString()) && channel.equals(message.get(1).toString())) {
            paused.accept(message.get(2).toLong());
        }
    }

    private void check() {
        RedisConnection current;
        synchronized (this) {
            current = listening ? connection : null;
        }
        if (current != null) {
            current.send(Request.cmd(Command.PING)).ifNoItem().after(timeout).fail()
                    .subscribe().with(pong -> {
                    }, failure -> lost(current, failure));
        }
    }

    /** The subscription is gone (or never came): ask per call, and subscribe again after RETRY. */
    private void lost(RedisConnection which, Throwable failure) {
        synchronized (this) {
            if (closed || connection != which) {
                return; // closing, or a connection already replaced
            }
            listening = false;
            connection = null;
            if (!lostReported) {
                LOG.warnf("no subscription to Spotify pauses in Redis (%s): each Web API call asks Redis until"
                        + " it is back", failure == null ? "connection closed" : failure.getMessage());
                lostReported = true;
            }
        }
        if (which != null) {
            which.closeAndForget();
        }
        vertx.setTimer(RETRY.toMillis(), id -> {
            if (!isClosed()) {
                subscribe();
            }
        });
    }

    private synchronized boolean isClosed() {
        return closed;
    }
}
