package dev.spotifybff.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spotifybff.crypto.Sealer;
import dev.spotifybff.crypto.Sealers;

/** Seals and opens {@link PendingLogin}s; an expired or tampered one does not open. */
@ApplicationScoped
public class PendingLogins {

    private static final byte[] CONTEXT = new byte[0];

    private final Sealer sealer;
    private final ObjectMapper json;
    private final Clock clock;

    PendingLogins(Sealers sealers, ObjectMapper json, Clock clock) {
        this.sealer = sealers.loginCookie();
        this.json = json;
        this.clock = clock;
    }

    public String seal(PendingLogin login) {
        try {
            return sealer.sealToString(json.writeValueAsBytes(login), CONTEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<PendingLogin> open(String cookieValue) {
        return sealer.openString(cookieValue, CONTEXT).flatMap(plain -> {
            try {
                return Optional.of(json.readValue(plain, PendingLogin.class));
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }).filter(login -> login.expiresAt().isAfter(clock.instant()));
    }
}
