package dev.spotifybff.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A small, Spotify-shaped catalogue for the stub: top tracks and artists that differ by time range
 * (30 medium-term tracks, so paging shows), three playlists with one removed item, and recent
 * plays. Images are data: URIs, which the BFF's Content-Security-Policy allows, like Spotify's CDN.
 */
public final class SpotifyFixtures {

    public static final String MIX_ID = "37i9dQZF1DXcBWIGoYBM5M";
    public static final String ROAD_TRIP_ID = "5ABHKGoOzxkaa28ttQV9sE";
    public static final String EMPTY_ID = "1h0CEZCm6IbFTbxThn6Xcs";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> TRACKS = Map.of(
            "short_term", List.of("Neon Rain", "Paper Planes at Dawn", "Tidal", "Low Orbit", "Glass Harbor"),
            "medium_term", names("Song", 30, List.of("Midnight Ferry", "Copper Skies", "Static Bloom")),
            "long_term", List.of("Evergreen", "The Long Way Home", "Northern Lights", "Quiet Engines"));
    private static final Map<String, List<String>> ARTISTS = Map.of(
            "short_term", List.of("The Lanterns", "Mira Vale", "Odd Harbor"),
            "medium_term", List.of("Copper Coast", "The Lanterns", "Juno Park", "Static Bloom"),
            "long_term", List.of("Evergreen Trio", "Northern Static"));

    private SpotifyFixtures() {
    }

    /** Adds every profile endpoint to the stub, for any bearer token. */
    public static void stubAll(WireMockServer server) {
        for (String range : List.of("short_term", "medium_term", "long_term")) {
            List<Map<String, Object>> tracks = new ArrayList<>();
            List<String> names = TRACKS.get(range);
            for (int i = 0; i < names.size(); i++) {
                tracks.add(track(range.charAt(0) + "t" + i, names.get(i)));
            }
            stubPaged(server, "/v1/me/top/tracks", Map.of("time_range", range), tracks);
            List<Map<String, Object>> artists = new ArrayList<>();
            for (String name : ARTISTS.get(range)) {
                artists.add(artist(name));
            }
            stubPaged(server, "/v1/me/top/artists", Map.of("time_range", range), artists);
        }
        List<Map<String, Object>> playlists = List.of(
                playlist(MIX_ID, "Late Night Mix", "Slow songs for late hours", 4),
                playlist(ROAD_TRIP_ID, "Road Trip", "Windows down", 2),
                playlist(EMPTY_ID, "Someday", "", 0));
        stubPaged(server, "/v1/me/playlists", Map.of(), playlists);
        for (Map<String, Object> playlist : playlists) {
            String id = (String) playlist.get("id");
            server.stubFor(get(urlPathEqualTo("/v1/playlists/" + id)).willReturn(okJson(json(playlist))));
        }
        List<Map<String, Object>> mix = new ArrayList<>();
        mix.add(item(track("mx0", "Midnight Ferry")));
        mix.add(item(track("mx1", "Slow Tide")));
        mix.add(item(null)); // a track removed from Spotify: item is null
        mix.add(item(track("mx3", "Candlelight")));
        stubPaged(server, "/v1/playlists/" + MIX_ID + "/items", Map.of(), mix);
        stubPaged(server, "/v1/playlists/" + ROAD_TRIP_ID + "/items", Map.of(),
                List.of(item(track("rt0", "Open Road")), item(track("rt1", "Mile Marker"))));
        stubPaged(server, "/v1/playlists/" + EMPTY_ID + "/items", Map.of(), List.of());
        List<Map<String, Object>> plays = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 6; i++) {
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("track", track("rp" + i, TRACKS.get("short_term").get(i % 5)));
            play.put("played_at", now.minus(7L * i + 3, ChronoUnit.MINUTES).toString());
            plays.add(play);
        }
        Map<String, Object> recent = new LinkedHashMap<>();
        recent.put("items", plays);
        recent.put("limit", 20);
        recent.put("next", "https://api.spotify.com/v1/me/player/recently-played?before=1700000000000&limit=20");
        recent.put("cursors", Map.of("after", "1790000000000", "before", "1700000000000"));
        server.stubFor(get(urlPathEqualTo("/v1/me/player/recently-played")).willReturn(okJson(json(recent))));
    }

    /** Offset paging as Spotify does it: one stub per page of 20, next set while items remain. */
    private static void stubPaged(WireMockServer server, String path, Map<String, String> query,
            List<Map<String, Object>> all) {
        for (int offset = 0; offset == 0 || offset < all.size(); offset += 20) {
            List<Map<String, Object>> page = all.subList(Math.min(offset, all.size()), Math.min(offset + 20, all.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("href", "https://api.spotify.com" + path);
            body.put("items", page);
            body.put("limit", 20);
            body.put("offset", offset);
            body.put("total", all.size());
            body.put("next", offset + 20 < all.size()
                    ? "https://api.spotify.com" + path + "?offset=" + (offset + 20) + "&limit=20" : null);
            var mapping = get(urlPathEqualTo(path));
            query.forEach((k, v) -> mapping.withQueryParam(k, equalTo(v)));
            mapping.withQueryParam("offset", equalTo(Integer.toString(offset)));
            server.stubFor(mapping.willReturn(okJson(json(body))));
        }
    }

    private static Map<String, Object> track(String id, String name) {
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("id", spotifyId(id));
        track.put("name", name);
        track.put("type", "track");
        track.put("duration_ms", 150_000 + name.length() * 3_000);
        track.put("artists", List.of(Map.of("id", spotifyId("a" + name.length()), "name", "Artist " + name.charAt(0))));
        track.put("album", Map.of("id", spotifyId("al" + id), "name", name + " (Album)", "images", List.of(image(name))));
        track.put("external_urls", Map.of("spotify", "https://open.spotify.com/track/" + spotifyId(id)));
        track.put("uri", "spotify:track:" + spotifyId(id));
        track.put("popularity", 50);
        return track;
    }

    private static Map<String, Object> artist(String name) {
        Map<String, Object> artist = new LinkedHashMap<>();
        artist.put("id", spotifyId("ar" + name.replace(" ", "")));
        artist.put("name", name);
        artist.put("genres", List.of("indie", "dream pop"));
        artist.put("images", List.of(image(name)));
        artist.put("external_urls", Map.of("spotify", "https://open.spotify.com/artist/x"));
        artist.put("uri", "spotify:artist:x");
        return artist;
    }

    private static Map<String, Object> playlist(String id, String name, String description, int count) {
        Map<String, Object> playlist = new LinkedHashMap<>();
        playlist.put("id", id);
        playlist.put("name", name);
        playlist.put("description", description);
        playlist.put("images", count == 0 ? List.of() : List.of(image(name)));
        playlist.put("owner", Map.of("id", "wizzler", "display_name", "Wizzler"));
        playlist.put("items", Map.of("href", "https://api.spotify.com/v1/playlists/" + id + "/items", "total", count));
        playlist.put("public", true);
        playlist.put("external_urls", Map.of("spotify", "https://open.spotify.com/playlist/" + id));
        playlist.put("uri", "spotify:playlist:" + id);
        return playlist;
    }

    private static Map<String, Object> item(Map<String, Object> track) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("added_at", "2026-05-01T10:00:00Z");
        item.put("item", track);
        return item;
    }

    private static Map<String, Object> image(String seed) {
        int hue = Math.floorMod(seed.hashCode(), 360);
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'><rect width='64' height='64' fill='hsl("
                + hue + ",55%,45%)'/></svg>";
        return Map.of("url", "data:image/svg+xml," + svg.replace("<", "%3C").replace(">", "%3E").replace("#", "%23"),
                "height", 640, "width", 640);
    }

    private static String spotifyId(String seed) {
        StringBuilder id = new StringBuilder(seed.replaceAll("[^0-9A-Za-z]", ""));
        while (id.length() < 22) {
            id.append('0');
        }
        return id.substring(0, 22);
    }

    private static List<String> names(String prefix, int count, List<String> first) {
        List<String> names = new ArrayList<>(first);
        for (int i = names.size(); i < count; i++) {
            names.add(prefix + " " + (i + 1));
        }
        return names;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
