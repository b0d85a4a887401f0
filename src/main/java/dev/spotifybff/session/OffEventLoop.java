package dev.spotifybff.session;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Runs blocking work (a refresh under its lock, a store write, a session ended) on a worker
 * thread, so a request served on the event loop never waits on it there. What follows the work
 * continues on that worker.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    public static <T> Uni<T> run(Supplier<T> blocking) {
        return Uni.createFrom().item(blocking).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
