package dev.spotifybff.spotify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Spotify's cursor paging (recently played): older items are fetched with before=cursors.before. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CursorPaging<T>(List<T> items, Integer limit, String next, Cursors cursors) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cursors(String after, String before) {
    }
}
