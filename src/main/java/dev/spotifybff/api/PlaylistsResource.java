package dev.spotifybff.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import dev.spotifybff.spotify.PlaylistItem;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.SpotifyJson;
import io.smallrye.mutiny.Uni;

/**
 * One playlist and its items (scopes playlist-read-private and playlist-read-collaborative). The
 * id is checked as a Spotify id (base62, 22 characters) before any call.
 */
@Path("/api/playlists/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playlists")
public class PlaylistsResource {

    private static final JsonShape PLAYLIST = JsonShape.of(Playlist.class);
    private static final JsonShape ITEM = JsonShape.of(PlaylistItem.class);

    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final SpotifyJson json;

    PlaylistsResource(SpotifyCalls spotify, @RestClient SpotifyApiClient api, SpotifyJson json) {
        this.spotify = spotify;
        this.api = api;
        this.json = json;
    }

    @GET
    @Operation(summary = "One playlist (without its items)")
    @APIResponse(responseCode = "200", description = "The playlist",
            content = @Content(schema = @Schema(implementation = Playlist.class)))
    public Uni<byte[]> playlist(@PathParam("id") String id) {
        String playlistId = Params.spotifyId(id);
        return spotify.get("/playlists/{id}", bearer -> api.playlist(bearer, playlistId),
                body -> json.object(body, PLAYLIST));
    }

    @GET
    @Path("/items")
    @Operation(summary = "A playlist's items", description = "limit 1-50 (default 50); offset >= 0. item is null "
            + "for removed or local tracks.")
    @APIResponse(responseCode = "200", description = "A page of playlist items",
            content = @Content(schema = @Schema(implementation = Page.PlaylistItems.class)))
    public Uni<byte[]> items(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        String playlistId = Params.spotifyId(id);
        int n = Params.limit(limit, 50);
        int from = Params.offset(offset);
        return spotify.get("/playlists/{id}/items", bearer -> api.playlistItems(bearer, playlistId, n, from),
                body -> json.page(body, ITEM, Page.tail("/api/playlists/" + playlistId + "/items", Map.of(), n, from)));
    }
}
