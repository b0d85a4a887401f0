package dev.spotifybff.tracing;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.prometheus.client.exemplars.ExemplarSampler;
import io.quarkus.micrometer.runtime.export.exemplars.OpentelemetryExemplarSamplerProvider;

/**
 * Prometheus exemplars (a trace id beside a metric's sample) only while traces are recorded. With
 * quarkus-opentelemetry present, quarkus-micrometer always installs a sampler that looks up the
 * current span on every meter update, several per request; with tracing off it never finds one, and
 * the lookups cost about half a percent of an uncached request's CPU (BENCHMARKS.md). This
 * alternative to Quarkus's producer (a CDI extension point) keeps Quarkus's own sampler when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set, and installs none otherwise.
 */
public class ExemplarsOnlyWhenTracing {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Optional<ExemplarSampler> exemplarSampler(@ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        return tracingOff ? Optional.empty() : new OpentelemetryExemplarSamplerProvider().exemplarSampler();
    }
}
