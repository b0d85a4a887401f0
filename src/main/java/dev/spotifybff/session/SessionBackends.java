package dev.spotifybff.session;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.BffConfig.StoreKind;

/**
 * Picks the session store and the refresh locks at run time from SESSION_STORE, so one build
 * (and one native binary) serves both a single instance (memory) and a fleet (redis).
 */
public class SessionBackends {

    @Produces
    @Singleton
    SessionStore store(BffConfig config, Instance<InMemorySessionStore> memory, Instance<RedisSessionStore> redis) {
        return config.session().store() == StoreKind.REDIS ? redis.get() : memory.get();
    }

    @Produces
    @Singleton
    RefreshLocks locks(BffConfig config, Instance<InMemoryRefreshLocks> memory, Instance<RedisRefreshLocks> redis) {
        return config.session().store() == StoreKind.REDIS ? redis.get() : memory.get();
    }
}
