package dev.spotifybff.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One instance of the packaged BFF (the jar in its own JVM, or the native executable) configured
 * only through environment variables, as an operator would run it. Its log goes to target/it-logs.
 */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort = freePort();
    private final Map<String, String> env;
    private Process process;

    public AppProcess(String name, int port, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.env = new HashMap<>(env);
        this.env.put("PORT", Integer.toString(port));
        this.env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
    }

    /** Health, metrics and OpenAPI: the management interface, not the public port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public AppProcess start() {
        try {
            Path logs = Files.createDirectories(Path.of("target", "it-logs"));
            ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.equals("CI"));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitReady(Duration.ofSeconds(60));
        return this;
    }

    public AppProcess restart(Map<String, String> changes) {
        stop();
        env.putAll(changes);
        changes.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            }
        });
        return start();
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target"
                        + File.separator + "it-logs" + File.separator + name + ".log");
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(100); // polling for start-up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout);
    }

    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
