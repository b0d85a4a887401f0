package dev.spotifybff.session;

import java.net.URI;
import java.util.List;

import javax.net.ssl.SSLException;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.RedisUrls;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;

/**
 * How to reach Redis as operators run it, from REDIS_URL (comma-separated for Sentinel and Cluster),
 * REDIS_TOPOLOGY and the TLS variables; Vert.x's Redis client does the rest (finding the master
 * through the sentinels, routing by slot). And the one place that turns a failure into a message
 * that names the variable to fix, without ever printing the URL (it may hold the password).
 */
final class RedisConnection {

    private RedisConnection() {
    }

    static RedisOptions options(BffConfig.Session session) {
        List<String> urls = RedisUrls.of(session.redisUrl()); // well-formed: StartupChecks ran first
        RedisOptions options = new RedisOptions().setMaxPoolSize(16).setMaxPoolWaiting(1024)
                .setMetricsName("spotify-bff-sessions");
        switch (session.redisTopology()) {
            case STANDALONE -> options.setType(RedisClientType.STANDALONE).setEndpoints(urls.subList(0, 1));
            // Vert.x asks the sentinels for the master again at most a second (its topology cache)
            // after a failover, and new connections go to the promoted replica: no restart needed.
            case SENTINEL -> options.setType(RedisClientType.SENTINEL).setEndpoints(urls)
                    .setMasterName(session.redisSentinelMaster()).setRole(RedisRole.MASTER);
            case CLUSTER -> options.setType(RedisClientType.CLUSTER).setEndpoints(urls)
                    .setUseReplicas(RedisReplicas.NEVER);
        }
        if (urls.stream().anyMatch(u -> u.startsWith("rediss:"))) {
            tls(options.getNetClientOptions(), session);
        }
        return options;
    }

    /** Certificate and host name checked, against REDIS_TLS_CA_FILE or the system trust; never plaintext. */
    private static void tls(NetClientOptions net, BffConfig.Session session) {
        net.setSsl(true);
        if (session.redisTlsInsecure()) {
            net.setTrustAll(true).setHostnameVerificationAlgorithm("");
            return;
        }
        net.setHostnameVerificationAlgorithm("HTTPS");
        session.redisTlsCaFile().filter(f -> !f.isBlank())
                .ifPresent(file -> net.setTrustOptions(new PemTrustOptions().addCertPath(file)));
    }

    /** REDIS_WAIT_REPLICAS, or its default: 1 with Sentinel, 0 otherwise. */
    static int waitReplicas(BffConfig.Session session) {
        return session.redisWaitReplicas()
                .orElse(session.redisTopology() == BffConfig.RedisTopology.SENTINEL ? 1 : 0);
    }

    /** A cluster node's URL with the seed URL's scheme and credentials (the node list has neither). */
    static String sameCredentials(String seedUrl, String hostAndPort) {
        URI seed = URI.create(seedUrl);
        String userInfo = seed.getRawUserInfo() == null ? "" : seed.getRawUserInfo() + "@";
        return seed.getScheme() + "://" + userInfo + hostAndPort;
    }

    static SessionStoreUnavailableException unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new SessionStoreUnavailableException("Redis refused TLS: its certificate is not signed by"
                        + " REDIS_TLS_CA_FILE (or the system trust), or does not name the host in REDIS_URL", failure);
            }
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")) {
                return new SessionStoreUnavailableException("Redis refused the password in REDIS_URL", failure);
            }
        }
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        return new SessionStoreUnavailableException("Redis is unavailable: " + cause.getClass().getSimpleName(),
                failure);
    }
}
