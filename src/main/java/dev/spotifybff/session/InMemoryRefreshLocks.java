package dev.spotifybff.session;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * Single flight within one JVM: a fixed set of striped locks, so memory stays bounded whatever the
 * number of sessions (two sessions sharing a stripe only wait for each other's refresh).
 */
@ApplicationScoped
@Typed(InMemoryRefreshLocks.class)
public class InMemoryRefreshLocks implements RefreshLocks {

    private static final int STRIPES = 1024;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    InMemoryRefreshLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public <T> T withLock(String sessionKey, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(sessionKey.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
