package dev.spotifybff.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real redis-server (Debian's package) on a free loopback port, password-protected, with
 * append-only persistence in a fresh directory, so a stop and start keeps the data as a production Redis would. Fails with
 * the install command when the binary is missing; never a mock.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    /** Every test Redis requires a password, so the BFF is always tested with a redis://:password@ URL. */
    private String password = "test-redis-" + Long.toHexString(System.nanoTime());
    private Process process;
    private List<String> extraArgs = List.of();
    private List<String> extraCliArgs = List.of();
    private String scheme = "redis";

    public RedisServer() {
        try {
            this.port = freePort();
            this.dir = Files.createTempDirectory("bff-redis-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String binary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server is not installed: apt-get install -y redis-server "
                + "(.ci/run installs it on a fresh machine)");
    }

    /** TLS only: no plaintext port, the certificate and key from {@code certificates}. */
    public RedisServer tls(TestCertificates certificates) {
        this.scheme = "rediss";
        this.extraArgs = List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", certificates.serverCert().toString(),
                "--tls-key-file", certificates.serverKey().toString(),
                "--tls-ca-cert-file", certificates.caCert().toString(), "--tls-auth-clients", "no");
        this.extraCliArgs = List.of("--tls", "--cacert", certificates.caCert().toString());
        return this;
    }

    /** More redis-server options (later ones win), such as a replica's or a cluster node's. */
    public RedisServer with(String... args) {
        List<String> all = new java.util.ArrayList<>(extraArgs);
        all.addAll(List.of(args));
        this.extraArgs = all;
        return this;
    }

    /** A Redis Cluster node (not yet part of a cluster: see {@link RedisCluster}), its bus on another free port. */
    public RedisServer clusterNode() {
        try {
            return with("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                    "--cluster-port", Integer.toString(freePort()), "--cluster-node-timeout", "2000");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shares one password across servers that must reach each other (replicas, cluster nodes). */
    public RedisServer password(String shared) {
        this.password = shared;
        return this;
    }

    public String password() {
        return password;
    }

    public Path dir() {
        return dir;
    }

    public RedisServer start() {
        List<String> command = new java.util.ArrayList<>(List.of(binary(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                "--save", "", "--protected-mode", "yes", "--requirepass", password, "--masterauth", password));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        awaitListening(Duration.ofSeconds(10));
        return this;
    }

    /** Stops the server as an outage would (SIGKILL: no final save; the append-only file has every write). */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return scheme + "://:" + password + "@127.0.0.1:" + port;
    }

    /** redis-cli's arguments to reach this server: port and password (and the CA, over TLS). */
    public List<String> cliArgs() {
        List<String> args = new java.util.ArrayList<>(List.of("-p", Integer.toString(port), "-a", password,
                "--no-auth-warning"));
        args.addAll(extraCliArgs);
        return args;
    }

    /** Runs redis-cli against this server and returns its non-blank output lines. */
    public List<String> cli(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("redis-cli"));
        command.addAll(cliArgs());
        command.addAll(List.of(args));
        return run(command);
    }

    /**
     * The commands this server ran since the last {@code CONFIG RESETSTAT}, by name, with their
     * counts: INFO commandstats, without redis-cli's own (info, config, auth).
     */
    public java.util.Map<String, Long> commandCalls() {
        java.util.Map<String, Long> calls = new java.util.TreeMap<>();
        java.util.regex.Pattern stat = java.util.regex.Pattern.compile("^cmdstat_(\\w+):calls=(\\d+)");
        for (String line : cli("INFO", "commandstats")) {
            java.util.regex.Matcher found = stat.matcher(line);
            if (found.find() && !List.of("info", "config", "auth").contains(found.group(1))) {
                calls.put(found.group(1), Long.parseLong(found.group(2)));
            }
        }
        return calls;
    }

    static List<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitListening(Duration timeout) {
        Poll.until("redis-server listening on " + port, timeout, Duration.ofMillis(20), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(exitMessage());
            }
            return Poll.listening(port);
        });
    }

    /** Why it exited, from its log: a redis-server built without TLS says so there. */
    private String exitMessage() {
        String log;
        try {
            log = Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            log = "";
        }
        String hint = scheme.equals("rediss") && log.toLowerCase().contains("tls")
                ? " This redis-server may lack TLS: Debian's has it (apt-get install -y redis-server)." : "";
        return "redis-server exited:" + hint + " Its log (" + dir.resolve("redis.log") + "):\n"
                + log.substring(Math.max(0, log.length() - 2000));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
