package dev.spotifybff.session;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Response;

/**
 * Warns once at startup when Redis may evict sessions: with an allkeys-* maxmemory-policy, a full
 * Redis silently drops any key, so users are logged out (or a refresh lock vanishes mid-refresh).
 * Sessions need noeviction or volatile-ttl. Managed services often disable CONFIG: then nothing is
 * said, and the README's "Redis in production" section is the guide. Off the start-up path, so a
 * Redis that is down delays nothing.
 */
public class RedisEvictionPolicy {

    private static final Logger LOG = Logger.getLogger(RedisEvictionPolicy.class);

    void check(@Observes StartupEvent start, BffConfig config, Instance<RedisCommands> redis,
            ManagedExecutor executor) {
        if (config.session().store() == BffConfig.StoreKind.REDIS) {
            RedisCommands commands = redis.get();
            executor.execute(() -> warnIfEvicting(commands));
        }
    }

    static void warnIfEvicting(RedisCommands redis) {
        try {
            for (Redis master : redis.masters()) {
                Response reply = redis.execute(master, "CONFIG", "GET", "maxmemory-policy");
                String policy = policyOf(reply);
                if (policy != null && policy.startsWith("allkeys-")) {
                    LOG.warnf("Redis's maxmemory-policy is %s: when Redis is full it evicts sessions and users are"
                            + " logged out. Set maxmemory-policy to noeviction or volatile-ttl.", policy);
                    return;
                }
            }
        } catch (SessionStoreUnavailableException e) {
            LOG.debugf("maxmemory-policy not read (%s): CONFIG may be disabled", e.getMessage());
        }
    }

    /** CONFIG GET answers a map under RESP3 and a flat [name, value] list under RESP2. */
    private static String policyOf(Response reply) {
        if (reply == null) {
            return null;
        }
        if (reply.containsKey("maxmemory-policy")) {
            return reply.get("maxmemory-policy").toString();
        }
        return reply.size() == 2 ? reply.get(1).toString() : null;
    }
}
