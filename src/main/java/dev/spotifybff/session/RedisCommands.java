package dev.spotifybff.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.BffConfig.RedisTopology;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/**
 * The connection to Redis, made from REDIS_URL only when SESSION_STORE=redis: one node, a master
 * found through Sentinel, or a cluster (see {@link RedisConnection}). Built here rather than from
 * quarkus.redis.hosts: that property is converted before StartupChecks can run, and its conversion
 * error prints the URL, password included. Every command is bounded by REDIS_TIMEOUT, and any failure
 * (refused, timeout, error reply, TLS refused) becomes a {@link SessionStoreUnavailableException}
 * whose message names the variable to look at.
 */
@Singleton
public class RedisCommands {

    private static final Logger LOG = Logger.getLogger(RedisCommands.class);

    private final Vertx vertx;
    private final RedisOptions options;
    private final Redis redis;
    private final Duration timeout;
    private final RedisTopology topology;
    private final int waitReplicas;
    /** A single Redis only (see there): the event loops' own connections; null with Sentinel or Cluster. */
    private final EventLoopConnections eventLoops;
    /** Cluster only: one client per master, for the commands that must visit every shard (SCAN). */
    private final Map<String, Redis> masters = new ConcurrentHashMap<>();
    /** The clients of subscriptions, by endpoint (one; on a cluster, each node tried so far). */
    private final Map<String, Redis> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger nextNode = new AtomicInteger();

    RedisCommands(Vertx vertx, BffConfig config,
            @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size") Optional<Integer> eventLoopCount) {
        this.vertx = vertx;
        this.timeout = config.session().redisTimeout();
        this.topology = config.session().redisTopology();
        this.waitReplicas = RedisConnection.waitReplicas(config.session());
        this.options = RedisConnection.options(config.session());
        this.redis = Redis.createClient(vertx, options);
        this.eventLoops = topology != RedisTopology.STANDALONE ? null : new EventLoopConnections(vertx, options,
                // Quarkus's default when unset: two per core
                eventLoopCount.orElse(2 * Runtime.getRuntime().availableProcessors()), timeout);
    }

    /** The reply, or null for Redis's nil. */
    public Response execute(String command, String... args) {
        return await(redis, request(command, args));
    }

    /**
     * As {@link #execute}, without blocking the caller: for the event loop (every API request's
     * session read). On a single Redis, sent from an event loop over that event loop's own
     * connection ({@link EventLoopConnections}), not a pooled one leased per command.
     */
    public Uni<Response> send(String command, String... args) {
        Request request = request(command, args);
        if (eventLoops != null && io.vertx.core.Context.isOnEventLoopThread()) {
            return eventLoops.send(request).onFailure().transform(RedisConnection::unavailable);
        }
        return send(redis, request);
    }

    /**
     * A write that must survive a failover (a new session, refreshed tokens): with REDIS_WAIT_REPLICAS
     * above 0 it is followed by WAIT on the same connection (one batch), so the reply comes once
     * that many replicas hold it. Fewer acknowledgements within the bound are logged, not failed: the
     * master has the write, and refusing the login would lose more than it saves.
     */
    public Response executeReplicated(String command, String... args) {
        if (waitReplicas == 0) {
            return execute(command, args);
        }
        Request wait = Request.cmd(Command.WAIT).arg(waitReplicas).arg(Math.max(1, timeout.toMillis() / 2));
        List<Response> replies;
        try {
            replies = redis.batch(List.of(request(command, args), wait)).await().atMost(timeout);
        } catch (RuntimeException e) {
            throw RedisConnection.unavailable(e);
        }
        long acknowledged = replies.get(1).toLong();
        if (acknowledged < waitReplicas) {
            LOG.warnf("a session write reached %d of %d replicas (REDIS_WAIT_REPLICAS) in time: a failover now"
                    + " could lose it", acknowledged, waitReplicas);
        }
        return replies.get(0);
    }

    /**
     * A client per master: the one server, or each shard of a cluster, for keyless commands that
     * must visit them all (the cluster client would send SCAN to a single random node).
     */
    public List<Redis> masters() {
        if (topology != RedisTopology.CLUSTER) {
            return List.of(redis);
        }
        Response slots = execute("CLUSTER", "SLOTS");
        Set<String> endpoints = new LinkedHashSet<>();
        for (Response range : slots) {
            Response master = range.get(2); // [start, end, [host, port, id], replicas...]
            endpoints.add(master.get(0).toString() + ":" + master.get(1).toInteger());
        }
        List<Redis> clients = new ArrayList<>();
        for (String endpoint : endpoints) {
            clients.add(masters.computeIfAbsent(endpoint, e -> Redis.createClient(vertx,
                    new RedisOptions(options).setType(RedisClientType.STANDALONE)
                            .setEndpoints(List.of(RedisConnection.sameCredentials(options.getEndpoint(), e))))));
        }
        return clients;
    }

    /**
     * A connection of its own for a subscription, which takes a connection over for good: from a
     * client of its own, so the commands' pool keeps its size. With one node or Sentinel it is the
     * master's; on a cluster one node's, the next of REDIS_URL's at each call (a PUBLISH reaches
     * every node of a cluster, so any one will do, and the next one after a node is lost).
     */
    public Uni<io.vertx.mutiny.redis.client.RedisConnection> subscriber() {
        List<String> endpoints = options.getEndpoints();
        String endpoint = topology == RedisTopology.CLUSTER
                ? endpoints.get(Math.floorMod(nextNode.getAndIncrement(), endpoints.size()))
                : options.getEndpoint();
        Redis client = subscribers.computeIfAbsent(endpoint, e -> Redis.createClient(vertx, topology != RedisTopology.CLUSTER
                ? new RedisOptions(options)
                : new RedisOptions(options).setType(RedisClientType.STANDALONE).setEndpoints(List.of(e))));
        return client.connect().ifNoItem().after(timeout).fail().onFailure().transform(RedisConnection::unavailable);
    }

    /** The reply of one master, as {@link #execute}. */
    public Response execute(Redis master, String command, String... args) {
        return await(master, request(command, args));
    }

    private Response await(Redis client, Request request) {
        return send(client, request).await().indefinitely(); // bounded by REDIS_TIMEOUT in send
    }

    private Uni<Response> send(Redis client, Request request) {
        return client.send(request).ifNoItem().after(timeout).fail()
                .onFailure().transform(RedisConnection::unavailable);
    }

    private static Request request(String command, String... args) {
        Request request = Request.cmd(Command.create(command));
        for (String arg : args) {
            request.arg(arg);
        }
        return request;
    }

    @PreDestroy
    void close() {
        masters.values().forEach(Redis::close);
        subscribers.values().forEach(Redis::close);
        if (eventLoops != null) {
            eventLoops.close();
        }
        redis.close();
    }
}
