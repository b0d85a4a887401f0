package dev.spotifybff.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the BFF reads from its environment, in one place. The property names map to the
 * environment variables in application.properties (CLIENT_ID, SESSION_SECRET, ...); values are
 * validated once at start by {@link StartupChecks}, so nothing here is trusted blindly.
 */
@ConfigMapping(prefix = "bff")
public interface BffConfig {

    Optional<String> clientId();

    Optional<String> clientSecret();

    String redirectUri();

    /** Current secret for cookies and data at rest; at least 32 characters. */
    Optional<String> sessionSecret();

    /** The secret before a rotation: still opens what it sealed, never seals anything new. */
    Optional<String> sessionSecretPrevious();

    Spotify spotify();

    Session session();

    Cookies cookies();

    Cache cache();

    /** The per-session cache of read-mostly Spotify answers (/api/me, top lists). */
    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Spotify counts a rolling 30 s window per app; a minute of reuse spares it. */
        @WithDefault("60s")
        Duration ttl();

        /**
         * An entry past its TTL but younger than this is still answered at once, while one background call
         * renews it (stale-while-revalidate); during a rate-limit pause it is the only answer there is.
         * Not above TTL: no stale answers.
         */
        @WithDefault("5m")
        Duration staleTtl();

        @WithDefault("100000")
        long maxEntries();

        /** The bound on the cache's heap, weighed per entry: a page of 50 tracks alone is about 100 KB. */
        @WithDefault("64M")
        MemorySize maxBytes();
    }

    interface Spotify {
        /** Whether the URLs name the dev-mode demo Spotify: set by %dev configuration only, never in a prod build. */
        @WithDefault("false")
        boolean demo();

        String accountsUrl();

        String apiUrl();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration readTimeout();

        /**
         * Web API calls the whole app may make per rolling 30 s window (Spotify's own unit), shared by every
         * instance through Redis with SESSION_STORE=redis; 0: no budget of our own, only Spotify's 429s pause.
         */
        @WithDefault("0")
        int rateLimit();

        /** An access token this close to expiry is refreshed before it is used. */
        @WithDefault("60s")
        Duration refreshSkew();
    }

    enum RedisTopology {
        STANDALONE, SENTINEL, CLUSTER
    }

    interface Session {
        /** memory (one instance) or redis (several instances share sessions). */
        @WithDefault("memory")
        StoreKind store();

        /** redis://[:password@]host:port[/db] or rediss://... (TLS), for SESSION_STORE=redis. */
        @WithDefault("redis://127.0.0.1:6379")
        String redisUrl();

        /** standalone (one node), sentinel (REDIS_URL lists the sentinels) or cluster (REDIS_URL lists seed nodes). */
        @WithDefault("standalone")
        RedisTopology redisTopology();

        /** The master's name the sentinels know, for REDIS_TOPOLOGY=sentinel. */
        @WithDefault("mymaster")
        String redisSentinelMaster();

        /** PEM file of the CA that signed the Redis server's certificate; unset: the system trust. */
        Optional<String> redisTlsCaFile();

        /** Skips certificate and host name checks over rediss://; for a local trial only (refused in prod). */
        @WithDefault("false")
        boolean redisTlsInsecure();

        /**
         * Replicas that must acknowledge a login's or a refresh's write before it counts (Redis WAIT);
         * unset: 1 with Sentinel, where a failover would otherwise lose recent writes, 0 otherwise.
         */
        Optional<Integer> redisWaitReplicas();

        /** Bound on every Redis command: beyond it the request answers 503, it never hangs. */
        @WithDefault("2s")
        Duration redisTimeout();

        /** Prefix of every Redis key this BFF writes. */
        @WithDefault("spotify-bff:")
        String redisKeyPrefix();

        @WithDefault("14d")
        Duration idleTimeout();

        /** Spotify's refresh tokens die 6 months after login, whatever we do. */
        @WithDefault("180d")
        Duration maxLifetime();

        /** The memory store evicts the oldest session beyond this many. */
        @WithDefault("100000")
        int maxSessions();

        /** A login beyond this many sessions of one Spotify user ends that user's oldest; 0: no cap. */
        @WithDefault("10")
        int maxPerUser();

        /** Completed logins per client address per minute, on each instance; 0: no limit. */
        @WithDefault("0")
        int loginRateLimit();

        /** How long a user may take on Spotify's consent page (the state cookie's Max-Age). */
        @WithDefault("10m")
        Duration loginTimeout();
    }

    enum StoreKind {
        MEMORY,
        REDIS
    }

    interface Cookies {
        /** Empty: Secure exactly when REDIRECT_URI is https. */
        Optional<Boolean> secure();
    }
}
