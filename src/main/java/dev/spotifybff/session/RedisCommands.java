package dev.spotifybff.session;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;

/**
 * The connection to Redis, made from REDIS_URL only when SESSION_STORE=redis. Built here rather
 * than from quarkus.redis.hosts: that property is converted before StartupChecks can run, and its
 * conversion error prints the URL, password included. Every command is bounded by REDIS_TIMEOUT,
 * and any failure (refused, timeout, error reply) becomes a {@link SessionStoreUnavailableException}.
 */
@Singleton
public class RedisCommands {

    private final Redis redis;
    private final Duration timeout;

    RedisCommands(Vertx vertx, BffConfig config) {
        this.timeout = config.session().redisTimeout();
        this.redis = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(config.session().redisUrl())
                .setMaxPoolSize(16)
                .setMaxPoolWaiting(1024));
    }

    /** The reply, or null for Redis's nil. */
    public Response execute(String command, String... args) {
        Request request = Request.cmd(Command.create(command));
        for (String arg : args) {
            request.arg(arg);
        }
        try {
            return redis.send(request).await().atMost(timeout);
        } catch (RuntimeException e) {
            throw new SessionStoreUnavailableException("Redis is unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    @PreDestroy
    void close() {
        redis.close();
    }
}
