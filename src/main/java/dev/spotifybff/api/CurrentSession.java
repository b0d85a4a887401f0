package dev.spotifybff.api;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import dev.spotifybff.auth.SessionCookies;
import dev.spotifybff.errors.ApiException;
import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.session.Sessions;
import dev.spotifybff.tracing.Spans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The session behind the current request's cookie, or 401 login_required (never a redirect). Reads
 * the request itself, so no resource threads its headers through. During a secret rotation, a
 * cookie sealed with the previous secret is re-sealed with the new one on its next use.
 * <p>
 * Call it from the resource method, on the request's thread: the request is read at once, and
 * what follows (the store's answer, perhaps a worker) never touches request-scoped beans.
 */
@ApplicationScoped
public class CurrentSession {

    private static final AttributeKey<Boolean> FOUND = AttributeKey.booleanKey("bff.session.found");

    private final SessionCookies cookies;
    private final Sessions sessions;
    private final CurrentVertxRequest request;
    private final boolean rotating;
    private final Spans spans;

    CurrentSession(SessionCookies cookies, Sessions sessions, CurrentVertxRequest request, Spans spans) {
        this.cookies = cookies;
        this.sessions = sessions;
        this.request = request;
        this.spans = spans;
        this.rotating = sessions.cookieSecretRotating();
    }

    public Uni<ActiveSession> require() {
        return find().map(active -> active.orElseThrow(ApiException::loginRequired));
    }

    /** The session, or empty when there is none: for the one endpoint where that is an answer, not an error. */
    public Uni<Optional<ActiveSession>> find() {
        RoutingContext current = request.getCurrent(); // the request itself, not a request-scoped proxy
        Optional<String> cookie = cookies.read(current.request());
        if (cookie.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Uni<Optional<ActiveSession>> active = spans.around("session lookup", SpanKind.INTERNAL, Spans.current(),
                context -> sessions.resolve(cookie.get()), (span, found) -> span.setAttribute(FOUND, found.isPresent()));
        if (!rotating || !sessions.cookieNeedsResealing(cookie.get())) {
            return active;
        }
        return active.invoke(found -> found.ifPresent(session -> current.response().headers()
                .add(HttpHeaders.SET_COOKIE, cookies.session(sessions.cookieValue(session.id())))));
    }
}
