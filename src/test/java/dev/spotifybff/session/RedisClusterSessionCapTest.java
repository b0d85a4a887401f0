package dev.spotifybff.session;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

import dev.spotifybff.support.RedisClusterProfile;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The per-user cap on a Redis Cluster: the index and the sessions it ends share the user's slot. */
@QuarkusTest
@TestProfile(RedisClusterSessionCapTest.Capped.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisClusterSessionCapTest extends SessionCapContract {

    public static class Capped extends RedisClusterProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bff.session.max-per-user", Integer.toString(CAP));
        }
    }
}
