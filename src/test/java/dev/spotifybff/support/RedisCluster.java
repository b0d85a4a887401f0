package dev.spotifybff.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real three-master Redis Cluster on loopback (Debian's redis-server with --cluster-enabled,
 * joined by redis-cli --cluster create), password-protected like every test Redis. Its URL lists
 * every node as a seed, as REDIS_URL does with REDIS_TOPOLOGY=cluster.
 */
public final class RedisCluster implements AutoCloseable {

    private final List<RedisServer> nodes = new ArrayList<>();

    public RedisCluster start() {
        String password = "test-cluster-" + Long.toHexString(System.nanoTime());
        for (int i = 0; i < 3; i++) {
            nodes.add(new RedisServer().password(password).clusterNode().start());
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "-a", password, "--no-auth-warning", "--cluster",
                "create"));
        nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        RedisServer.run(create);
        awaitClusterOk(Duration.ofSeconds(20));
        return this;
    }

    public List<RedisServer> nodes() {
        return nodes;
    }

    public String url() {
        return nodes.stream().map(RedisServer::url).collect(Collectors.joining(","));
    }

    /** redis-cli on the node that holds {@code key} (-c follows the cluster's redirections). */
    public List<String> cli(String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-c"));
        command.addAll(nodes.get(0).cliArgs());
        command.addAll(List.of(args));
        return RedisServer.run(command);
    }

    /** Every key on every node. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        nodes.forEach(node -> keys.addAll(node.cli("--scan")));
        return keys;
    }

    private void awaitClusterOk(Duration timeout) {
        Poll.until("cluster_state:ok on every node", timeout, Duration.ofMillis(100),
                () -> nodes.stream().allMatch(n -> n.cli("CLUSTER", "INFO").contains("cluster_state:ok")));
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }
}
