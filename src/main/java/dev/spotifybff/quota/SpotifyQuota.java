package dev.spotifybff.quota;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * The app's one Spotify quota, as the BFF keeps it: Spotify counts every Web API call of the app
 * over a rolling 30 s window, whichever user and instance makes it, and after a 429 it wants no
 * call at all for Retry-After seconds. Token refreshes do not pass here: the accounts service has
 * its own limit.
 */
public interface SpotifyQuota {

    /** Spotify's window, and the window of SPOTIFY_RATE_LIMIT. */
    Duration WINDOW = Duration.ofSeconds(30);

    /**
     * Zero when a Web API call may go now (it is then counted against the budget); otherwise how
     * long until one may: the rest of a pause, or until the oldest call of the window leaves it.
     * Null when only {@link #admit} can tell (it needs I/O). Spares the hot path an asynchronous step.
     */
    Duration admitNow();

    /** As {@link #admitNow}, asked when that answered null: the answer that needed I/O. */
    Uni<Duration> admit();

    /** Spotify answered 429: no instance sharing this quota calls the Web API for retryAfter. */
    Uni<Void> pause(Duration retryAfter);
}
