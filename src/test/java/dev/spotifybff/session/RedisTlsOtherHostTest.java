package dev.spotifybff.session;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.RedisTlsResource;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A TLS Redis whose certificate is from the right CA, but naming another host than REDIS_URL's: refused (see {@link RedisTlsRefused}). */
@QuarkusTest
@TestProfile(RedisTlsOtherHostTest.Profile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisTlsOtherHostTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisTlsResource.class, Map.of("san", "DNS:redis.invalid")));
        }
    }

    @Test
    void a_certificate_for_another_host_leaves_the_bff_not_ready_even_from_the_right_ca() {
        RedisTlsRefused.assertRefused();
    }
}
