package dev.spotifybff.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.spotifybff.spotify.JsonShape;
import dev.spotifybff.spotify.PlayHistory;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.SpotifyJson;
import io.smallrye.mutiny.Uni;
import dev.spotifybff.errors.ApiException;

/** GET /api/me/player/recently-played (scope user-read-recently-played), newest first, by cursor. */
@Path("/api/me/player/recently-played")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recently played")
public class RecentlyPlayedResource {

    private static final String PATH = "/api/me/player/recently-played";

    /**
     * As Spotify's cursor page, with next the BFF's URL for older plays (absent when there are none).
     * The answer is streamed; this record only describes it in OpenAPI.
     */
    @Schema(name = "RecentlyPlayedPage")
    record Plays(List<PlayHistory> items, int limit, String next) {
    }

    private static final JsonShape PLAY = JsonShape.of(PlayHistory.class);

    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final SpotifyJson json;

    RecentlyPlayedResource(SpotifyCalls spotify, @RestClient SpotifyApiClient api, SpotifyJson json) {
        this.spotify = spotify;
        this.api = api;
        this.json = json;
    }

    @GET
    @Operation(summary = "Recently played tracks", description = "limit 1-50 (default 20); before or after: "
            + "a Unix time in milliseconds (at most one of them).")
    @APIResponse(responseCode = "200", description = "A page of plays, newest first",
            content = @Content(schema = @Schema(implementation = Plays.class)))
    public Uni<byte[]> recentlyPlayed(@QueryParam("limit") String limit, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        int n = Params.limit(limit, 20);
        Long beforeMillis = Params.millis("before", before);
        Long afterMillis = Params.millis("after", after);
        if (beforeMillis != null && afterMillis != null) {
            throw ApiException.invalidRequest("send at most one of before and after");
        }
        return spotify.get("/me/player/recently-played", bearer -> api.recentlyPlayed(bearer, n, beforeMillis, afterMillis),
                body -> json.page(body, PLAY, (envelope, out) -> {
                    out.writeNumberField("limit", n);
                    if (envelope.hasNext() && envelope.cursorBefore() != null) {
                        // Encoded by hand: UriBuilder would read a "{" in Spotify's cursor as a template (a 500).
                        out.writeStringField("next", PATH + "?limit=" + n + "&before="
                                + URLEncoder.encode(envelope.cursorBefore(), StandardCharsets.UTF_8));
                    }
                }));
    }
}
