package dev.spotifybff.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.BffConfig.StoreKind;
import dev.spotifybff.session.RedisSessionStore;
import dev.spotifybff.session.SessionStoreUnavailableException;

/** Ready only while the chosen session store answers (memory always does; Redis must PING). */
@Readiness
@ApplicationScoped
public class SessionStoreReadiness implements HealthCheck {

    private final StoreKind kind;
    private final Instance<RedisSessionStore> redis;

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
            return response.up().build();
        } catch (SessionStoreUnavailableException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
