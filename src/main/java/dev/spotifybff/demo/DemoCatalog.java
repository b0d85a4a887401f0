package dev.spotifybff.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Sample data for the demo Spotify, in Spotify's shapes: top artists and tracks per time range
 * (enough medium-term tracks to page), playlists with items, recent plays. Cover art is generated
 * SVG (data: URIs, which the app's Content-Security-Policy allows), so dev mode needs no network.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoCatalog {

    static final String[] PLAYLIST_IDS = { "37i9dQZF1DXcBWIGoYBM5M", "5ABHKGoOzxkaa28ttQV9sE", "1h0CEZCm6IbFTbxThn6Xcs" };
    private static final String[] PLAYLIST_NAMES = { "Late Night Mix", "Road Trip", "Focus Flow" };
    private static final String[] ARTISTS = { "The Lanterns", "Mira Vale", "Odd Harbor", "Copper Coast", "Juno Park",
            "Static Bloom", "Evergreen Trio", "Northern Static", "Paper Moons", "Velvet Arcade" };
    private static final String[] WORDS = { "Neon", "Midnight", "Paper", "Copper", "Tidal", "Glass", "Quiet", "Golden",
            "Low", "Northern", "Static", "Velvet" };
    private static final String[] NOUNS = { "Rain", "Ferry", "Planes", "Skies", "Harbor", "Orbit", "Engines", "Hour",
            "Lights", "Bloom", "Avenue", "Dreams" };

    Map<String, Object> topTracks(String range, int limit, int offset, String selfPath) {
        int total = switch (range) {
            case "short_term" -> 12;
            case "long_term" -> 25;
            default -> 45;
        };
        List<Object> items = new ArrayList<>();
        for (int i = offset; i < Math.min(total, offset + limit); i++) {
            items.add(track(range.hashCode() + i));
        }
        return page(items, total, limit, offset, selfPath);
    }

    Map<String, Object> topArtists(String range, int limit, int offset, String selfPath) {
        int shift = Math.floorMod(range.hashCode(), ARTISTS.length);
        List<Object> items = new ArrayList<>();
        for (int i = offset; i < Math.min(ARTISTS.length, offset + limit); i++) {
            String name = ARTISTS[(i + shift) % ARTISTS.length];
            Map<String, Object> artist = new LinkedHashMap<>();
            artist.put("id", id("artist" + name));
            artist.put("name", name);
            artist.put("genres", List.of(i % 2 == 0 ? "indie pop" : "dream pop", "alt rock"));
            artist.put("images", List.of(image(name, true)));
            artist.put("external_urls", Map.of("spotify", "https://open.spotify.com/"));
            items.add(artist);
        }
        return page(items, ARTISTS.length, limit, offset, selfPath);
    }

    Map<String, Object> playlists(int limit, int offset, String selfPath) {
        List<Object> items = new ArrayList<>();
        for (int i = offset; i < Math.min(PLAYLIST_IDS.length, offset + limit); i++) {
            items.add(playlist(i));
        }
        return page(items, PLAYLIST_IDS.length, limit, offset, selfPath);
    }

    Map<String, Object> playlist(String id) {
        for (int i = 0; i < PLAYLIST_IDS.length; i++) {
            if (PLAYLIST_IDS[i].equals(id)) {
                return playlist(i);
            }
        }
        return null;
    }

    Map<String, Object> playlistItems(String id, int limit, int offset, String selfPath) {
        int index = List.of(PLAYLIST_IDS).indexOf(id);
        int total = 8 + index * 9;
        List<Object> items = new ArrayList<>();
        for (int i = offset; i < Math.min(total, offset + limit); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("added_at", Instant.parse("2026-01-01T00:00:00Z").plus(i, ChronoUnit.DAYS).toString());
            item.put("item", i == 3 ? null : track(id.hashCode() + i * 7)); // one removed track, as in real playlists
            items.add(item);
        }
        return page(items, total, limit, offset, selfPath);
    }

    Map<String, Object> recentlyPlayed(int limit, Long before) {
        Instant newest = before == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : Instant.ofEpochMilli(before);
        List<Object> items = new ArrayList<>();
        Instant playedAt = newest;
        for (int i = 0; i < limit; i++) {
            playedAt = playedAt.minus(4 + (i * 7) % 23, ChronoUnit.MINUTES);
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("track", track((int) (playedAt.getEpochSecond() / 60)));
            play.put("played_at", playedAt.toString());
            items.add(play);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("limit", limit);
        body.put("next", "https://api.spotify.com/v1/me/player/recently-played?before=" + playedAt.toEpochMilli());
        body.put("cursors", Map.of("after", Long.toString(newest.toEpochMilli()),
                "before", Long.toString(playedAt.toEpochMilli())));
        return body;
    }

    private Map<String, Object> track(int seed) {
        int n = Math.floorMod(seed, WORDS.length * NOUNS.length);
        String name = WORDS[n % WORDS.length] + " " + NOUNS[n / WORDS.length];
        String artist = ARTISTS[Math.floorMod(seed, ARTISTS.length)];
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("id", id("track" + seed));
        track.put("name", name);
        track.put("type", "track");
        track.put("duration_ms", 150_000 + Math.floorMod(seed * 7919, 120_000));
        track.put("artists", List.of(Map.of("id", id("artist" + artist), "name", artist)));
        track.put("album", Map.of("id", id("album" + name), "name", name, "images", List.of(image(name, false))));
        track.put("external_urls", Map.of("spotify", "https://open.spotify.com/"));
        return track;
    }

    private Map<String, Object> playlist(int i) {
        Map<String, Object> playlist = new LinkedHashMap<>();
        playlist.put("id", PLAYLIST_IDS[i]);
        playlist.put("name", PLAYLIST_NAMES[i]);
        playlist.put("description", "A demo playlist");
        playlist.put("images", List.of(image(PLAYLIST_NAMES[i], false)));
        playlist.put("owner", Map.of("id", "demolistener", "display_name", "Demo Listener"));
        playlist.put("items", Map.of("total", 8 + i * 9));
        playlist.put("external_urls", Map.of("spotify", "https://open.spotify.com/"));
        return playlist;
    }

    private static Map<String, Object> page(List<Object> items, int total, int limit, int offset, String selfPath) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", total);
        body.put("limit", limit);
        body.put("offset", offset);
        body.put("next", offset + limit < total ? selfPath + "offset=" + (offset + limit) + "&limit=" + limit : null);
        return body;
    }

    private static Map<String, Object> image(String seed, boolean round) {
        int hue = Math.floorMod(seed.hashCode(), 360);
        String initial = seed.substring(0, 1);
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 300'><rect width='300' height='300' rx='"
                + (round ? 150 : 0) + "' fill='hsl(" + hue + ",55%,42%)'/><text x='150' y='190' font-size='150' "
                + "text-anchor='middle' fill='white' font-family='sans-serif'>" + initial + "</text></svg>";
        return Map.of("url", "data:image/svg+xml," + svg.replace("<", "%3C").replace(">", "%3E").replace("#", "%23")
                .replace(" ", "%20"), "height", 300, "width", 300);
    }

    private static String id(String seed) {
        String hex = Integer.toHexString(seed.hashCode()).replace("-", "");
        return (hex + "0000000000000000000000").substring(0, 22);
    }
}
