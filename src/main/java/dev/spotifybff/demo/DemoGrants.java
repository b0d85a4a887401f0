package dev.spotifybff.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    private static final Logger LOG = Logger.getLogger(DemoGrants.class);

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

    /** Tokens handed out before a live reload (the file is read once, then deleted). */
    record Kept(Map<String, Instant> accessTokens, Map<String, String> refreshTokens) {
    }

    static final Path FILE = Path.of("target", "dev-demo-grants.json");

    @PostConstruct
    void restore() {
        if (!Files.isRegularFile(FILE)) {
            return;
        }
        try {
            Kept kept = json.readValue(FILE.toFile(), Kept.class);
            accessTokens.putAll(kept.accessTokens());
            refreshTokens.putAll(kept.refreshTokens());
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            LOG.warnf("demo Spotify: tokens from before the reload not read (%s)", e.getMessage());
        }
    }

    void keep(@Observes ShutdownEvent stop) {
        if (!Files.isDirectory(FILE.getParent())) {
            return;
        }
        try {
            json.writeValue(FILE.toFile(), new Kept(Map.copyOf(accessTokens), Map.copyOf(refreshTokens)));
        } catch (IOException e) {
            LOG.warnf("demo Spotify: tokens not kept over the reload (%s)", e.getMessage());
        }
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
