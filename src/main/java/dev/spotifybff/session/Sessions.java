package dev.spotifybff.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.crypto.Sealer;
import dev.spotifybff.crypto.Sealers;
import io.smallrye.mutiny.Uni;

/**
 * Server-side sessions: creates them, finds the one behind a cookie, saves and ends them. Values are
 * sealed with AES-GCM before they reach any store, bound to the session's store key, so a value
 * copied under another key does not open. Lifetimes: the store's time to live is the idle timeout,
 * capped by the absolute lifetime counted from login.
 * <p>
 * New tokens are never dropped: a save that fails after its retries (the store is down) keeps the
 * session in a local fallback, which the next request on this instance uses and saves again.
 * Spotify rotates refresh tokens, so the old pair in the store may already be dead.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    /** Attempts to save refreshed tokens before they are kept locally; the refresh lock covers them all. */
    public static final int SAVE_ATTEMPTS = 3;
    private static final long SAVE_BACKOFF_MILLIS = 100;

    private final SessionStore store;
    private final Sealer cookieSealer;
    private final Sealer dataSealer;
    private final Sealers sealers;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Event<SessionEnded> ended;
    private final int maxPerUser;
    /** Sessions with refreshed tokens the store has not taken yet, by store key. */
    private final Cache<String, Session> unsaved = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)) // an access token's lifetime
            .maximumSize(100_000)
            .build();

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
        this.maxPerUser = config.session().maxPerUser();
    }

    /** A new session of this Spotify user; beyond SESSION_MAX_PER_USER, that user's oldest sessions end. */
    public SessionId create(Session session, String spotifyUserId) {
        String userKey = sealers.userKey(spotifyUserId);
        SessionId id = SessionId.random(SessionId.slotTagOf(userKey), sealers.randomBytes(32));
        List<String> ended = store.create(id.storeKey(), seal(id, session), ttl(session), userKey, maxPerUser);
        for (String key : ended) {
            LOG.infof("session %s ended: more than %d sessions of one user", SessionId.logIdOf(key), maxPerUser);
            this.ended.fire(new SessionEnded(key));
        }
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

    /**
     * The live session behind a cookie; using it restarts the idle timeout, in the same store call
     * as the read. Only in the last idle period before the absolute end is the time to live then
     * shortened (a second call, rare), so the store never keeps a session past its lifetime.
     * <p>
     * It does not block the calling thread, for the event loop: the store's read is asynchronous,
     * and the common case (a live session, nothing to write back) finishes on the thread the answer
     * came on. The rare cases that write to the store (a value that does not open, a session past
     * its lifetime, its last idle period, tokens kept locally) finish on a worker.
     */
    public Uni<Optional<ActiveSession>> resolve(String cookieValue) {
        Optional<SessionId> id = idFromCookie(cookieValue);
        if (id.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.getAndTouchAsync(id.get().storeKey(), idleTimeout).flatMap(sealed -> {
            Optional<ActiveSession> plain = withoutWrites(id.get(), sealed);
            return plain != null ? Uni.createFrom().item(plain)
                    : OffEventLoop.run(() -> resolved(id.get(), sealed));
        });
    }

    /** The answer when it needs no write to the store, else null. */
    private Optional<ActiveSession> withoutWrites(SessionId id, Optional<byte[]> sealed) {
        if (sealed.isEmpty()) {
            unsaved.invalidate(id.storeKey()); // ended meanwhile (logout elsewhere, expiry): not revived
            return Optional.empty();
        }
        Optional<Session> session = open(id, sealed.get());
        if (session.isEmpty() || ttl(session.get()).compareTo(idleTimeout) < 0
                || unsaved.getIfPresent(id.storeKey()) != null) {
            return null;
        }
        return Optional.of(new ActiveSession(id, session.get()));
    }

    private Optional<ActiveSession> resolved(SessionId id, Optional<byte[]> sealed) {
        return read(id, sealed).map(session -> {
            Duration ttl = ttl(session);
            if (ttl.compareTo(idleTimeout) < 0) {
                store.touch(id.storeKey(), ttl);
            }
            return new ActiveSession(id, session);
        });
    }

    public Optional<Session> load(SessionId id) {
        return read(id, store.get(id.storeKey()));
    }

    private Optional<Session> read(SessionId id, Optional<byte[]> sealed) {
        if (sealed.isEmpty()) {
            unsaved.invalidate(id.storeKey()); // ended meanwhile (logout elsewhere, expiry): not revived
            return Optional.empty();
        }
        Optional<Session> session = open(id, sealed.get());
        if (session.isEmpty()) {
            LOG.warnf("session %s ended: its stored value does not open", id.logId());
            end(id);
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expiresAt(session.get()))) {
            end(id);
            return Optional.empty();
        }
        return Optional.of(newerUnsaved(id, session.get()));
    }

    /**
     * Saves new tokens, retrying a store that fails; false when the session ended meanwhile (it is
     * not revived). When the store stays unavailable, the session is kept locally and saved by the
     * next request that loads it, so a rotated refresh token is not lost to a blip.
     */
    public boolean update(SessionId id, Session session) {
        byte[] sealed = seal(id, session);
        for (int attempt = 1;; attempt++) {
            try {
                boolean saved = store.update(id.storeKey(), sealed, ttl(session));
                unsaved.invalidate(id.storeKey());
                return saved;
            } catch (SessionStoreUnavailableException e) {
                if (attempt == SAVE_ATTEMPTS) {
                    LOG.warnf("session %s: new tokens kept on this instance until the store is back: %s",
                            id.logId(), e.getMessage());
                    unsaved.put(id.storeKey(), session);
                    return true;
                }
                pause(attempt * SAVE_BACKOFF_MILLIS);
            }
        }
    }

    public void end(SessionId id) {
        unsaved.invalidate(id.storeKey());
        store.delete(id.storeKey());
        ended.fire(new SessionEnded(id.storeKey()));
    }

    private Session newerUnsaved(SessionId id, Session stored) {
        Session kept = unsaved.getIfPresent(id.storeKey());
        if (kept == null) {
            return stored;
        }
        if (!kept.accessTokenExpiresAt().isAfter(stored.accessTokenExpiresAt())) {
            unsaved.invalidate(id.storeKey()); // the store has caught up (another instance refreshed later)
            return stored;
        }
        try {
            if (store.update(id.storeKey(), seal(id, kept), ttl(kept))) {
                LOG.infof("session %s: kept tokens saved", id.logId());
            }
            unsaved.invalidate(id.storeKey());
        } catch (SessionStoreUnavailableException stillDown) {
            // keep them: this request uses them, the next one tries again
        }
        return kept;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // a short backoff between attempts to reach the store
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
