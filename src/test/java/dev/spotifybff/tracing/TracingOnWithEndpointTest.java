package dev.spotifybff.tracing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Setting OTEL_EXPORTER_OTLP_ENDPOINT alone turns tracing on (here the spans go to InMemorySpans). */
@QuarkusTest
@TestProfile(TracingOnWithEndpointTest.EndpointSet.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TracingOnWithEndpointTest {

    public static class EndpointSet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317");
        }
    }

    @Inject
    Spans spans;

    @Test
    void with_an_otlp_endpoint_spans_are_recorded() {
        Span probe = spans.start("probe", SpanKind.INTERNAL, Context.root());
        try {
            assertTrue(probe.isRecording());
        } finally {
            probe.end();
        }
    }
}
