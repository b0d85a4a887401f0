package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.RedisProfile;
import dev.spotifybff.support.RedisResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The event loops' own Redis connections: shared by their commands, replaced when Redis drops one. */
@QuarkusTest
@TestProfile(RedisProfile.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventLoopConnectionsTest {

    @Inject
    RedisCommands redis;
    @Inject
    Vertx vertx;

    @Test
    void fifty_commands_sent_at_once_from_one_event_loop_all_go_over_one_connection() throws Exception {
        Context eventLoop = vertx.getOrCreateContext();

        Set<Long> connections = new TreeSet<>(clientIds(eventLoop, 50));

        assertEquals(1, connections.size(), "the connections that answered CLIENT ID: " + connections);
    }

    @Test
    void a_connection_redis_closes_is_replaced_and_costs_at_most_one_failed_command() throws Exception {
        Context eventLoop = vertx.getOrCreateContext();
        long first = clientIds(eventLoop, 1).get(0);

        RedisResource.server().cli("CLIENT", "KILL", "ID", Long.toString(first));

        int failures = 0;
        Long next = null;
        for (int attempt = 0; attempt < 50 && next == null; attempt++) {
            try {
                next = clientIds(eventLoop, 1).get(0);
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof SessionStoreUnavailableException, e.getCause().toString());
                failures++;
                Thread.sleep(100);
            }
        }
        assertNotEquals(null, next, "no command succeeded after the kill");
        assertNotEquals(first, next, "a new connection answers");
        assertTrue(failures <= 1, failures + " commands failed after the kill");
    }

    /** Sends CLIENT ID n times at once from eventLoop, and returns each reply: the id of the connection it went over. */
    private List<Long> clientIds(Context eventLoop, int n) throws Exception {
        CompletableFuture<List<Long>> replies = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> {
            List<Uni<Long>> sends = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sends.add(redis.send("CLIENT", "ID").map(reply -> reply.toLong()));
            }
            Uni.join().all(sends).andFailFast().subscribe().with(replies::complete, replies::completeExceptionally);
        });
        return replies.get(10, TimeUnit.SECONDS);
    }
}
