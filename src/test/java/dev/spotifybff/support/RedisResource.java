package dev.spotifybff.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a real Redis for a Quarkus test and points the BFF's session store at it. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    private static RedisServer server;

    public static RedisServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new RedisServer().start();
        return Map.of("bff.session.store", "redis", "bff.session.redis-url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
