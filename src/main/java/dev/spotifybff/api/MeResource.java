package dev.spotifybff.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.spotifybff.session.ActiveSession;
import dev.spotifybff.spotify.SpotifyApiClient;
import dev.spotifybff.spotify.SpotifyUser;

/**
 * GET /api/me: the user's Spotify profile with Spotify's field names. Served as the typed record,
 * so only the listed fields pass, whatever else Spotify adds; cached per session (ResponseCache).
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profile")
public class MeResource {

    private final CurrentSession currentSession;
    private final SpotifyCalls spotify;
    private final SpotifyApiClient api;
    private final ResponseCache cache;

    MeResource(CurrentSession currentSession, SpotifyCalls spotify, SpotifyApiClient api, ResponseCache cache) {
        this.currentSession = currentSession;
        this.spotify = spotify;
        this.api = api;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "The logged-in user's Spotify profile",
            description = "Spotify's field names; fields Spotify does not return (development-mode apps get no "
                    + "email, country, product, followers) are omitted.")
    public SpotifyUser me(@Context HttpHeaders headers) {
        ActiveSession session = currentSession.require(headers);
        return cache.get(session.id(), "/me", () -> spotify.call(session, "/me", api::me));
    }
}
