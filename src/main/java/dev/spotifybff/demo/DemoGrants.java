package dev.spotifybff.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spotifybff.devmode.ReloadFile;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;

/**
 * What the demo Spotify has handed out: codes (one use), access tokens (short-lived), refresh tokens.
 * The tokens are kept over a live reload in target/dev-demo-grants.json, as the sessions holding
 * them are (DevModeSessions): otherwise the first call after a Java edit would end the session.
 */
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

    private final ObjectMapper json;

    DemoGrants(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /** Tokens handed out before a live reload. */
    record Kept(Map<String, Instant> accessTokens, Map<String, String> refreshTokens) {
    }

    private static final ReloadFile FILE = ReloadFile.inTarget("dev-demo-grants.json", "demo Spotify tokens");

    @PostConstruct
    void restore() {
        FILE.<Kept>take(json, json.constructType(Kept.class)).ifPresent(kept -> {
            accessTokens.putAll(kept.accessTokens());
            refreshTokens.putAll(kept.refreshTokens());
        });
    }

    void keep(@Observes ShutdownEvent stop) {
        FILE.keep(json, new Kept(Map.copyOf(accessTokens), Map.copyOf(refreshTokens)));
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
