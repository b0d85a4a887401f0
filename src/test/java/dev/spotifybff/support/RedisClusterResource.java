package dev.spotifybff.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a real three-master Redis Cluster and points the BFF at it (REDIS_TOPOLOGY=cluster). */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {

    private static RedisCluster cluster;

    public static RedisCluster cluster() {
        return cluster;
    }

    @Override
    public Map<String, String> start() {
        cluster = new RedisCluster().start();
        return Map.of("bff.session.store", "redis", "bff.session.redis-topology", "cluster",
                "bff.session.redis-url", cluster.url());
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
