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

/** A TLS Redis whose certificate is signed by a CA other than REDIS_TLS_CA_FILE: refused (see {@link RedisTlsRefused}). */
@QuarkusTest
@TestProfile(RedisTlsOtherCaTest.Profile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisTlsOtherCaTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisTlsResource.class, Map.of("trust", "other-ca")));
        }
    }

    @Test
    void a_certificate_from_another_ca_leaves_the_bff_not_ready_and_names_the_variable() {
        RedisTlsRefused.assertRefused();
    }
}
