package dev.spotifybff.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A session's secret id (256 random bits, only ever sent to the browser sealed). The store is keyed
 * by its SHA-256, so read access to the store is not enough to forge a cookie, and logs show only a
 * short prefix of that hash. The hash is computed once: every request needs it several times.
 */
public final class SessionId {

    private final String value;
    private final String storeKey;

    public SessionId(String value) {
        this.value = value;
        this.storeKey = sha256Hex(value);
    }

    public static SessionId random(byte[] bytes) {
        return new SessionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return value;
    }

    public String storeKey() {
        return storeKey;
    }

    /** Safe to log: 48 bits of the hash, enough to follow one session through the logs. */
    public String logId() {
        return logIdOf(storeKey);
    }

    /** The same, for a session known only by its store key (one the per-user cap ended). */
    public static String logIdOf(String storeKey) {
        return storeKey.substring(0, 12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "SessionId[" + logId() + "]";
    }

    private static String sha256Hex(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
