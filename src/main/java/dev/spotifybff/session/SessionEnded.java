package dev.spotifybff.session;

/**
 * Fired after a session ended (logout, invalid grant, expiry, or the per-user cap), with the
 * session's store key, so what is kept for it elsewhere (the response cache) goes too.
 */
public record SessionEnded(String storeKey) {
}
