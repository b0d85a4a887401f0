package dev.spotifybff.health;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.BffConfig.StoreKind;
import dev.spotifybff.session.RedisSessionStore;
import dev.spotifybff.session.SessionStoreUnavailableException;

/**
 * Ready only while the chosen session store answers (memory always does; Redis must PING). When
 * Redis stops answering, the reason (which names the variable to fix, such as REDIS_TLS_CA_FILE) is
 * logged once, not at every probe.
 */
@Readiness
@ApplicationScoped
public class SessionStoreReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SessionStoreReadiness.class);

    private final StoreKind kind;
    private final Instance<RedisSessionStore> redis;
    private final AtomicReference<String> lastReason = new AtomicReference<>();

    SessionStoreReadiness(BffConfig config, Instance<RedisSessionStore> redis) {
        this.kind = config.session().store();
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("session-store").withData("store", kind.name().toLowerCase());
        if (kind == StoreKind.MEMORY) {
            return response.up().build();
        }
        try {
            redis.get().ping();
            lastReason.set(null);
            return response.up().build();
        } catch (SessionStoreUnavailableException e) {
            if (!e.getMessage().equals(lastReason.getAndSet(e.getMessage()))) {
                LOG.warnf("session store not ready: %s", e.getMessage());
            }
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
