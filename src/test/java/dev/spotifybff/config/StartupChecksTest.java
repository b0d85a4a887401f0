package dev.spotifybff.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StartupChecksTest {

    private static final String SECRET = "s3cr3t-value-that-must-never-be-printed-0123";

    private static BffConfig config(Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "bff.redirect-uri", "http://127.0.0.1:8888/callback",
                "bff.spotify.accounts-url", "https://accounts.spotify.com",
                "bff.spotify.api-url", "https://api.spotify.com/v1"));
        all.putAll(values);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new MapBackedConfigSource("test", all) {
                })
                .withConverter(java.time.Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(BffConfig.class)
                .build();
        return config.getConfigMapping(BffConfig.class);
    }

    @Test
    void a_prod_start_without_credentials_or_secret_names_each_missing_variable() {
        List<String> problems = StartupChecks.problems(config(Map.of()), LaunchMode.NORMAL);

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("CLIENT_ID is not set"));
        assertTrue(problems.get(1).startsWith("SESSION_SECRET is missing or shorter than 32 characters"));
    }

    @Test
    void a_short_secret_a_malformed_client_id_and_a_bad_redirect_uri_are_each_reported_without_their_values() {
        List<String> problems = StartupChecks.problems(config(Map.of(
                "bff.client-id", "not a client id!",
                "bff.client-secret", SECRET,
                "bff.session-secret", "too-short",
                "bff.redirect-uri", "localhost:8888/cb")), LaunchMode.NORMAL);

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("CLIENT_ID is malformed")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("SESSION_SECRET")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("REDIRECT_URI is malformed")));
        assertFalse(String.join(" ", problems).contains("too-short"));
        assertFalse(String.join(" ", problems).contains("not a client id"));
    }

    @Test
    void a_client_id_without_its_secret_is_reported() {
        List<String> problems = StartupChecks.problems(config(Map.of(
                "bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.session-secret", SECRET)), LaunchMode.NORMAL);

        assertEquals(List.of("CLIENT_SECRET is not set: copy the Client secret of your app from the Spotify developer"
                + " dashboard."), problems);
    }

    @Test
    void a_complete_configuration_passes() {
        assertEquals(List.of(), StartupChecks.problems(config(Map.of(
                "bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.client-secret", SECRET,
                "bff.session-secret", SECRET)), LaunchMode.NORMAL));
    }

    @Test
    void dev_mode_may_run_without_a_client_id_on_the_demo_spotify() {
        assertEquals(List.of(), StartupChecks.problems(config(Map.of("bff.session-secret", SECRET)),
                LaunchMode.DEVELOPMENT));
    }

    @Test
    void the_redis_store_needs_a_well_formed_redis_url() {
        Map<String, String> redis = Map.of("bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.client-secret", SECRET, "bff.session-secret", SECRET, "bff.session.store", "redis");

        Map<String, String> badUrl = new java.util.HashMap<>(redis);
        badUrl.put("bff.session.redis-url", "not a url");
        Map<String, String> goodUrl = new java.util.HashMap<>(redis);
        goodUrl.put("bff.session.redis-url", "rediss://:pw@cache.internal:6380/0");

        assertEquals(List.of("REDIS_URL is missing or malformed: expected redis://[:password@]host:port[/db] or "
                + "rediss://..."), StartupChecks.problems(config(badUrl), LaunchMode.NORMAL));
        assertEquals(List.of(), StartupChecks.problems(config(goodUrl), LaunchMode.NORMAL));
    }

    @Test
    void sentinel_and_cluster_urls_list_several_nodes_of_one_scheme() {
        Map<String, String> sentinels = redisStore(Map.of("bff.session.redis-topology", "sentinel",
                "bff.session.redis-url", "redis://:pw@10.0.0.1:26379, redis://:pw@10.0.0.2:26379,redis://:pw@10.0.0.3:26379"));
        Map<String, String> mixed = redisStore(Map.of("bff.session.redis-topology", "cluster",
                "bff.session.redis-url", "rediss://:pw@10.0.0.1:6379,redis://:pw@10.0.0.2:6379"));

        Map<String, String> standalone = new java.util.HashMap<>(sentinels);
        standalone.remove("bff.session.redis-topology");

        assertEquals(List.of(), StartupChecks.problems(config(sentinels), LaunchMode.NORMAL));
        assertTrue(StartupChecks.problems(config(standalone), LaunchMode.NORMAL).get(0)
                .startsWith("REDIS_URL lists several nodes: set REDIS_TOPOLOGY"));
        assertEquals(List.of("REDIS_URL mixes redis:// and rediss://: every node is reached with TLS, or none is."),
                StartupChecks.problems(config(mixed), LaunchMode.NORMAL));
    }

    @Test
    void unchecked_redis_tls_is_refused_in_prod_and_allowed_in_dev() {
        Map<String, String> insecure = redisStore(Map.of("bff.session.redis-url", "rediss://:pw@cache.internal:6380",
                "bff.session.redis-tls-insecure", "true"));

        List<String> prod = StartupChecks.problems(config(insecure), LaunchMode.NORMAL);
        assertEquals(1, prod.size(), prod.toString());
        assertTrue(prod.get(0).startsWith("REDIS_TLS_INSECURE=true in production"), prod.get(0));
        assertEquals(List.of(), StartupChecks.problems(config(insecure), LaunchMode.DEVELOPMENT));
    }

    @Test
    void an_unreadable_ca_file_and_a_prefix_with_a_hash_tag_are_refused_by_name() {
        Map<String, String> wrong = redisStore(Map.of("bff.session.redis-url", "rediss://:pw@cache.internal:6380",
                "bff.session.redis-tls-ca-file", "/nonexistent/ca.pem", "bff.session.redis-key-prefix", "{bff}:"));

        List<String> problems = StartupChecks.problems(config(wrong), LaunchMode.NORMAL);

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("REDIS_TLS_CA_FILE cannot be read"), problems.get(0));
        assertTrue(problems.get(1).startsWith("REDIS_KEY_PREFIX contains { or }"), problems.get(1));
    }

    private static Map<String, String> redisStore(Map<String, String> more) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.client-secret", SECRET, "bff.session-secret", SECRET, "bff.session.store", "redis"));
        values.putAll(more);
        return values;
    }

    @Test
    void a_long_but_weak_session_secret_is_refused_by_name_without_its_value() {
        for (String weak : List.of("a".repeat(40), "abc123".repeat(7), "0123456789abcdef".repeat(3),
                "passwordpasswordpasswordpassword1")) {
            List<String> problems = StartupChecks.problems(config(Map.of(
                    "bff.client-id", "0123456789abcdef0123456789abcdef",
                    "bff.client-secret", SECRET,
                    "bff.session-secret", weak)), LaunchMode.NORMAL);

            assertEquals(1, problems.size(), weak + ": " + problems);
            assertTrue(problems.get(0).startsWith("SESSION_SECRET is too weak"), problems.toString());
            assertFalse(problems.get(0).contains(weak));
        }
        assertFalse(StartupChecks.isWeak("Zq3v9XkP2mW7sR4tY8uB1nC6dF0gH5jL"), "a random secret passes");
    }

    @Test
    void a_weak_previous_secret_is_refused_too() {
        List<String> problems = StartupChecks.problems(config(Map.of(
                "bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.client-secret", SECRET,
                "bff.session-secret", SECRET,
                "bff.session-secret-previous", "x".repeat(32))), LaunchMode.NORMAL);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("SESSION_SECRET_PREVIOUS is too weak"));
    }

    @Test
    void a_client_secret_too_short_for_quarkus_oidc_to_sign_with_is_refused() {
        List<String> problems = StartupChecks.problems(config(Map.of(
                "bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.client-secret", "short-secret-19-chr",
                "bff.session-secret", SECRET)), LaunchMode.NORMAL);

        assertEquals(List.of("CLIENT_SECRET is shorter than 32 characters: Spotify's client secrets have 32."), problems);
    }

    @Test
    void insecure_cookies_with_an_https_redirect_uri_are_refused_in_prod_only() {
        Map<String, String> values = Map.of(
                "bff.client-id", "0123456789abcdef0123456789abcdef",
                "bff.client-secret", SECRET,
                "bff.session-secret", SECRET,
                "bff.redirect-uri", "https://app.example.com/callback",
                "bff.cookies.secure", "false");

        List<String> problems = StartupChecks.problems(config(values), LaunchMode.NORMAL);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("COOKIE_SECURE=false with an https REDIRECT_URI"));
        assertEquals(List.of(), StartupChecks.problems(config(values), LaunchMode.DEVELOPMENT));
    }
}
