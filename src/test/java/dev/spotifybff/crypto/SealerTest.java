package dev.spotifybff.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SealerTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-chars!!";
    private static final String NEW_SECRET = "the-next-secret-of-at-least-thirty-two!";
    private static final byte[] PLAIN = "access-token-xyz".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT = "session-a".getBytes(StandardCharsets.UTF_8);

    private final Sealer sealer = Sealers.sealer("test", SECRET, Optional.empty(), new SecureRandom());

    @Test
    void a_sealed_value_opens_to_the_same_bytes_and_hides_them() {
        byte[] sealed = sealer.seal(PLAIN, CONTEXT);

        assertArrayEquals(PLAIN, sealer.open(sealed, CONTEXT).orElseThrow());
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("access-token"));
    }

    @Test
    void each_sealer_keeps_its_own_cipher_so_using_two_in_turn_never_expands_a_key_again() {
        Sealer other = Sealers.sealer("other", SECRET, Optional.empty(), new SecureRandom());
        byte[] sealedHere = sealer.seal(PLAIN, CONTEXT);
        byte[] sealedThere = other.seal(PLAIN, CONTEXT);

        // The JDK's AES keeps the last key it expanded: a Cipher shared by both sealers would expand one
        // on every use, as the cookie's and the store's sealers are used in turn on every request.
        assertNotSame(sealer.cipher(), other.cipher());
        assertSame(sealer.cipher(), sealer.cipher());
        assertArrayEquals(PLAIN, sealer.open(sealedHere, CONTEXT).orElseThrow());
        assertArrayEquals(PLAIN, other.open(sealedThere, CONTEXT).orElseThrow());
    }

    @Test
    void sealing_twice_gives_different_ciphertexts() {
        assertNotEquals(sealer.sealToString(PLAIN, CONTEXT), sealer.sealToString(PLAIN, CONTEXT));
    }

    @Test
    void a_value_bound_to_one_context_does_not_open_in_another() {
        byte[] sealed = sealer.seal(PLAIN, CONTEXT);

        assertTrue(sealer.open(sealed, "session-b".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void a_value_sealed_for_one_purpose_does_not_open_for_another() {
        Sealer other = Sealers.sealer("other", SECRET, Optional.empty(), new SecureRandom());

        assertTrue(other.open(sealer.seal(PLAIN, CONTEXT), CONTEXT).isEmpty());
    }

    @Test
    void a_flipped_bit_anywhere_makes_the_value_unopenable() {
        byte[] sealed = sealer.seal(PLAIN, CONTEXT);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x10;
            assertTrue(sealer.open(tampered, CONTEXT).isEmpty(), "byte " + i);
        }
    }

    @Test
    void garbage_strings_do_not_open_and_do_not_throw() {
        for (String garbage : new String[] { "", "!!!", "abc", "A".repeat(5000), "%00", "\u00e9\u00e9" }) {
            assertTrue(sealer.openString(garbage, CONTEXT).isEmpty(), garbage);
        }
    }

    @Test
    void after_a_rotation_values_sealed_with_the_previous_secret_still_open() {
        Sealer rotated = Sealers.sealer("test", NEW_SECRET, Optional.of(SECRET), new SecureRandom());

        assertArrayEquals(PLAIN, rotated.open(sealer.seal(PLAIN, CONTEXT), CONTEXT).orElseThrow());
        assertTrue(sealer.open(rotated.seal(PLAIN, CONTEXT), CONTEXT).isEmpty(), "new values use the new secret");
    }

    @Test
    void keys_come_from_hkdf_as_rfc_5869_test_case_1_computes_it() {
        HexFormat hex = HexFormat.of();
        byte[] prk = Hkdf.extract(hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        byte[] okm = Hkdf.expand(prk, hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", hex.formatHex(prk));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                hex.formatHex(okm));
    }

    @Test
    void a_value_sealed_with_the_single_hmac_key_of_the_previous_release_still_opens_but_is_never_made_again() {
        byte[] legacyKey = Sealers.legacyKey(SECRET, "test");
        Sealer previousRelease = new Sealer("test", legacyKey, Optional.empty(), List.of(), new SecureRandom());

        assertArrayEquals(PLAIN, sealer.open(previousRelease.seal(PLAIN, CONTEXT), CONTEXT).orElseThrow());
        assertTrue(previousRelease.open(sealer.seal(PLAIN, CONTEXT), CONTEXT).isEmpty(), "new values use HKDF keys");
        assertFalse(sealer.rotating(), "an upgrade is not a rotation: nothing is re-sealed on every request");
    }
}
