package dev.spotifybff.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The BFF on a real Redis (SESSION_STORE=redis); the Redis runs only for tests with this profile. */
public class RedisProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisResource.class));
    }
}
