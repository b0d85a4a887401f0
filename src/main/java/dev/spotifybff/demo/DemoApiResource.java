package dev.spotifybff.demo;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.spotifybff.spotify.SpotifyApp;
import io.quarkus.arc.profile.IfBuildProfile;

/** The demo Spotify's Web API: sample data behind a bearer check, with Spotify's error shape. */
@IfBuildProfile("dev")
@Path(SpotifyApp.DEMO_PATH + "/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DemoApiResource {

    private final DemoGrants grants;

    DemoApiResource(DemoGrants grants) {
        this.grants = grants;
    }

    @GET
    @Path("/me")
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (!grants.isValidAccessToken(token)) {
            return Response.status(401).entity(Map.of("error",
                    Map.of("status", 401, "message", "The access token expired"))).build();
        }
        // Like a development-mode app today: no email, country, product or followers.
        return Response.ok(Map.of(
                "id", "demolistener",
                "display_name", "Demo Listener",
                "images", List.of(Map.of("url", "/demo-avatar.svg", "height", 300, "width", 300)),
                "external_urls", Map.of("spotify", "https://open.spotify.com/user/demolistener"),
                "uri", "spotify:user:demolistener",
                "type", "user")).build();
    }
}
