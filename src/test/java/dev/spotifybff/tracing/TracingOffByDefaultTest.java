package dev.spotifybff.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without OTEL_EXPORTER_OTLP_ENDPOINT tracing is off: the BFF's spans are OpenTelemetry's no-op ones
 * (and Quarkus switches its own instrumentation off).
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TracingOffByDefaultTest {

    @Inject
    Spans spans;

    @Test
    void without_an_otlp_endpoint_no_span_is_recorded() {
        Span probe = spans.start("probe", SpanKind.INTERNAL, Context.root());
        try {
            assertFalse(probe.isRecording());
        } finally {
            probe.end();
        }
    }
}
