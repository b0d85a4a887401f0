package dev.spotifybff.crypto;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.spotifybff.config.BffConfig;

/** One {@link Sealer} per purpose, all keyed by SESSION_SECRET (and SESSION_SECRET_PREVIOUS). */
@ApplicationScoped
public class Sealers {

    private final SecureRandom random = new SecureRandom();
    private final Sealer sessionCookie;
    private final Sealer loginHandoff;
    private final Sealer sessionData;

    Sealers(BffConfig config) {
        // StartupChecks refuses to start prod without a secret; dev and test set a fixed, obviously fake one.
        String secret = config.sessionSecret().orElseThrow(
                () -> new IllegalStateException("SESSION_SECRET is not set"));
        sessionCookie = new Sealer("session-cookie", secret, config.sessionSecretPrevious(), random);
        loginHandoff = new Sealer("login-handoff", secret, config.sessionSecretPrevious(), random);
        sessionData = new Sealer("session-data", secret, config.sessionSecretPrevious(), random);
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

    public byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
