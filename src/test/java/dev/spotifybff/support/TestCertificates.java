package dev.spotifybff.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throwaway CA and a server certificate it signed, made with openssl for one test run: the server
 * certificate names {@code subjectAltName} (127.0.0.1 by default), so host name checks can pass
 * or fail on purpose. Never a certificate from the repository.
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey) {

    public static TestCertificates forHost(String subjectAltName) {
        try {
            Path dir = Files.createTempDirectory("bff-tls-");
            Path caKey = dir.resolve("ca.key");
            Path caCert = dir.resolve("ca.crt");
            Path key = dir.resolve("server.key");
            Path csr = dir.resolve("server.csr");
            Path cert = dir.resolve("server.crt");
            Path ext = dir.resolve("server.ext");
            Files.writeString(ext, "subjectAltName=" + subjectAltName + "\n");
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caCert, "-days", "2",
                    "-subj", "/CN=spotify-bff test CA");
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=redis");
            openssl("x509", "-req", "-in", csr, "-CA", caCert, "-CAkey", caKey, "-CAcreateserial", "-out", cert,
                    "-days", "2", "-extfile", ext);
            return new TestCertificates(caCert, cert, key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void openssl(Object... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        RedisServer.run(command);
    }
}
