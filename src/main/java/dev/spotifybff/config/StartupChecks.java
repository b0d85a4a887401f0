package dev.spotifybff.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start a misconfigured BFF, with one line per problem that names the variable and never
 * prints a value. Dev mode may run without CLIENT_ID (the demo Spotify takes over) and with the
 * obviously fake dev secret from application.properties.
 */
public class StartupChecks {

    // Before every other start-up observer: nothing may use a setting these checks would refuse.
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, BffConfig config) {
        List<String> problems = problems(config, LaunchMode.current());
        if (!problems.isEmpty()) {
            // Quarkus prints a ConfigurationException's message as it is on stderr, with no stack
            // trace and outside the JSON log: one plain line per problem, where an operator looks.
            throw new ConfigurationException("The BFF cannot start:\n" + String.join("\n", problems));
        }
    }

    static List<String> problems(BffConfig config, LaunchMode mode) {
        List<String> problems = new ArrayList<>();
        boolean demoAllowed = mode == LaunchMode.DEVELOPMENT;
        if (config.clientId().isEmpty() && !demoAllowed) {
            problems.add("CLIENT_ID is not set: copy the Client ID of your app from the Spotify developer dashboard.");
        } else if (config.clientId().isPresent() && !config.clientId().get().matches("[A-Za-z0-9]{8,64}")) {
            problems.add("CLIENT_ID is malformed: expected the 32 letters and digits of a Spotify Client ID.");
        }
        if (config.clientId().isPresent() && config.clientSecret().map(String::isBlank).orElse(true)) {
            problems.add("CLIENT_SECRET is not set: copy the Client secret of your app from the Spotify developer dashboard.");
        } else if (config.clientSecret().map(s -> !s.isBlank() && s.length() < 32).orElse(false)) {
            // quarkus-oidc signs its internal ID token with it (HS256 needs 256 bits): every login would fail.
            problems.add("CLIENT_SECRET is shorter than 32 characters: Spotify's client secrets have 32.");
        }
        if (config.sessionSecret().map(s -> s.length() < 32).orElse(true)) {
            problems.add("SESSION_SECRET is missing or shorter than 32 characters: generate one with `openssl rand -base64 48`.");
        } else if (isWeak(config.sessionSecret().get())) {
            problems.add("SESSION_SECRET is too weak (fewer than 16 distinct characters, or a short pattern repeated):"
                    + " generate one with `openssl rand -base64 48`.");
        }
        if (config.sessionSecretPrevious().map(s -> !s.isEmpty() && s.length() < 32).orElse(false)) {
            problems.add("SESSION_SECRET_PREVIOUS is shorter than 32 characters.");
        } else if (config.sessionSecretPrevious().map(s -> !s.isEmpty() && isWeak(s)).orElse(false)) {
            problems.add("SESSION_SECRET_PREVIOUS is too weak (fewer than 16 distinct characters, or a short pattern"
                    + " repeated).");
        }
        if (mode == LaunchMode.NORMAL && isAbsoluteHttpUrl(config.redirectUri()) && PublicOrigin.of(config).https()
                && !Https.cookiesSecure(config)) {
            problems.add("COOKIE_SECURE=false with an https REDIRECT_URI: the session cookie would also travel over"
                    + " plain http. Remove COOKIE_SECURE (it follows REDIRECT_URI).");
        }
        if (!isAbsoluteHttpUrl(config.redirectUri())) {
            problems.add("REDIRECT_URI is malformed: expected an absolute http(s) URL ending in /callback,"
                    + " such as http://127.0.0.1:8888/callback.");
        }
        if (config.spotify().rateLimit() < 0) {
            problems.add("SPOTIFY_RATE_LIMIT is negative: give the Web API calls per 30 s for the whole app, or 0 for none.");
        }
        if (config.session().store() == BffConfig.StoreKind.REDIS) {
            problems.addAll(redisProblems(config.session(), mode));
        }
        return problems;
    }

    /**
     * A secret a person typed or a tool padded: few distinct characters, or one short pattern
     * repeated ("a" x 40, "abc123" x 6). A user's own cookie lets them test guesses offline.
     */
    static boolean isWeak(String secret) {
        if (secret.chars().distinct().count() < 16) {
            return true;
        }
        for (int period = 1; period <= secret.length() / 2; period++) {
            boolean repeats = true;
            for (int i = period; i < secret.length() && repeats; i++) {
                repeats = secret.charAt(i) == secret.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    private static List<String> redisProblems(BffConfig.Session session, LaunchMode mode) {
        List<String> problems = new ArrayList<>();
        List<String> urls = RedisUrls.of(session.redisUrl());
        if (urls.isEmpty() || !urls.stream().allMatch(StartupChecks::isRedisUrl)) {
            problems.add("REDIS_URL is missing or malformed: expected redis://[:password@]host:port[/db] or rediss://...");
        } else if (urls.size() > 1 && session.redisTopology() == BffConfig.RedisTopology.STANDALONE) {
            problems.add("REDIS_URL lists several nodes: set REDIS_TOPOLOGY=sentinel (they are sentinels) or"
                    + " REDIS_TOPOLOGY=cluster (they are cluster seeds).");
        } else if (urls.stream().map(u -> u.startsWith("rediss:")).distinct().count() > 1) {
            problems.add("REDIS_URL mixes redis:// and rediss://: every node is reached with TLS, or none is.");
        }
        if (session.redisTopology() == BffConfig.RedisTopology.SENTINEL && session.redisSentinelMaster().isBlank()) {
            problems.add("REDIS_SENTINEL_MASTER is empty: name the master the sentinels monitor (mymaster by default).");
        }
        if (session.redisTlsInsecure() && mode == LaunchMode.NORMAL) {
            problems.add("REDIS_TLS_INSECURE=true in production: the Redis certificate would go unchecked. Set"
                    + " REDIS_TLS_CA_FILE to the CA's PEM file instead.");
        }
        if (session.redisTlsCaFile().filter(f -> !f.isBlank()).map(f -> !java.nio.file.Files.isReadable(
                java.nio.file.Path.of(f))).orElse(false)) {
            problems.add("REDIS_TLS_CA_FILE cannot be read: expected the path of a PEM file.");
        }
        if (session.redisKeyPrefix().contains("{") || session.redisKeyPrefix().contains("}")) {
            // The first {...} of a key is its Cluster hash tag; the session's own tag must be that one.
            problems.add("REDIS_KEY_PREFIX contains { or }: the BFF's keys carry their own Redis hash tags.");
        }
        return problems;
    }

    private static boolean isRedisUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            return ("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawFragment() == null && "/callback".equals(uri.getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
