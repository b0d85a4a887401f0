package dev.spotifybff.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.spotifybff.config.BffConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * LOGIN_RATE_LIMIT: completed logins per client address per minute, counted on this instance in
 * fixed one-minute windows (off at 0). The address is the connection's, or the forwarded one when
 * Quarkus is told to trust a proxy (quarkus.http.proxy.proxy-address-forwarding): Quarkus then
 * rewrites the request's remote address, so an unconfigured deployment never trusts a header.
 */
@Singleton
public class LoginRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(Instant start, int logins) {
        boolean over(Instant now) {
            return !start.plus(WINDOW).isAfter(now);
        }
    }

    private final int limit;
    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW)
            .maximumSize(100_000)
            .build();

    LoginRateLimit(BffConfig config, Clock clock) {
        this.limit = config.session().loginRateLimit();
        this.clock = clock;
    }

    /** Seconds until this address may complete a login again, or empty when it may now. */
    OptionalLong retryAfter(HttpServerRequest request) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        Window window = windows.getIfPresent(address(request));
        Instant now = clock.instant();
        if (window == null || window.over(now) || window.logins() < limit) {
            return OptionalLong.empty();
        }
        long millisLeft = Duration.between(now, window.start().plus(WINDOW)).toMillis();
        return OptionalLong.of(Math.max(1, (millisLeft + 999) / 1000)); // whole seconds, rounded up
    }

    void completed(HttpServerRequest request) {
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        windows.asMap().compute(address(request), (address, window) -> window == null || window.over(now)
                ? new Window(now, 1)
                : new Window(window.start(), window.logins() + 1));
    }

    private static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
