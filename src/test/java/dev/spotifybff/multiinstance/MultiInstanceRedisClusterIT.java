package dev.spotifybff.multiinstance;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.AppProcess;
import dev.spotifybff.support.RedisCluster;
import dev.spotifybff.support.SpotifyStub;

/**
 * Two packaged instances on a real three-master Redis Cluster (REDIS_TOPOLOGY=cluster, seed nodes in
 * REDIS_URL): sessions shared, and the cross-instance refresh race still makes one refresh, with the
 * lock in the session's slot. The same checks as {@link MultiInstanceRedisIT}'s, on a cluster.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MultiInstanceRedisClusterIT {

    private static RedisCluster cluster;
    private static AppProcess a;
    private static AppProcess b;

    @BeforeAll
    static void startEverything() {
        cluster = new RedisCluster().start();
        AppProcess[] both = MultiInstanceRedisIT.startTwo("cluster", "multi-instance-cluster-secret-0123456789abcdef",
                Map.of("REDIS_TOPOLOGY", "cluster", "REDIS_URL", cluster.url()));
        a = both[0];
        b = both[1];
    }

    @AfterAll
    static void stopEverything() {
        MultiInstanceRedisIT.stopAll(a, b, cluster);
    }

    @BeforeEach
    void resetSpotify() {
        SpotifyStub.defaults();
    }

    @Test
    void a_session_made_on_a_works_on_b_and_a_logout_on_b_ends_it_on_a() {
        MultiInstanceRedisIT.assertSessionSharedAndLogoutEverywhere(a, b);
    }

    @Test
    void twenty_requests_over_both_instances_with_an_expired_token_cause_exactly_one_refresh() throws Exception {
        MultiInstanceRedisIT.assertTwentyRacingRequestsRefreshOnce(a, b);
    }
}
