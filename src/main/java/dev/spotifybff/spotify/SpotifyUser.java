package dev.spotifybff.spotify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Spotify's user object from /v1/me. Development-mode apps no longer get email, country, product or
 * followers, so every field may be absent; absent fields stay absent when we serve it on.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpotifyUser(
        String id,
        @JsonProperty("display_name") String displayName,
        String email,
        String country,
        String product,
        Followers followers,
        List<Image> images,
        @JsonProperty("external_urls") ExternalUrls externalUrls,
        String uri) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Followers(Integer total) {
    }
}
