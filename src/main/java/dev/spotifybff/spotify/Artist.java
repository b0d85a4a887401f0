package dev.spotifybff.spotify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An artist; images and genres only on the full object (top artists), not inside a track. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artist(String id, String name, List<String> genres, List<Image> images,
        @JsonProperty("external_urls") ExternalUrls externalUrls, String uri) {
}
