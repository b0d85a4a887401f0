package dev.spotifybff.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The BFF on a real TLS-only Redis (rediss://, REDIS_TLS_CA_FILE), started for this profile only. */
public class RedisTlsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisTlsResource.class));
    }
}
