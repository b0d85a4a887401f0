package dev.spotifybff.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

import dev.spotifybff.session.SessionId;

/** Builds what an attacker or an old deployment could hold: cookies sealed with another secret. */
public final class TestSealers {

    private TestSealers() {
    }

    public static String sessionCookieSealedWith(String secret, SessionId id) {
        return Sealers.sealer("session-cookie", secret, Optional.empty(), new SecureRandom())
                .sealToString(id.value().getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** The session id inside a cookie, for tests that must find the session's keys in Redis. */
    public static SessionId sessionIdFromCookie(String secret, String cookie) {
        byte[] id = Sealers.sealer("session-cookie", secret, Optional.empty(), new SecureRandom())
                .openString(cookie, new byte[0]).orElseThrow();
        return new SessionId(new String(id, StandardCharsets.US_ASCII));
    }
}
