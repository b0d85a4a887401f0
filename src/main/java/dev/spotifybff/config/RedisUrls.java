package dev.spotifybff.config;

import java.util.Arrays;
import java.util.List;

/**
 * REDIS_URL's nodes: one URL, or the comma-separated sentinels or cluster seeds. One reading for
 * StartupChecks, which refuses an empty or malformed item by name, and for the connection, which
 * therefore only ever sees well-formed items.
 */
public final class RedisUrls {

    private RedisUrls() {
    }

    public static List<String> of(String redisUrl) {
        return Arrays.stream(redisUrl.split(",")).map(String::trim).toList();
    }
}
