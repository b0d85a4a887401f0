package dev.spotifybff.auth;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A login between /login and /callback, kept sealed in the browser's login cookie, so any instance
 * behind a load balancer can finish it and nothing is stored for users who never come back.
 */
@RegisterForReflection
public record PendingLogin(String state, String codeVerifier, String returnTo, Instant expiresAt) {

    @Override
    public String toString() {
        return "PendingLogin[returnTo=" + returnTo + ", expiresAt=" + expiresAt + "]";
    }
}
