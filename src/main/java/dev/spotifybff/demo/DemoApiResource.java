package dev.spotifybff.demo;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.spotifybff.spotify.SpotifyApp;
import io.quarkus.arc.profile.IfBuildProfile;

/** The demo Spotify's Web API: sample data for every endpoint the app uses, behind a bearer check. */
@IfBuildProfile("dev")
@Path(SpotifyApp.DEMO_PATH + "/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DemoApiResource {

    private static final String SELF = "https://api.spotify.com/v1";

    private final DemoGrants grants;
    private final DemoCatalog catalog;

    DemoApiResource(DemoGrants grants, DemoCatalog catalog) {
        this.grants = grants;
        this.catalog = catalog;
    }

    @GET
    @Path("/me/top/{type:artists|tracks}")
    public Response top(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("type") String type,
            @QueryParam("time_range") @DefaultValue("medium_term") String range,
            @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        String self = SELF + "/me/top/" + type + "?time_range=" + range + "&";
        return authorized(authorization, () -> "artists".equals(type)
                ? catalog.topArtists(range, limit, offset, self)
                : catalog.topTracks(range, limit, offset, self));
    }

    @GET
    @Path("/me/playlists")
    public Response playlists(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        return authorized(authorization, () -> catalog.playlists(limit, offset, SELF + "/me/playlists?"));
    }

    @GET
    @Path("/playlists/{id}")
    public Response playlist(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return authorized(authorization, () -> catalog.playlist(id));
    }

    @GET
    @Path("/playlists/{id}/items")
    public Response playlistItems(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        return authorized(authorization, () -> catalog.playlist(id) == null ? null
                : catalog.playlistItems(id, limit, offset, SELF + "/playlists/" + id + "/items?"));
    }

    @GET
    @Path("/me/player/recently-played")
    public Response recentlyPlayed(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("before") Long before) {
        return authorized(authorization, () -> catalog.recentlyPlayed(limit, before));
    }

    @GET
    @Path("/me")
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization, DemoApiResource::profile);
    }

    /** 401 in Spotify's error shape for a missing or expired token; 404 when the body is null. */
    private Response authorized(String authorization, java.util.function.Supplier<Object> body) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (!grants.isValidAccessToken(token)) {
            return Response.status(401).entity(Map.of("error",
                    Map.of("status", 401, "message", "The access token expired"))).build();
        }
        Object entity = body.get();
        return entity == null
                ? Response.status(404).entity(Map.of("error", Map.of("status", 404, "message", "Not found"))).build()
                : Response.ok(entity).build();
    }

    private static Object profile() {
        // Like a development-mode app today: no email, country, product or followers.
        return Map.of(
                "id", "demolistener",
                "display_name", "Demo Listener",
                "images", List.of(Map.of("url", "/demo-avatar.svg", "height", 300, "width", 300)),
                "external_urls", Map.of("spotify", "https://open.spotify.com/user/demolistener"),
                "uri", "spotify:user:demolistener",
                "type", "user");
    }
}
