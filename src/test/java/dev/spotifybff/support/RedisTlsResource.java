package dev.spotifybff.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real redis-server that speaks only TLS, with a CA and certificate made for this run, and the BFF
 * pointed at it with rediss://. Init args make it wrong on purpose: {@code san} (the names the
 * server's certificate holds) and {@code trust=other-ca} (the BFF trusts an unrelated CA).
 */
public class RedisTlsResource implements QuarkusTestResourceLifecycleManager {

    private static RedisServer server;
    private String subjectAltName = "IP:127.0.0.1";
    private boolean otherCa;

    public static RedisServer server() {
        return server;
    }

    @Override
    public void init(Map<String, String> args) {
        subjectAltName = args.getOrDefault("san", subjectAltName);
        otherCa = "other-ca".equals(args.get("trust"));
    }

    @Override
    public Map<String, String> start() {
        TestCertificates certificates = TestCertificates.forHost(subjectAltName);
        server = new RedisServer().tls(certificates).start();
        String ca = (otherCa ? TestCertificates.forHost(subjectAltName) : certificates).caCert().toString();
        return Map.of("bff.session.store", "redis", "bff.session.redis-url", server.url(),
                "bff.session.redis-tls-ca-file", ca);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
