package dev.spotifybff.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.spotifybff.spotify.Paging;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A page as the SPA gets it: Spotify's items, total, limit and offset, and next, the BFF's own URL
 * for the following page (null on the last one). Spotify's next URL is never passed on: the SPA
 * only ever calls this backend.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, Integer total, int limit, int offset, String next) {

    static <T> Page<T> of(Paging<T> spotify, String path, Map<String, String> params, int limit, int offset) {
        String next = null;
        if (spotify.next() != null) {
            UriBuilder uri = UriBuilder.fromPath(path);
            params.forEach(uri::queryParam);
            next = uri.queryParam("limit", limit).queryParam("offset", offset + limit).build().toString();
        }
        return new Page<>(spotify.itemsOrEmpty(), spotify.total(), limit, offset, next);
    }
}
