package dev.spotifybff.spotify;

import java.util.OptionalLong;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * Spotify's Web API host (api.spotify.com/v1), non-blocking. Answers stay bytes: {@link SpotifyJson}
 * streams them through the records' allow-lists. The bearer token is an explicit parameter rather
 * than a client filter: it comes from the caller's session, and a parameter cannot leak between
 * requests. URL and timeouts: quarkus.rest-client.spotify-api.* in application.properties.
 */
@RegisterRestClient(configKey = "spotify-api")
@RegisterProvider(UntracedConnections.class)
@Produces(MediaType.APPLICATION_JSON)
public interface SpotifyApiClient {

    @GET
    @Path("/me")
    Uni<byte[]> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization);

    /** type: artists or tracks. */
    @GET
    @Path("/me/top/{type}")
    Uni<byte[]> top(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization, @PathParam("type") String type,
            @QueryParam("time_range") String timeRange, @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/me/playlists")
    Uni<byte[]> myPlaylists(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/playlists/{id}")
    Uni<byte[]> playlist(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization, @PathParam("id") String id);

    @GET
    @Path("/playlists/{id}/items")
    Uni<byte[]> playlistItems(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization,
            @PathParam("id") String id, @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    /** before and after are Unix milliseconds; at most one of them is sent (null ones are left out). */
    @GET
    @Path("/me/player/recently-played")
    Uni<byte[]> recentlyPlayed(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization,
            @QueryParam("limit") int limit, @QueryParam("before") Long before, @QueryParam("after") Long after);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new SpotifyApiException(response.getStatus(), retryAfter(response.getHeaderString("Retry-After")));
    }

    private static OptionalLong retryAfter(String header) {
        try {
            return header == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return OptionalLong.empty();
        }
    }
}
