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

import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.spotify.Artist;
import dev.spotifybff.spotify.Paging;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.Track;

/**
 * GET /api/me/top/artists and /api/me/top/tracks: the user's top items (scope user-top-read),
 * cached per session (ResponseCache): they change over days, not seconds.
 */
@Path("/api/me/top")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Top items")
public class TopItemsResource {

    private final CurrentSession currentSession;
    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final ResponseCache cache;

    TopItemsResource(CurrentSession currentSession, SpotifyCalls spotify, SpotifyApiClient api, ResponseCache cache) {
        this.currentSession = currentSession;
        this.spotify = spotify;
        this.api = api;
        this.cache = cache;
    }

    @GET
    @Path("/artists")
    @Operation(summary = "Top artists", description = "time_range: short_term (4 weeks), medium_term (6 months, "
            + "default), long_term (about a year); limit 1-50 (default 20); offset >= 0.")
    public Page<Artist> artists(@QueryParam("time_range") String timeRange, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context HttpHeaders headers) {
        return top("artists", timeRange, limit, offset, headers, api::topArtists);
    }

    @GET
    @Path("/tracks")
    @Operation(summary = "Top tracks", description = "Same parameters as top artists.")
    public Page<Track> tracks(@QueryParam("time_range") String timeRange, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context HttpHeaders headers) {
        return top("tracks", timeRange, limit, offset, headers, api::topTracks);
    }

    /** One of Spotify's two top lists: the client method takes bearer, time range, limit and offset. */
    private interface TopCall<T> {
        Paging<T> fetch(String bearer, String timeRange, int limit, int offset);
    }

    private <T> Page<T> top(String type, String timeRange, String limit, String offset, HttpHeaders headers,
            TopCall<T> call) {
        String range = Params.timeRange(timeRange);
        int n = Params.limit(limit, 20);
        int from = Params.offset(offset);
        ActiveSession session = currentSession.require(headers);
        return cache.get(session.id(), "/me/top/" + type + "?" + range + "&" + n + "&" + from,
                () -> Page.of(spotify.call(session, "/me/top/" + type, bearer -> call.fetch(bearer, range, n, from)),
                        "/api/me/top/" + type, Map.of("time_range", range), n, from));
    }
}
