package dev.spotifybff.tracing;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

/**
 * The BFF's own spans, children of the request's span: session lookup, cache, token refresh and
 * each Spotify call. The parent is passed explicitly: part of a request runs on a worker thread,
 * where the request's context is not current. Attributes are fixed vocabularies (statuses, route
 * templates), never a token, cookie, code, session id or email; a failure is recorded by its kind,
 * never its message. With tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT) the tracer is OpenTelemetry's
 * no-op and every span here costs a method call.
 */
@Singleton
public class Spans {

    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;
    private final boolean off;

    /**
     * With quarkus.otel.sdk.disabled Quarkus switches its own instrumentation off but still hands out
     * an SDK tracer, whose spans would be recorded and dropped; the no-op tracer makes nothing.
     */
    Spans(Tracer tracer, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean disabled) {
        this.tracer = disabled ? TracerProvider.noop().get("spotify-bff") : tracer;
        this.off = disabled;
    }

    /** The context of the code running now: on a request's thread, the request's span. */
    public static Context current() {
        return Context.current();
    }

    /**
     * work, under a span named name: work gets the span's context (the parent of its own spans), and
     * describe adds the result's attributes before the span ends.
     */
    public <T> Uni<T> around(String name, SpanKind kind, Context parent, Function<Context, Uni<T>> work,
            BiConsumer<Span, T> describe) {
        if (off) {
            return work.apply(parent); // no span, and none of the three operators below on the hot path
        }
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
            return work.apply(parent.with(span))
                    .onItemOrFailure().invoke((item, failure) -> {
                        if (failure == null) {
                            describe.accept(span, item);
                        } else {
                            failed(span, failure);
                        }
                        span.end();
                    })
                    .onCancellation().invoke(span::end);
        });
    }

    /** A span started now, for a caller that ends it itself (with {@link #end}). */
    public Span start(String name, SpanKind kind, Context parent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** Ends an HTTP client span with its outcome: the status answered, or "timeout"/"error" (no answer). */
    public static void end(Span span, String outcome) {
        if (!span.isRecording()) { // tracing off, or not sampled: no attributes to parse the outcome for
            span.end();
            return;
        }
        if (Character.isDigit(outcome.charAt(0))) {
            span.setAttribute(STATUS, Long.parseLong(outcome));
        }
        if (!outcome.startsWith("2")) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, outcome);
        }
        span.end();
    }

    /** A span for blocking work on this thread, current while it runs (so spans inside become its children). */
    public <T> T during(String name, Context parent, Supplier<T> work) {
        Span span = tracer.spanBuilder(name).setParent(parent).startSpan();
        try (var scope = parent.with(span).makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(ERROR_TYPE, failure instanceof Kind kind ? kind.kind() : failure.getClass().getSimpleName());
    }

    /** A failure that names its own kind for a span (an error code), instead of its class. */
    public interface Kind {
        String kind();
    }
}
