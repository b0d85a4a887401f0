package dev.spotifybff.spotify;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.tracing.Spans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Every call to Spotify, on both hosts, goes through here: timed, metered by endpoint template and
 * outcome (the status Spotify answered, "timeout" or "error"), traced (a client span named by method
 * and template, with the status), and logged when it fails. Callers map the failure to their own
 * answer with {@link #answered} and {@link #isTimeout}.
 */
@Singleton
public class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    /** A failure that carries the status Spotify answered. */
    public interface Answered {
        int status();
    }

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("url.template");

    private final BffMetrics metrics;
    private final Spans spans;

    Upstream(BffMetrics metrics, Spans spans) {
        this.metrics = metrics;
        this.spans = spans;
    }

    /**
     * The call the supplier makes, timed from its subscription; never a second time for one
     * subscription. Its span (method, route template, status) is a child of parent: the request's,
     * or a refresh's.
     */
    public <T> Uni<T> call(String method, String endpoint, Context parent, Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            Span span = spans.start("spotify " + method + " " + endpoint, SpanKind.CLIENT, parent)
                    .setAttribute(METHOD, method).setAttribute(TEMPLATE, endpoint);
            long start = System.nanoTime();
            return request.get()
                    .onItemOrFailure().invoke((item, failure) -> {
                        String outcome = failure == null ? "200" : outcome(failure);
                        if (failure != null) {
                            LOG.warnf("spotify %s %s", endpoint, switch (outcome) {
                                case "timeout" -> "timed out";
                                case "error" -> "unreachable";
                                default -> "answered " + outcome;
                            });
                        }
                        metrics.upstreamCall(endpoint, outcome, since(start));
                        Spans.end(span, outcome);
                    })
                    .onCancellation().invoke(span::end);
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
