package dev.spotifybff.session;

/** A session found for the current request's cookie. */
public record ActiveSession(SessionId id, Session session) {
}
