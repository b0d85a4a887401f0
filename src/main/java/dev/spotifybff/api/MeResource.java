package dev.spotifybff.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.spotifybff.spotify.JsonShape;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.SpotifyJson;
import dev.spotifybff.spotify.SpotifyUser;
import io.smallrye.mutiny.Uni;

/**
 * GET /api/me: the user's Spotify profile with Spotify's field names, only those the record lists,
 * whatever else Spotify adds; cached per session (ResponseCache).
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profile")
public class MeResource {

    private static final JsonShape USER = JsonShape.of(SpotifyUser.class);

    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final SpotifyJson json;

    MeResource(SpotifyCalls spotify, @RestClient SpotifyApiClient api, SpotifyJson json) {
        this.spotify = spotify;
        this.api = api;
        this.json = json;
    }

    @GET
    @Operation(summary = "The logged-in user's Spotify profile",
            description = "Spotify's field names; fields Spotify does not return (development-mode apps get no "
                    + "email, country, product, followers) are omitted.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = SpotifyUser.class)))
    public Uni<byte[]> me() {
        return spotify.cached("/me", "/me", api::me, body -> json.object(body, USER));
    }
}
