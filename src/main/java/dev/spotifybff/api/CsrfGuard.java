package dev.spotifybff.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.spotifybff.errors.ErrorCode;

/**
 * CSRF defence from the IETF browser-based-apps draft: every /api call and the logout must carry the
 * static header X-CSRF: 1. A cross-site form or image cannot set a custom header, and a cross-site
 * fetch that sets one needs a CORS preflight, which this BFF never grants.
 */
public class CsrfGuard {

    public static final String HEADER = "X-CSRF";

    @ServerRequestFilter(preMatching = true)
    public Response requireHeader(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean guarded = path.equals("/api") || path.startsWith("/api/")
                || (path.equals("/logout") && "POST".equals(request.getMethod()));
        if (guarded && !"1".equals(request.getHeaderString(HEADER))) {
            return Response.status(ErrorCode.CSRF_HEADER_MISSING.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorCode.CSRF_HEADER_MISSING.body())
                    .build();
        }
        return null;
    }
}
