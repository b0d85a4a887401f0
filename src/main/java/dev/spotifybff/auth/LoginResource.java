package dev.spotifybff.auth;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;

/**
 * GET /login[?returnTo=/local/path]. The path is protected (application.properties), so quarkus-oidc
 * answers an anonymous request itself: a 302 to Spotify's /authorize with state and PKCE, the
 * request's path and query kept in its encrypted state cookie. After /callback it redirects back
 * here with its hand-off cookie (see {@link SessionTokenStateManager}), and only then does this
 * method run: it ends the hand-off and sends the browser to returnTo, a local path or "/".
 */
@Path("/login")
public class LoginResource {

    private final OidcSession handoff;

    LoginResource(OidcSession handoff) {
        this.handoff = handoff;
    }

    @GET
    public Uni<Response> loggedIn(@QueryParam("returnTo") String returnTo) {
        return handoff.logout().map(done -> Response.status(Response.Status.FOUND)
                .location(URI.create(ReturnTo.orHome(returnTo))).build());
    }
}
