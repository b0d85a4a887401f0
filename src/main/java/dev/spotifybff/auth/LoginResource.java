package dev.spotifybff.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.crypto.Sealers;
import dev.spotifybff.metrics.BffMetrics;
import dev.spotifybff.spotify.SpotifyApp;

/** GET /login: starts the Authorization Code flow with state and PKCE (S256). */
@Path("/login")
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class);

    private final SpotifyApp app;
    private final BffConfig config;
    private final Sealers sealers;
    private final PendingLogins pendingLogins;
    private final SessionCookies cookies;
    private final Clock clock;
    private final BffMetrics metrics;

    LoginResource(SpotifyApp app, BffConfig config, Sealers sealers, PendingLogins pendingLogins,
            SessionCookies cookies, Clock clock, BffMetrics metrics) {
        this.metrics = metrics;
        this.app = app;
        this.config = config;
        this.sealers = sealers;
        this.pendingLogins = pendingLogins;
        this.cookies = cookies;
        this.clock = clock;
    }

    @GET
    public Response login(@QueryParam("returnTo") String returnTo) {
        String state = randomToken();
        String verifier = randomToken();
        PendingLogin pending = new PendingLogin(state, verifier, ReturnTo.orHome(returnTo),
                clock.instant().plus(config.session().loginTimeout()));
        URI authorize = UriBuilder.fromUri(app.accountsUrl()).path("authorize")
                .queryParam("client_id", app.clientId())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", config.redirectUri())
                .queryParam("state", state)
                .queryParam("scope", String.join(" ", config.spotify().scopes()))
                .queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", Pkce.challenge(verifier))
                .build();
        LOG.info("login started");
        metrics.loginStarted();
        return Response.status(Response.Status.FOUND).location(authorize)
                .cookie(cookies.login(pendingLogins.seal(pending), config.session().loginTimeout()))
                .build();
    }

    /** 256 random bits, base64url: used for state and for the PKCE verifier (43 characters). */
    private String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealers.randomBytes(32));
    }
}
