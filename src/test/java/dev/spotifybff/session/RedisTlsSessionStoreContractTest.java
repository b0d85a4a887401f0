package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.Browser;
import dev.spotifybff.support.RedisServer;
import dev.spotifybff.support.RedisTlsProfile;
import dev.spotifybff.support.RedisTlsResource;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The whole Redis store contract over TLS: a redis-server with no plaintext port, a CA made for the
 * run in REDIS_TLS_CA_FILE, and the host name checked against the certificate.
 */
@QuarkusTest
@TestProfile(RedisTlsProfile.class)
@QuarkusTestResource(SpotifyStub.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisTlsSessionStoreContractTest extends RedisSessionStoreContractTest {

    @Override
    RedisServer server() {
        return RedisTlsResource.server();
    }

    @Test
    void the_redis_it_runs_on_has_no_plaintext_port_and_its_clients_connected_over_tls() {
        new Browser().login();

        assertEquals(List.of("port", "0"), server().cli("CONFIG", "GET", "port"));
        // Redis's CLIENT LIST has no TLS flag; the plaintext port being closed is what proves it.
        assertEquals(List.of("tls-port", Integer.toString(server().port())), server().cli("CONFIG", "GET", "tls-port"));
    }
}
