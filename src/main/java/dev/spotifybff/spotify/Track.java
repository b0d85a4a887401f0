package dev.spotifybff.spotify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A track (or, in a playlist, possibly an episode: then only id, name and type are reliable). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Track(String id, String name, String type, List<Artist> artists, Album album,
        @JsonProperty("duration_ms") Integer durationMs,
        @JsonProperty("external_urls") ExternalUrls externalUrls, String uri) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Album(String id, String name, List<Image> images,
            @JsonProperty("external_urls") ExternalUrls externalUrls) {
    }
}
