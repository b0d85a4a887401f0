package dev.spotifybff.spotify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A playlist, simplified (in /me/playlists) or full (/playlists/{id}). Spotify renamed the item
 * count's field from tracks to items in 2026; both are read, and served as items.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Playlist(String id, String name, String description, List<Image> images, Owner owner,
        @JsonAlias("tracks") ItemCount items, @JsonProperty("public") Boolean isPublic, Boolean collaborative,
        @JsonProperty("external_urls") ExternalUrls externalUrls, String uri) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Owner(String id, @JsonProperty("display_name") String displayName) {
    }

    /** Only the count: the items themselves come page by page from /playlists/{id}/items. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemCount(Integer total) {
    }
}
