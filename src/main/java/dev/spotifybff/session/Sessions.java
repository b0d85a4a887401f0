package dev.spotifybff.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.crypto.Sealer;
import dev.spotifybff.crypto.Sealers;

/**
 * Server-side sessions: creates them, finds the one behind a cookie, saves and ends them. Values are
 * sealed with AES-GCM before they reach any store, bound to the session's store key, so a value
 * copied under another key does not open. Lifetimes: the store's time to live is the idle timeout,
 * capped by the absolute lifetime counted from login.
 */
@ApplicationScoped
public class Sessions {

    private final SessionStore store;
    private final Sealer cookieSealer;
    private final Sealer dataSealer;
    private final Sealers sealers;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Event<SessionEnded> ended;

    Sessions(SessionStore store, Sealers sealers, ObjectMapper json, Clock clock, BffConfig config,
            Event<SessionEnded> ended) {
        this.ended = ended;
        this.store = store;
        this.sealers = sealers;
        this.cookieSealer = sealers.sessionCookie();
        this.dataSealer = sealers.sessionData();
        this.json = json;
        this.clock = clock;
        this.idleTimeout = config.session().idleTimeout();
        this.maxLifetime = config.session().maxLifetime();
    }

    public SessionId create(Session session) {
        SessionId id = SessionId.random(sealers.randomBytes(32));
        store.put(id.storeKey(), seal(id, session), ttl(session));
        return id;
    }

    /** The sealed form of the id, the only thing the browser ever holds. */
    public String cookieValue(SessionId id) {
        return cookieSealer.sealToString(id.value().getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** The id inside a session cookie, if the cookie is genuine. */
    public Optional<SessionId> idFromCookie(String cookieValue) {
        return cookieSealer.openString(cookieValue, new byte[0])
                .map(bytes -> new SessionId(new String(bytes, StandardCharsets.US_ASCII)));
    }

    /** True while SESSION_SECRET_PREVIOUS is set: cookies sealed with it still open. */
    public boolean cookieSecretRotating() {
        return cookieSealer.rotating();
    }

    /** During a secret rotation: whether this cookie was sealed with the previous secret. */
    public boolean cookieNeedsResealing(String cookieValue) {
        return cookieSealer.rotating() && !cookieSealer.opensWithCurrentKey(cookieValue, new byte[0]);
    }

    /** The live session behind a cookie; using it restarts the idle timeout. */
    public Optional<ActiveSession> resolve(String cookieValue) {
        return idFromCookie(cookieValue).flatMap(id -> load(id).map(session -> {
            store.touch(id.storeKey(), ttl(session));
            return new ActiveSession(id, session);
        }));
    }

    public Optional<Session> load(SessionId id) {
        Optional<Session> session = store.get(id.storeKey()).flatMap(sealed -> open(id, sealed));
        if (session.isPresent() && !clock.instant().isBefore(expiresAt(session.get()))) {
            end(id);
            return Optional.empty();
        }
        return session;
    }

    /** Saves new tokens; false when the session ended meanwhile (it is not revived). */
    public boolean update(SessionId id, Session session) {
        return store.update(id.storeKey(), seal(id, session), ttl(session));
    }

    public void end(SessionId id) {
        store.delete(id.storeKey());
        ended.fire(new SessionEnded(id));
    }

    private Instant expiresAt(Session session) {
        return session.createdAt().plus(maxLifetime);
    }

    private Duration ttl(Session session) {
        Duration untilAbsoluteEnd = Duration.between(clock.instant(), expiresAt(session));
        Duration ttl = untilAbsoluteEnd.compareTo(idleTimeout) < 0 ? untilAbsoluteEnd : idleTimeout;
        return ttl.isNegative() || ttl.isZero() ? Duration.ofMillis(1) : ttl;
    }

    private byte[] seal(SessionId id, Session session) {
        try {
            return dataSealer.seal(json.writeValueAsBytes(session), context(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Session> open(SessionId id, byte[] sealed) {
        return dataSealer.open(sealed, context(id)).flatMap(plain -> {
            try {
                return Optional.of(json.readValue(plain, Session.class));
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        });
    }

    private static byte[] context(SessionId id) {
        return id.storeKey().getBytes(StandardCharsets.US_ASCII);
    }
}
