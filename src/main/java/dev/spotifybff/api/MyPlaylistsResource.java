package dev.spotifybff.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.spotifybff.spotify.Playlist;
import dev.spotifybff.spotify.SpotifyApiClient;

/**
 * GET /api/me/playlists: the user's playlists (scopes playlist-read-private and
 * playlist-read-collaborative). Its own class: JAX-RS matches /api/me/... against the longest
 * class path first, and MeResource owns /api/me.
 */
@Path("/api/me/playlists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playlists")
public class MyPlaylistsResource {

    private final CurrentSession currentSession;
    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;

    MyPlaylistsResource(CurrentSession currentSession, SpotifyCalls spotify, SpotifyApiClient api) {
        this.currentSession = currentSession;
        this.spotify = spotify;
        this.api = api;
    }

    @GET
    @Operation(summary = "The user's playlists", description = "limit 1-50 (default 20); offset >= 0.")
    public Page<Playlist> mine(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context HttpHeaders headers) {
        int n = Params.limit(limit, 20);
        int from = Params.offset(offset);
        return Page.of(spotify.call(currentSession.require(headers), "/me/playlists",
                bearer -> api.myPlaylists(bearer, n, from)), "/api/me/playlists", Map.of(), n, from);
    }
}
