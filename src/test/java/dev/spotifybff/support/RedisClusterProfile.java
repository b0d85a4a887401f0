package dev.spotifybff.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The BFF on a real three-master Redis Cluster (REDIS_TOPOLOGY=cluster), started for this profile only. */
public class RedisClusterProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisClusterResource.class));
    }
}
