package dev.spotifybff.spotify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * Spotify's accounts host (accounts.spotify.com): the refresh grant at the token endpoint, with HTTP
 * Basic client auth. URL and timeouts: quarkus.rest-client.spotify-accounts.* in application.properties.
 */
@RegisterRestClient(configKey = "spotify-accounts")
@RegisterProvider(UntracedConnections.class)
@Path("/api/token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface SpotifyAccountsClient {

    @POST
    Uni<TokenResponse> refresh(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String basicAuthorization,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() >= 500) {
            return new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, response.getStatus(),
                    "token endpoint answered " + response.getStatus());
        }
        String error = "unknown";
        try {
            JsonNode body = new ObjectMapper().readTree(response.readEntity(String.class));
            error = body.path("error").asText("unknown");
        } catch (Exception notJson) {
            // keep "unknown": the status alone decides below
        }
        TokenEndpointException.Kind kind = "invalid_grant".equals(error)
                ? TokenEndpointException.Kind.INVALID_GRANT
                : TokenEndpointException.Kind.REJECTED;
        return new TokenEndpointException(kind, response.getStatus(),
                "token endpoint answered " + response.getStatus() + " " + error);
    }
}
