package dev.spotifybff.spotify;

import jakarta.ws.rs.ext.ContextResolver;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The REST clients' HTTP connections make no spans of their own: Upstream traces every call (method,
 * route template, status), and Vert.x's span of the same exchange would repeat it, query string
 * included, beside it rather than under it. The clients' configured timeouts are applied over these
 * options.
 */
public class UntracedConnections implements ContextResolver<HttpClientOptions> {

    @Override
    public HttpClientOptions getContext(Class<?> type) {
        return new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE);
    }
}
