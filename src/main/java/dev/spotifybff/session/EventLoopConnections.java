package dev.spotifybff.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;

/**
 * One Redis connection per event loop, kept open, for the commands sent from that event loop
 * (every API request's GETEX): a Redis connection carries many commands at once, so one serves all
 * of an event loop's requests. Written by hand because Vert.x's Redis client has no such mode: its
 * pool leases a connection for each command and recycles it after the reply (BENCHMARKS.md, issue
 * 15, has the profile of that leasing).
 * <p>
 * The connection is leased from a pool of this class's own and never given back while it works;
 * when it fails (closed, a socket error, no reply within REDIS_TIMEOUT) it is dropped, and the
 * event loop's next command leases a fresh one. Only for a single Redis: with Sentinel a kept
 * connection would still point at a demoted master after a failover, and the cluster client
 * routes each command itself.
 */
final class EventLoopConnections {

    /** A client of its own: the kept connections never take the blocking commands' pool, whatever the event loop count. */
    private final Redis client;
    private final Duration timeout;
    /** The event loop's connection (leased, or being leased); null until its first command. */
    private final ThreadLocal<AtomicReference<Uni<RedisConnection>>> kept = ThreadLocal.withInitial(AtomicReference::new);

    /**
     * eventLoops: how many event loops may send. Each keeps one connection; the pool has room for
     * as many again, for a replacement leased while a dropped connection is still closing.
     */
    EventLoopConnections(Vertx vertx, RedisOptions options, int eventLoops, Duration timeout) {
        this.client = Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(2 * eventLoops));
        this.timeout = timeout;
    }

    /** Sends on this event loop's connection. The caller must be on an event loop thread. */
    Uni<Response> send(Request request) {
        AtomicReference<Uni<RedisConnection>> slot = kept.get();
        Uni<RedisConnection> connection = slot.get();
        if (connection == null) {
            connection = lease(slot);
        }
        Uni<RedisConnection> used = connection;
        return used.onFailure().invoke(() -> drop(slot, used)) // the lease failed: lease again next time
                .flatMap(c -> c.send(request))
                .ifNoItem().after(timeout).fail()
                // No reply in time: the connection hangs. An error reply, by contrast, leaves it working,
                // and dropping it would fail every other command in flight on it.
                .onFailure(TimeoutException.class).invoke(() -> drop(slot, used));
    }

    private Uni<RedisConnection> lease(AtomicReference<Uni<RedisConnection>> slot) {
        AtomicReference<Uni<RedisConnection>> self = new AtomicReference<>();
        Uni<RedisConnection> leased = client.connect()
                .invoke(c -> {
                    // Redis closed it, or the socket failed: the next command leases another.
                    c.endHandler(() -> drop(slot, self.get()));
                    c.exceptionHandler(failure -> drop(slot, self.get()));
                })
                .memoize().indefinitely(); // every request of the event loop waits for the same lease
        self.set(leased);
        slot.set(leased);
        return leased;
    }

    void close() {
        client.close();
    }

    /** Forgets used if it is still the event loop's connection, and closes it (back to the pool, which discards a broken one). */
    private static void drop(AtomicReference<Uni<RedisConnection>> slot, Uni<RedisConnection> used) {
        if (used != null && slot.compareAndSet(used, null)) {
            used.subscribe().with(RedisConnection::closeAndForget, ignored -> {
                // the lease itself failed: nothing to close
            });
        }
    }
}
