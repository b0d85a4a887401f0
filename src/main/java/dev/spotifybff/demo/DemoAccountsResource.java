package dev.spotifybff.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import dev.spotifybff.spotify.SpotifyApp;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The demo Spotify's accounts host, for dev mode without CLIENT_ID: a consent page where the user
 * continues as a demo listener or denies, and a token endpoint that checks Basic auth and PKCE like
 * Spotify's. Built only in dev mode, and left out of every packaged artifact.
 */
@IfBuildProfile("dev")
@Path(SpotifyApp.DEMO_PATH)
public class DemoAccountsResource {

    private final DemoGrants grants;

    DemoAccountsResource(DemoGrants grants) {
        this.grants = grants;
    }

    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    public String consentPage(@QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
            @QueryParam("scope") String scope, @QueryParam("code_challenge") String codeChallenge) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo Spotify - Log in</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" type="image/svg+xml" href="/favicon.svg">
                <link rel="stylesheet" href="%1$s/consent.css"></head>
                <body><main><h1>Demo Spotify</h1>
                <p class="muted">This is the built-in stand-in for Spotify's consent page (dev mode, no CLIENT_ID set).</p>
                <p>Spotify BFF asks for:</p>
                <ul class="scopes">%2$s</ul>
                <form method="post" action="%1$s/authorize">
                <input type="hidden" name="redirect_uri" value="%3$s"><input type="hidden" name="state" value="%4$s">
                <input type="hidden" name="scope" value="%5$s"><input type="hidden" name="code_challenge" value="%6$s">
                <button type="submit" name="decision" value="allow" class="allow">Continue as Demo Listener</button>
                <button type="submit" name="decision" value="deny">Deny</button>
                </form></main></body></html>
                """.formatted(SpotifyApp.DEMO_PATH, scopeItems(scope), html(redirectUri), html(state), html(scope),
                html(codeChallenge));
    }

    /** One list item per scope, so a narrow screen wraps between scopes, never inside one. */
    private static String scopeItems(String scope) {
        StringBuilder items = new StringBuilder();
        for (String one : (scope == null ? "" : scope).trim().split("\\s+")) {
            if (!one.isEmpty()) {
                items.append("<li><code>").append(html(one)).append("</code></li>");
            }
        }
        return items.toString();
    }

    /** The app's look (webui's colours and buttons), as a file: the CSP allows no inline style. */
    @GET
    @Path("/consent.css")
    @Produces("text/css")
    public String consentStyle() {
        return """
                :root { color-scheme: dark; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
                  color: #f2f2f2; background: #121212; line-height: 1.5; }
                body { margin: 0; }
                main { max-width: 32rem; margin: 0 auto; padding: 3rem 1.25rem; text-align: center; }
                h1 { color: #1ed760; margin: 0 0 0.5rem; }
                .muted { color: #a7a7a7; }
                .scopes { list-style: none; padding: 0; margin: 0 0 2rem; display: flex; flex-wrap: wrap;
                  justify-content: center; gap: 0.5rem; }
                .scopes code { display: inline-block; background: #1e1e1e; border-radius: 999px; padding: 0.2rem 0.75rem;
                  white-space: nowrap; }
                form { display: flex; flex-wrap: wrap; justify-content: center; gap: 0.75rem; }
                button { font: inherit; font-weight: 700; border-radius: 999px; padding: 0.75rem 1.6rem; cursor: pointer;
                  background: transparent; color: #f2f2f2; border: 1px solid #727272; }
                button.allow { background: #1ed760; color: #000; border: 0; }
                button:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
                """;
    }

    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("decision") String decision, @FormParam("redirect_uri") String redirectUri,
            @FormParam("state") String state, @FormParam("scope") String scope,
            @FormParam("code_challenge") String codeChallenge) {
        UriBuilder back = UriBuilder.fromUri(URI.create(redirectUri)).queryParam("state", state);
        if (!"allow".equals(decision)) {
            return Response.seeOther(back.queryParam("error", "access_denied").build()).build();
        }
        String code = grants.issueCode(codeChallenge, redirectUri, scope);
        return Response.seeOther(back.queryParam("code", code).build()).build();
    }

    @POST
    @Path("/api/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code_verifier") String codeVerifier,
            @FormParam("refresh_token") String refreshToken) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (SpotifyApp.DEMO_CLIENT_ID + ":" + SpotifyApp.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return error(401, "invalid_client");
        }
        if ("authorization_code".equals(grantType)) {
            return grants.redeemCode(code)
                    .filter(c -> c.redirectUri().equals(redirectUri))
                    .filter(c -> codeVerifier != null && c.codeChallenge().equals(Pkce.challenge(codeVerifier)))
                    .map(c -> tokens(c.scope(), grants.issueRefreshToken(c.scope())))
                    .orElseGet(() -> error(400, "invalid_grant"));
        }
        if ("refresh_token".equals(grantType)) {
            // Like Spotify, often no new refresh_token: the client keeps the one it has.
            return grants.scopeOfRefreshToken(refreshToken)
                    .map(scope -> tokens(scope, null))
                    .orElseGet(() -> error(400, "invalid_grant"));
        }
        return error(400, "unsupported_grant_type");
    }

    private Response tokens(String scope, String refreshToken) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("access_token", grants.issueAccessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", DemoGrants.ACCESS_TOKEN_SECONDS);
        body.put("scope", scope == null ? "" : scope);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return Response.ok(body).build();
    }

    private static Response error(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", error)).build();
    }

    private static String html(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
