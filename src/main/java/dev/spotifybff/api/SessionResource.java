package dev.spotifybff.api;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * GET /api/session: whether this browser is logged in, always 200, so the SPA's first probe of a
 * logged-out visitor is not a 401 (a red line in every browser console). Calls no Spotify API;
 * like any API call it restarts the session's idle timeout. /api/me keeps answering 401.
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class SessionResource {

    /** {"authenticated": false}, or true with the scopes the user granted. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionStatus(boolean authenticated, List<String> scopes) {

        static final SessionStatus ANONYMOUS = new SessionStatus(false, null);

        static SessionStatus of(String scope) {
            return new SessionStatus(true, scope == null || scope.isBlank() ? List.of()
                    : Arrays.stream(scope.trim().split("\\s+")).sorted().toList());
        }
    }

    private final CurrentSession currentSession;

    SessionResource(CurrentSession currentSession) {
        this.currentSession = currentSession;
    }

    @GET
    @Operation(summary = "Whether this browser has a session",
            description = "Always 200: {\"authenticated\": false}, or {\"authenticated\": true, \"scopes\": [...]}.")
    public Uni<SessionStatus> session() {
        return currentSession.find().map(found -> found.map(active -> SessionStatus.of(active.session().scope()))
                .orElse(SessionStatus.ANONYMOUS));
    }
}
