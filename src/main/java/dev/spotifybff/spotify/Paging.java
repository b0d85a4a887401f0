package dev.spotifybff.spotify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Spotify's offset paging object. next is Spotify's own URL: never served as is. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Paging<T>(List<T> items, Integer total, Integer limit, Integer offset, String next) {

    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
