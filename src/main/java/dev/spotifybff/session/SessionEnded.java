package dev.spotifybff.session;

/** Fired when a session ends on this instance (logout, refresh token refused, expiry found). */
public record SessionEnded(SessionId id) {
}
