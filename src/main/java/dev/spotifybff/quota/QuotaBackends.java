package dev.spotifybff.quota;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.BffConfig.StoreKind;

/**
 * The quota lives where the sessions do: with SESSION_STORE=redis every instance shares it through
 * Redis; with the memory store (one instance) it is this JVM's.
 */
public class QuotaBackends {

    @Produces
    @Singleton
    SpotifyQuota quota(BffConfig config, Instance<LocalQuota> local, Instance<RedisQuota> redis) {
        return config.session().store() == StoreKind.REDIS ? redis.get() : local.get();
    }
}
