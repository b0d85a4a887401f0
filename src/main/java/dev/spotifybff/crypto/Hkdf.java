package dev.spotifybff.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from the secret once, then expand
 * it into one independent key per purpose. Written by hand: the JDK's KDF API arrives only in
 * Java 24, and neither Quarkus nor its libraries expose one.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";

    private Hkdf() {
    }

    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return hmac(salt, inputKeyMaterial);
    }

    static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length);
        byte[] block = new byte[0];
        for (int counter = 1; okm.size() < length; counter++) {
            byte[] input = new byte[block.length + info.length + 1];
            System.arraycopy(block, 0, input, 0, block.length);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) counter;
            block = hmac(pseudorandomKey, input);
            okm.write(block, 0, Math.min(block.length, length - okm.size()));
        }
        return okm.toByteArray();
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
