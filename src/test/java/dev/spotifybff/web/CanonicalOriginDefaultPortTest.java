package dev.spotifybff.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.RawHttp;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A REDIRECT_URI that spells out its default port (http://host:80) names the same origin a browser
 * sends as "Host: host": no redirect, where the BFF used to send the browser to itself forever.
 */
@QuarkusTest
@TestProfile(CanonicalOriginDefaultPortTest.ExplicitDefaultPort.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CanonicalOriginDefaultPortTest {

    public static class ExplicitDefaultPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bff.redirect-uri", "http://127.0.0.1:80/callback");
        }
    }

    @Test
    void a_host_without_the_default_port_is_already_the_canonical_origin() throws Exception {
        for (String host : new String[] { "127.0.0.1", "127.0.0.1:80" }) {
            String response = RawHttp.send(8891, "GET /playlists HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertFalse(response.startsWith("HTTP/1.1 302"), host + ": " + response);
        }
        String elsewhere = RawHttp.send(8891, "GET /playlists HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(elsewhere.contains("\r\nLocation: http://127.0.0.1/playlists\r\n"), elsewhere);
    }

}
