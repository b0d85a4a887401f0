package dev.spotifybff.api;

import java.util.Map;

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
import dev.spotifybff.spotify.Playlist;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.SpotifyJson;
import io.smallrye.mutiny.Uni;

/**
 * GET /api/me/playlists: the user's playlists (scopes playlist-read-private and
 * playlist-read-collaborative). Its own class: JAX-RS matches /api/me/... against the longest
 * class path first, and MeResource owns /api/me.
 */
@Path("/api/me/playlists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playlists")
public class MyPlaylistsResource {

    private static final JsonShape PLAYLIST = JsonShape.of(Playlist.class);

    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final SpotifyJson json;

    MyPlaylistsResource(SpotifyCalls spotify, @RestClient SpotifyApiClient api, SpotifyJson json) {
        this.spotify = spotify;
        this.api = api;
        this.json = json;
    }

    @GET
    @Operation(summary = "The user's playlists", description = "limit 1-50 (default 20); offset >= 0.")
    @APIResponse(responseCode = "200", description = "A page of playlists",
            content = @Content(schema = @Schema(implementation = Page.Playlists.class)))
    public Uni<byte[]> mine(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int n = Params.limit(limit, 20);
        int from = Params.offset(offset);
        return spotify.get("/me/playlists", bearer -> api.myPlaylists(bearer, n, from),
                body -> json.page(body, PLAYLIST, Page.tail("/api/me/playlists", Map.of(), n, from)));
    }
}
