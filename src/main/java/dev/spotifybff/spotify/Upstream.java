package dev.spotifybff.spotify;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.spotifybff.metrics.BffMetrics;
import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Every call to Spotify, on both hosts, goes through here: timed, metered by endpoint template and
 * outcome (the status Spotify answered, "timeout" or "error"), and logged when it fails. Callers map
 * the failure to their own answer with {@link #answered} and {@link #isTimeout}.
 */
@Singleton
public class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    /** A failure that carries the status Spotify answered. */
    public interface Answered {
        int status();
    }

    private final BffMetrics metrics;

    Upstream(BffMetrics metrics) {
        this.metrics = metrics;
    }

    /** The call the supplier makes, timed from its subscription; never a second time for one subscription. */
    public <T> Uni<T> call(String endpoint, Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return request.get()
                    .onItem().invoke(() -> metrics.upstreamCall(endpoint, "200", since(start)))
                    .onFailure().invoke(failure -> {
                        String outcome = outcome(failure);
                        LOG.warnf("spotify %s %s", endpoint, switch (outcome) {
                            case "timeout" -> "timed out";
                            case "error" -> "unreachable";
                            default -> "answered " + outcome;
                        });
                        metrics.upstreamCall(endpoint, outcome, since(start));
                    });
        });
    }

    /** The failure's answer from Spotify (the REST client may wrap it), or null when Spotify answered nothing. */
    public static Answered answered(Throwable failure) {
        return (Answered) inCauses(failure, t -> t instanceof Answered);
    }

    /** Timed out connecting or waiting for the answer: by type, wherever it is in the cause chain. */
    public static boolean isTimeout(Throwable failure) {
        return inCauses(failure, t -> t instanceof TimeoutException || t instanceof SocketTimeoutException
                || t instanceof ConnectTimeoutException) != null;
    }

    private static Throwable inCauses(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }

    private static String outcome(Throwable failure) {
        Answered answered = answered(failure);
        if (answered != null) {
            return Integer.toString(answered.status());
        }
        return isTimeout(failure) ? "timeout" : "error";
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
