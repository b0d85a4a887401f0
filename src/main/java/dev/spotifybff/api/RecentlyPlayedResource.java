package dev.spotifybff.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.spotifybff.spotify.CursorPaging;
import dev.spotifybff.spotify.PlayHistory;
import dev.spotifybff.spotify.SpotifyApiClient;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.spotifybff.errors.ApiException;

/** GET /api/me/player/recently-played (scope user-read-recently-played), newest first, by cursor. */
@Path("/api/me/player/recently-played")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recently played")
public class RecentlyPlayedResource {

    private static final String PATH = "/api/me/player/recently-played";

    /** As Spotify's cursor page, with next the BFF's URL for older plays (null when there are none). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plays(List<PlayHistory> items, int limit, String next) {
    }

    private final CurrentSession currentSession;
    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;

    RecentlyPlayedResource(CurrentSession currentSession, SpotifyCalls spotify, SpotifyApiClient api) {
        this.currentSession = currentSession;
        this.spotify = spotify;
        this.api = api;
    }

    @GET
    @Operation(summary = "Recently played tracks", description = "limit 1-50 (default 20); before or after: "
            + "a Unix time in milliseconds (at most one of them).")
    public Plays recentlyPlayed(@QueryParam("limit") String limit, @QueryParam("before") String before,
            @QueryParam("after") String after, @Context HttpHeaders headers) {
        int n = Params.limit(limit, 20);
        Long beforeMillis = Params.millis("before", before);
        Long afterMillis = Params.millis("after", after);
        if (beforeMillis != null && afterMillis != null) {
            throw ApiException.invalidRequest("send at most one of before and after");
        }
        CursorPaging<PlayHistory> page = spotify.call(currentSession.require(headers), "/me/player/recently-played",
                bearer -> api.recentlyPlayed(bearer, n, beforeMillis, afterMillis));
        String next = null;
        if (page.next() != null && page.cursors() != null && page.cursors().before() != null) {
            // Encoded by hand: UriBuilder would read a "{" in Spotify's cursor as a template (a 500).
            next = PATH + "?limit=" + n + "&before="
                    + URLEncoder.encode(page.cursors().before(), StandardCharsets.UTF_8);
        }
        return new Plays(page.items() == null ? List.of() : page.items(), n, next);
    }
}
