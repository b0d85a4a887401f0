package dev.spotifybff.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Where spans go in tests: Quarkus exports to every SpanExporter bean (and then not over OTLP).
 * Spans exist only in a test whose profile turns tracing on (TracingTest); elsewhere it stays empty.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
