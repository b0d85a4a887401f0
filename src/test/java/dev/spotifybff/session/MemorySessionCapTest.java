package dev.spotifybff.session;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The memory store holds at most ten sessions here: without the cap, a flood would evict the bystander. */
@QuarkusTest
@TestProfile(MemorySessionCapTest.Capped.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MemorySessionCapTest extends SessionCapContract {

    public static class Capped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bff.session.max-per-user", Integer.toString(CAP), "bff.session.max-sessions", "10");
        }
    }
}
