package dev.spotifybff.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
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
    private final String password = "test-redis-" + Long.toHexString(System.nanoTime());
    private Process process;

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

    public RedisServer start() {
        try {
            process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                    "--protected-mode", "yes", "--requirepass", password)
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
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    /** redis-cli's arguments to reach this server: port and password. */
    public List<String> cliArgs() {
        return List.of("-p", Integer.toString(port), "-a", password, "--no-auth-warning");
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
                }
                try {
                    Thread.sleep(20); // polling for start-up, not waiting for an expiry
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
