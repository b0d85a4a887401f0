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

import dev.spotifybff.spotify.Artist;
import dev.spotifybff.spotify.JsonShape;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.SpotifyJson;
import dev.spotifybff.spotify.Track;
import io.smallrye.mutiny.Uni;

/**
 * GET /api/me/top/artists and /api/me/top/tracks: the user's top items (scope user-top-read),
 * cached per session (ResponseCache): they change over days, not seconds.
 */
@Path("/api/me/top")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Top items")
public class TopItemsResource {

    private static final JsonShape ARTIST = JsonShape.of(Artist.class);
    private static final JsonShape TRACK = JsonShape.of(Track.class);

    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final SpotifyJson json;

    TopItemsResource(SpotifyCalls spotify, @RestClient SpotifyApiClient api, SpotifyJson json) {
        this.spotify = spotify;
        this.api = api;
        this.json = json;
    }

    @GET
    @Path("/artists")
    @Operation(summary = "Top artists", description = "time_range: short_term (4 weeks), medium_term (6 months, "
            + "default), long_term (about a year); limit 1-50 (default 20); offset >= 0.")
    @APIResponse(responseCode = "200", description = "A page of artists",
            content = @Content(schema = @Schema(implementation = Page.Artists.class)))
    public Uni<byte[]> artists(@QueryParam("time_range") String timeRange, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return top("artists", ARTIST, timeRange, limit, offset);
    }

    @GET
    @Path("/tracks")
    @Operation(summary = "Top tracks", description = "Same parameters as top artists.")
    @APIResponse(responseCode = "200", description = "A page of tracks",
            content = @Content(schema = @Schema(implementation = Page.Tracks.class)))
    public Uni<byte[]> tracks(@QueryParam("time_range") String timeRange, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return top("tracks", TRACK, timeRange, limit, offset);
    }

    private Uni<byte[]> top(String type, JsonShape item, String timeRange, String limit, String offset) {
        String range = Params.timeRange(timeRange);
        int n = Params.limit(limit, 20);
        int from = Params.offset(offset);
        return spotify.cached("/me/top/" + type + "?" + range + "&" + n + "&" + from, "/me/top/" + type,
                bearer -> api.top(bearer, type, range, n, from), body -> json.page(body, item,
                        Page.tail("/api/me/top/" + type, Map.of("time_range", range), n, from)));
    }
}
