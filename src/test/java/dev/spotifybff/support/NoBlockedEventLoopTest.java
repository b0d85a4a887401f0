package dev.spotifybff.support;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** The guard every test runs under, tried on a real event loop that a task blocks. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@NoBlockedEventLoop.BlocksOnPurpose
class NoBlockedEventLoopTest {

    @Test
    void a_task_that_blocks_an_event_loop_fails_the_test_it_ran_in() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(50)
                .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        NoBlockedEventLoop guard = new NoBlockedEventLoop();
        try {
            guard.beforeEach(null);
            CountDownLatch done = new CountDownLatch(1);
            vertx.runOnContext(v -> {
                try {
                    Thread.sleep(600); // the defect under test: blocking on the event loop
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));

            AssertionError failure = assertThrows(AssertionError.class, () -> guard.afterEach(null));
            assertTrue(failure.getMessage().contains("vert.x-eventloop-thread"), failure.getMessage());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
