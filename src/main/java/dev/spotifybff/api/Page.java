package dev.spotifybff.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.spotifybff.spotify.Artist;
import dev.spotifybff.spotify.Playlist;
import dev.spotifybff.spotify.PlaylistItem;
import dev.spotifybff.spotify.SpotifyJson;
import dev.spotifybff.spotify.Track;

/**
 * A page as the SPA gets it: Spotify's items, total, limit and offset, and next, the BFF's own URL
 * for the following page (absent on the last one). Spotify's next URL is never passed on: the SPA
 * only ever calls this backend. The answer is streamed ({@link SpotifyJson#page}); the records
 * below only describe it in OpenAPI.
 */
final class Page {

    private Page() {
    }

    /** Writes total, limit, offset and next after the items. */
    static SpotifyJson.Tail tail(String path, Map<String, String> params, int limit, int offset) {
        return (envelope, out) -> {
            if (envelope.total() != null) {
                out.writeNumberField("total", envelope.total());
            }
            out.writeNumberField("limit", limit);
            out.writeNumberField("offset", offset);
            if (envelope.hasNext()) {
                UriBuilder uri = UriBuilder.fromPath(path);
                params.forEach(uri::queryParam);
                out.writeStringField("next",
                        uri.queryParam("limit", limit).queryParam("offset", offset + limit).build().toString());
            }
        };
    }

    @Schema(name = "ArtistPage")
    record Artists(List<Artist> items, Integer total, int limit, int offset, String next) {
    }

    @Schema(name = "TrackPage")
    record Tracks(List<Track> items, Integer total, int limit, int offset, String next) {
    }

    @Schema(name = "PlaylistPage")
    record Playlists(List<Playlist> items, Integer total, int limit, int offset, String next) {
    }

    @Schema(name = "PlaylistItemPage")
    record PlaylistItems(List<PlaylistItem> items, Integer total, int limit, int offset, String next) {
    }
}
