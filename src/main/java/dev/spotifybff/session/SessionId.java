package dev.spotifybff.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A session's secret id (256 random bits, only ever sent to the browser sealed). The store is keyed
 * by its SHA-256, so read access to the store is not enough to forge a cookie, and logs show only a
 * short prefix of that hash.
 */
public record SessionId(String value) {

    public static SessionId random(byte[] bytes) {
        return new SessionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String storeKey() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Safe to log: 48 bits of the hash, enough to follow one session through the logs. */
    public String logId() {
        return storeKey().substring(0, 12);
    }

    @Override
    public String toString() {
        return "SessionId[" + logId() + "]";
    }
}
