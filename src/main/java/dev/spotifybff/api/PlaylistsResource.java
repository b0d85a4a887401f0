package dev.spotifybff.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.spotifybff.spotify.Playlist;
import dev.spotifybff.spotify.PlaylistItem;
import dev.spotifybff.spotify.SpotifyApiClient;

/**
 * One playlist and its items (scopes playlist-read-private and playlist-read-collaborative). The
 * id is checked as a Spotify id (base62, 22 characters) before any call.
 */
@Path("/api/playlists/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playlists")
public class PlaylistsResource {

    private final CurrentSession currentSession;
    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;

    PlaylistsResource(CurrentSession currentSession, SpotifyCalls spotify, SpotifyApiClient api) {
        this.currentSession = currentSession;
        this.spotify = spotify;
        this.api = api;
    }

    @GET
    @Operation(summary = "One playlist (without its items)")
    public Playlist playlist(@PathParam("id") String id, @Context HttpHeaders headers) {
        String playlistId = Params.spotifyId(id);
        return spotify.call(currentSession.require(headers), "/playlists/{id}",
                bearer -> api.playlist(bearer, playlistId));
    }

    @GET
    @Path("/items")
    @Operation(summary = "A playlist's items", description = "limit 1-50 (default 50); offset >= 0. item is null "
            + "for removed or local tracks.")
    public Page<PlaylistItem> items(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context HttpHeaders headers) {
        String playlistId = Params.spotifyId(id);
        int n = Params.limit(limit, 50);
        int from = Params.offset(offset);
        return Page.of(spotify.call(currentSession.require(headers), "/playlists/{id}/items",
                bearer -> api.playlistItems(bearer, playlistId, n, from)), "/api/playlists/" + playlistId + "/items",
                Map.of(), n, from);
    }
}
