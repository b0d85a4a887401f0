package dev.spotifybff.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;

/** What the demo Spotify has handed out: codes (one use), access tokens (short-lived), refresh tokens. */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoGrants {

    /** Short on purpose, so the BFF's transparent refresh can be watched in dev mode. */
    static final long ACCESS_TOKEN_SECONDS = 120;

    record Code(String codeChallenge, String redirectUri, String scope) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Clock clock;

    DemoGrants(Clock clock) {
        this.clock = clock;
    }

    String issueCode(String codeChallenge, String redirectUri, String scope) {
        String code = token("code");
        codes.put(code, new Code(codeChallenge, redirectUri, scope));
        return code;
    }

    Optional<Code> redeemCode(String code) {
        return Optional.ofNullable(code).map(codes::remove);
    }

    String issueAccessToken() {
        String token = token("demo-access");
        accessTokens.put(token, clock.instant().plusSeconds(ACCESS_TOKEN_SECONDS));
        return token;
    }

    String issueRefreshToken(String scope) {
        String token = token("demo-refresh");
        refreshTokens.put(token, scope);
        return token;
    }

    Optional<String> scopeOfRefreshToken(String refreshToken) {
        return Optional.ofNullable(refreshToken).map(refreshTokens::get);
    }

    boolean isValidAccessToken(String token) {
        Instant expiresAt = token == null ? null : accessTokens.get(token);
        return expiresAt != null && expiresAt.isAfter(clock.instant());
    }

    private String token(String kind) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
