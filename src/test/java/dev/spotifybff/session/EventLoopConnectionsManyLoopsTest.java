package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.RedisProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** More event loops than the blocking commands' pool has connections (16), as on a machine of 10 cores or more. */
@QuarkusTest
@TestProfile(EventLoopConnectionsManyLoopsTest.TwentyEventLoops.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventLoopConnectionsManyLoopsTest {

    public static class TwentyEventLoops extends RedisProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.vertx.event-loops-pool-size", "20");
        }
    }

    @Inject
    RedisCommands redis;
    @Inject
    Vertx vertx;

    @Test
    void twenty_event_loops_each_keep_a_connection_and_blocking_commands_still_get_one() throws Exception {
        List<CompletableFuture<Long>> ids = new ArrayList<>();
        for (Context eventLoop : everyEventLoop(20)) {
            CompletableFuture<Long> id = new CompletableFuture<>();
            eventLoop.runOnContext(ignored -> redis.send("CLIENT", "ID").map(reply -> reply.toLong())
                    .subscribe().with(id::complete, id::completeExceptionally));
            ids.add(id);
        }
        Set<Long> connections = new TreeSet<>();
        for (CompletableFuture<Long> id : ids) {
            connections.add(id.get(10, TimeUnit.SECONDS));
        }

        assertEquals(20, connections.size(), "one kept connection per event loop: " + connections);
        assertEquals("PONG", redis.execute("PING").toString(), "a worker's command, from the pool the event loops do not use");
    }

    /** A context on each of n event loops: Vert.x gives a thread of its own a new context, on the next event loop. */
    private List<Context> everyEventLoop(int n) throws Exception {
        Map<Thread, Context> byThread = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 10 * n && byThread.size() < n; attempt++) {
            Context context = CompletableFuture.supplyAsync(vertx::getOrCreateContext, r -> new Thread(r).start())
                    .get(10, TimeUnit.SECONDS);
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            context.runOnContext(ignored -> thread.complete(Thread.currentThread()));
            byThread.putIfAbsent(thread.get(10, TimeUnit.SECONDS), context);
        }
        assertEquals(n, byThread.size(), "event loops found");
        return List.copyOf(byThread.values());
    }
}
