package dev.spotifybff.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a real Sentinel deployment and points the BFF at its sentinels (REDIS_TOPOLOGY=sentinel). */
public class RedisSentinelResource implements QuarkusTestResourceLifecycleManager {

    private static RedisSentinels sentinels;

    public static RedisSentinels sentinels() {
        return sentinels;
    }

    @Override
    public Map<String, String> start() {
        sentinels = new RedisSentinels().start();
        return Map.of("bff.session.store", "redis", "bff.session.redis-topology", "sentinel",
                "bff.session.redis-url", sentinels.url(),
                "bff.session.redis-sentinel-master", RedisSentinels.MASTER_NAME);
    }

    @Override
    public void stop() {
        if (sentinels != null) {
            sentinels.close();
        }
    }
}
