package dev.spotifybff.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.spotifybff.config.BffConfig;

/**
 * One {@link Sealer} per purpose, all keyed by SESSION_SECRET (and SESSION_SECRET_PREVIOUS) through
 * HKDF: one extract per secret, then one expand per purpose, so no two uses share a key and a
 * cookie reveals nothing about the key of another purpose. What the previous release sealed with
 * its single-HMAC keys still opens, so an upgrade logs nobody out; it is never sealed again.
 */
@ApplicationScoped
public class Sealers {

    private static final byte[] SALT = "spotify-bff/hkdf-salt/v2".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final Sealer sessionCookie;
    private final Sealer loginHandoff;
    private final Sealer sessionData;
    private final byte[] userIndexKey;

    Sealers(BffConfig config) {
        // StartupChecks refuses to start without a strong secret; dev and test set a fixed, obviously fake one.
        String secret = config.sessionSecret().orElseThrow(
                () -> new IllegalStateException("SESSION_SECRET is not set"));
        Optional<String> previous = config.sessionSecretPrevious().filter(p -> !p.isBlank());
        Secrets secrets = Secrets.of(secret, previous);
        sessionCookie = secrets.sealer("session-cookie", random);
        loginHandoff = secrets.sealer("login-handoff", random);
        sessionData = secrets.sealer("session-data", random);
        userIndexKey = key(secrets.current(), "user-index");
    }

    public Sealer sessionCookie() {
        return sessionCookie;
    }

    /** quarkus-oidc's short-lived q_session cookie, which only carries a login to its last redirect. */
    public Sealer loginHandoff() {
        return loginHandoff;
    }

    public Sealer sessionData() {
        return sessionData;
    }

    /**
     * The key of a user's session index: a keyed hash of the Spotify user id, so the store holds
     * no user id, and one cannot be checked against the store without SESSION_SECRET. (It changes
     * with the secret: after a rotation, the cap counts sessions made since.)
     */
    public String userKey(String spotifyUserId) {
        return HexFormat.of().formatHex(Hkdf.hmac(userIndexKey, spotifyUserId.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    static Sealer sealer(String purpose, String secret, Optional<String> previous, SecureRandom random) {
        return Secrets.of(secret, previous).sealer(purpose, random);
    }

    /**
     * The secrets in use, each extracted once (HKDF-extract); every purpose's keys are expanded from
     * these. The raw secrets are kept only for the previous release's open-only keys.
     */
    private record Secrets(String secret, byte[] current, Optional<String> previousSecret, Optional<byte[]> previous) {

        static Secrets of(String secret, Optional<String> previous) {
            return new Secrets(secret, extract(secret), previous, previous.map(Sealers::extract));
        }

        Sealer sealer(String purpose, SecureRandom random) {
            List<byte[]> legacy = previousSecret
                    .map(p -> List.of(legacyKey(secret, purpose), legacyKey(p, purpose)))
                    .orElseGet(() -> List.of(legacyKey(secret, purpose)));
            return new Sealer(purpose, key(current, purpose), previous.map(prk -> key(prk, purpose)), legacy, random);
        }

        @Override
        public String toString() {
            return "Secrets[not printed]"; // a record would print every component: secrets included
        }
    }

    private static byte[] extract(String secret) {
        return Hkdf.extract(SALT, secret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] key(byte[] pseudorandomKey, String purpose) {
        return Hkdf.expand(pseudorandomKey, ("spotify-bff/v2/" + purpose).getBytes(StandardCharsets.UTF_8), 32);
    }

    /** The key the release before HKDF derived: HMAC(secret, "spotify-bff/v1/" + purpose || 0x01). */
    static byte[] legacyKey(String secret, String purpose) {
        return Hkdf.expand(secret.getBytes(StandardCharsets.UTF_8),
                ("spotify-bff/v1/" + purpose).getBytes(StandardCharsets.UTF_8), 32);
    }
}
