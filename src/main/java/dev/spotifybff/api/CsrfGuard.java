package dev.spotifybff.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.spotifybff.errors.ErrorCode;
import io.vertx.core.http.HttpServerRequest;

/**
 * CSRF defence from the IETF browser-based-apps draft: every /api call and every state-changing
 * request (POST /logout) must carry the static header X-CSRF: 1. A cross-site form or image cannot
 * set a custom header, and a cross-site fetch that sets one needs a CORS preflight, which this BFF
 * never grants.
 * <p>
 * The path is judged in its normal form (escapes decoded, matrix parameters, empty and dot segments
 * dropped), because the router forgives spellings such as /logout/, /logout;x, //logout or
 * /%6cogout; and every method but GET, HEAD and OPTIONS is guarded wherever it goes, so no spelling
 * of a state-changing path gets past. Only the dev-mode demo Spotify's token endpoint (called
 * server to server) is exempt.
 */
public class CsrfGuard {

    public static final String HEADER = "X-CSRF";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response requireHeader(HttpServerRequest request) {
        // Vert.x's raw path, not UriInfo's request URI: that one builds and parses a java.net.URI on
        // every request for the same path (4 % of a cached /api/me's CPU samples in the profile
        // BENCHMARKS.md quotes).
        String path = normalize(request.path());
        boolean guarded = path.equals("/api") || path.startsWith("/api/")
                || (!SAFE_METHODS.contains(request.method().name()) && !path.startsWith("/demo-spotify/"));
        if (guarded && !"1".equals(request.getHeader(HEADER))) {
            return Response.status(ErrorCode.CSRF_HEADER_MISSING.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorCode.CSRF_HEADER_MISSING.body())
                    .build();
        }
        return null;
    }

    /** The path as a router could understand it; an undecodable one is guarded like /api. */
    static String normalize(String rawPath) {
        if (rawPath == null) {
            return "/";
        }
        return isNormal(rawPath) ? rawPath : decodeSegments(rawPath); // nearly every request: nothing to decode or drop
    }

    static String decodeSegments(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            int matrix = segment.indexOf(';');
            String name = matrix >= 0 ? segment.substring(0, matrix) : segment;
            try {
                name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return "/api";
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.addLast(name);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Already in normal form: letters, digits, '-', '_' and single slashes, no slash at the end. */
    static boolean isNormal(String rawPath) {
        int length = rawPath.length();
        if (length == 0 || rawPath.charAt(0) != '/' || (length > 1 && rawPath.charAt(length - 1) == '/')) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = rawPath.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!plain && (c != '/' || rawPath.charAt(i - 1) == '/')) {
                return false;
            }
        }
        return true;
    }
}
