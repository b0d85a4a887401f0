package dev.spotifybff.tracing;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps query values out of every span: Quarkus's HTTP spans record the query string, and
 * /callback's carries Spotify's authorization code and the login's state. Parameter names stay, so
 * a trace still shows what was asked. Quarkus adds every SpanProcessor bean to the tracer; the
 * instrumentation sets these attributes before the span starts, so onStart sees and replaces them.
 */
@Singleton
public class RedactedQueries implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, redact(query));
        }
        String full = span.getAttribute(URL_FULL);
        int mark = full == null ? -1 : full.indexOf('?');
        if (mark >= 0) {
            span.setAttribute(URL_FULL, full.substring(0, mark + 1) + redact(full.substring(mark + 1)));
        }
    }

    /** a=1&b=2 becomes a=REDACTED&b=REDACTED. */
    static String redact(String query) {
        StringBuilder redacted = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (redacted.length() > 0) {
                redacted.append('&');
            }
            int equals = pair.indexOf('=');
            redacted.append(equals < 0 ? pair : pair.substring(0, equals) + "=REDACTED");
        }
        return redacted.toString();
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
