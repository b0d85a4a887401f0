package dev.spotifybff.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM) for everything the BFF hands out or stores: the session
 * cookie, the pending-login cookie, session values at rest. Each use has its own purpose, so a
 * value sealed for one use never opens as another, and callers bind values to their context
 * (e.g. the session id) through the associated data.
 *
 * <p>Keys come from {@link Sealers} (HKDF per purpose); a previous secret's key still opens old
 * values during a rotation, but never seals new ones. Written by hand because Quarkus has no
 * general-purpose sealing API outside quarkus-oidc's cookie handling.
 */
public final class Sealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final List<SecretKeySpec> keys; // first seals, all open
    /**
     * Looking a Cipher up in the providers costs more than using it: one per thread, re-initialised per
     * use. And one per sealer, not one for all: the JDK's AES expands a key only when it differs from
     * the one before, so a Cipher shared by the cookie's and the store's sealers expanded a key on every
     * use (5 % of a cached /api/me's CPU samples in the profile BENCHMARKS.md quotes).
     */
    private final ThreadLocal<Cipher> gcm = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    });
    private final boolean rotating;
    private final byte[] purpose;
    private final SecureRandom random;

    /**
     * @param current seals and opens
     * @param previous the previous secret's key, during a rotation
     * @param openOnly keys that only open what older releases sealed (never a reason to re-seal)
     */
    Sealer(String purpose, byte[] current, Optional<byte[]> previous, List<byte[]> openOnly, SecureRandom random) {
        this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
        this.random = random;
        List<SecretKeySpec> all = new ArrayList<>();
        all.add(new SecretKeySpec(current, "AES"));
        previous.ifPresent(key -> all.add(new SecretKeySpec(key, "AES")));
        openOnly.forEach(key -> all.add(new SecretKeySpec(key, "AES")));
        this.keys = List.copyOf(all);
        this.rotating = previous.isPresent();
    }

    public byte[] seal(byte[] plaintext, byte[] context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(purpose);
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext, or empty when the value is garbage, tampered, or sealed for another context. */
    public Optional<byte[]> open(byte[] sealed, byte[] context) {
        return open(sealed, context, keys);
    }

    /** True while a previous secret is configured, i.e. during a rotation. */
    public boolean rotating() {
        return rotating;
    }

    /** Whether this value opens with the current key (false: sealed with the previous one, or garbage). */
    public boolean opensWithCurrentKey(String sealed, byte[] context) {
        try {
            return open(B64D.decode(sealed), context, keys.subList(0, 1)).isPresent();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private Optional<byte[]> open(byte[] sealed, byte[] context, List<SecretKeySpec> candidates) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        for (SecretKeySpec key : candidates) {
            try {
                Cipher cipher = cipher();
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
                cipher.updateAAD(purpose);
                cipher.updateAAD(context);
                return Optional.of(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
            } catch (GeneralSecurityException wrongKeyOrTampered) {
                // try the previous key, if any
            }
        }
        return Optional.empty();
    }

    /** This sealer's Cipher for the calling thread. */
    Cipher cipher() {
        return gcm.get();
    }

    public String sealToString(byte[] plaintext, byte[] context) {
        return B64.encodeToString(seal(plaintext, context));
    }

    public Optional<byte[]> openString(String sealed, byte[] context) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > 4096) {
            return Optional.empty();
        }
        try {
            return open(B64D.decode(sealed), context);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
