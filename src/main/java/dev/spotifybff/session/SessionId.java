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
 * <p>
 * The id starts with its user's slot tag ({@code <tag>.<random>}), and the store key carries it as a
 * Redis Cluster hash tag ({@code {<tag>}<hash>}): a session, its refresh lock and its user's index
 * then live in one slot, so every script and multi-key command works on a cluster. The tag is 32
 * bits of the user's keyed hash: it spreads users over the slots and names no one. Ids made before
 * tags existed have none, and keep working on a single node.
 */
public final class SessionId {

    private final String value;
    private final String storeKey;

    public SessionId(String value) {
        this.value = value;
        int dot = value.indexOf('.'); // never in base64url, so only a tag ends with one
        this.storeKey = dot < 0 ? sha256Hex(value) : "{" + value.substring(0, dot) + "}" + sha256Hex(value);
    }

    public static SessionId random(String slotTag, byte[] bytes) {
        return new SessionId(slotTag + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The slot tag of every session of one user, from that user's keyed hash (hex). */
    public static String slotTagOf(String userKey) {
        return userKey.substring(0, 8);
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
        return storeKey.substring(storeKey.indexOf('}') + 1, storeKey.indexOf('}') + 13);
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
