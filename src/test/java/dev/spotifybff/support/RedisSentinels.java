package dev.spotifybff.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Sentinel deployment on loopback: one master, one replica and three sentinels (quorum 2,
 * down after one second), all Debian's redis-server, all behind one password (the master's, the
 * replica's and the sentinels' own). Its URL lists the sentinels, as REDIS_URL does with
 * REDIS_TOPOLOGY=sentinel.
 */
public final class RedisSentinels implements AutoCloseable {

    public static final String MASTER_NAME = "mymaster";

    private final String password = "test-sentinel-" + Long.toHexString(System.nanoTime());
    private RedisServer master;
    private RedisServer replica;
    private final List<Process> sentinels = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();

    public RedisSentinels start() {
        master = new RedisServer().password(password).start();
        replica = new RedisServer().password(password)
                .with("--replicaof", "127.0.0.1", Integer.toString(master.port())).start();
        for (int i = 0; i < 3; i++) {
            startSentinel();
        }
        Poll.until("the replica in sync and every sentinel aware of the others", Duration.ofSeconds(30),
                Duration.ofMillis(100), () ->
                replica.cli("INFO", "replication").contains("master_link_status:up")
                        && sentinelPorts.stream().allMatch(port -> sentinelCli(port, "SENTINEL", "MASTER", MASTER_NAME)
                                .stream().collect(Collectors.joining("\n")).contains("num-other-sentinels\n2")));
        return this;
    }

    public String url() {
        return sentinelPorts.stream().map(port -> "redis://:" + password + "@127.0.0.1:" + port)
                .collect(Collectors.joining(","));
    }

    public RedisServer master() {
        return master;
    }

    public RedisServer replica() {
        return replica;
    }

    /** The master as the sentinels see it: "127.0.0.1:port". */
    public String currentMaster() {
        List<String> reply = sentinelCli(sentinelPorts.get(0), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return reply.get(0) + ":" + reply.get(1);
    }

    private void startSentinel() {
        try {
            int port = RedisServer.freePort();
            Path dir = Files.createTempDirectory("bff-sentinel-");
            Path conf = dir.resolve("sentinel.conf");
            Files.writeString(conf, String.join("\n",
                    "port " + port, "bind 127.0.0.1", "dir " + dir,
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 5000",
                    "sentinel auth-pass " + MASTER_NAME + " " + password,
                    "requirepass " + password,
                    "sentinel sentinel-pass " + password, ""));
            Process process = new ProcessBuilder(RedisServer.binary(), conf.toString(), "--sentinel")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sentinel.log").toFile()).start();
            sentinels.add(process);
            sentinelPorts.add(port);
            Poll.until("sentinel on " + port + " listening", Duration.ofSeconds(10), Duration.ofMillis(20),
                    () -> Poll.listening(port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a sentinel", e);
        }
    }

    private List<String> sentinelCli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port), "-a", password,
                "--no-auth-warning"));
        command.addAll(List.of(args));
        return RedisServer.run(command);
    }

    @Override
    public void close() {
        sentinels.forEach(Process::destroyForcibly);
        if (replica != null) {
            replica.close();
        }
        if (master != null) {
            master.close();
        }
    }
}
