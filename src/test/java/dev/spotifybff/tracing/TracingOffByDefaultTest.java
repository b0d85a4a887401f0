package dev.spotifybff.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.prometheus.client.exemplars.ExemplarSampler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without OTEL_EXPORTER_OTLP_ENDPOINT tracing is off: the BFF's spans are OpenTelemetry's no-op ones
 * (and Quarkus switches its own instrumentation off), and no meter update looks for a span to name
 * as its exemplar.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TracingOffByDefaultTest {

    @Inject
    Spans spans;

    @Inject
    Optional<ExemplarSampler> exemplars;

    @Test
    void without_an_otlp_endpoint_no_span_is_recorded() {
        Span probe = spans.start("probe", SpanKind.INTERNAL, Context.root());
        try {
            assertFalse(probe.isRecording());
        } finally {
            probe.end();
        }
    }

    @Test
    void without_an_otlp_endpoint_metrics_have_no_exemplar_sampler() {
        assertTrue(exemplars.isEmpty());
    }
}
