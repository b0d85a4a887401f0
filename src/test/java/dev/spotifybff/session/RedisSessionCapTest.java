package dev.spotifybff.session;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The per-user index in Redis: a sorted set per user, kept by one Lua script at each login. */
@QuarkusTest
@TestProfile(RedisSessionCapTest.Capped.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisSessionCapTest extends SessionCapContract {

    public static class Capped extends RedisProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bff.session.max-per-user", Integer.toString(CAP));
        }
    }
}
