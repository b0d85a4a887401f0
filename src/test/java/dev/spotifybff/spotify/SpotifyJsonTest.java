package dev.spotifybff.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The streaming allow-list: the same answer the records gave, without building them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpotifyJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final SpotifyJson json = new SpotifyJson(mapper);

    private static final String TRACK = """
            {"album":{"album_type":"album","artists":[{"id":"a1","name":"Artist","uri":"spotify:artist:a1",
              "href":"https://api.spotify.com/v1/artists/a1"}],"id":"al1","images":[{"url":"https://i.scdn.co/x",
              "height":640,"width":640}],"name":"Album","release_date":"2024-05-17","external_urls":{"spotify":"s"}},
             "artists":[{"id":"a1","name":"Artist","genres":["pop"],"popularity":60}],"disc_number":1,
             "duration_ms":180000,"explicit":false,"external_ids":{"isrc":"USRC1"},"external_urls":{"spotify":"t"},
             "href":"https://api.spotify.com/v1/tracks/t1","id":"t1","is_local":false,"name":"Track","popularity":60,
             "preview_url":null,"type":"track","uri":"spotify:track:t1","available_markets":["SE","DE"]}""";

    private JsonNode read(byte[] bytes) throws Exception {
        return mapper.readTree(bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void an_object_comes_out_as_the_record_round_trip_wrote_it() throws Exception {
        byte[] streamed = json.object(bytes(TRACK), JsonShape.of(Track.class));

        byte[] viaRecord = mapper.writeValueAsBytes(mapper.readValue(TRACK, Track.class));
        assertEquals(read(viaRecord), read(streamed));
    }

    @Test
    void an_alias_is_served_under_the_records_name_and_the_first_of_the_two_wins() throws Exception {
        String playlist = """
                {"id":"p1","tracks":{"href":"h","total":12},"items":{"total":99},"public":true,
                 "owner":{"id":"o","display_name":"Wizzler","type":"user"}}""";

        JsonNode answer = read(json.object(bytes(playlist), JsonShape.of(Playlist.class)));

        assertEquals(read(bytes("""
                {"id":"p1","items":{"total":12},"public":true,"owner":{"id":"o","display_name":"Wizzler"}}""")), answer);
    }

    @Test
    void nulls_and_values_of_the_wrong_kind_are_left_out_but_a_null_list_element_keeps_its_place() throws Exception {
        String item = """
                {"added_at":null,"item":{"id":"t1","name":{"nested":"no"},"artists":[null,{"id":"a"},"x"]}}""";

        JsonNode answer = read(json.object(bytes(item), JsonShape.of(PlaylistItem.class)));

        assertEquals(read(bytes("""
                {"item":{"id":"t1","artists":[null,{"id":"a"},null]}}""")), answer);
    }

    @Test
    void a_page_keeps_its_items_and_hands_total_next_and_the_cursor_to_the_tail() throws Exception {
        String page = """
                {"href":"https://api.spotify.com/v1/me/top/tracks","items":[%s],"limit":1,
                 "next":"https://api.spotify.com/v1/me/top/tracks?offset=1","offset":0,"previous":null,"total":50,
                 "cursors":{"after":"1","before":"170"}}""".formatted(TRACK);
        SpotifyJson.Envelope[] seen = new SpotifyJson.Envelope[1];

        JsonNode answer = read(json.page(bytes(page), JsonShape.of(Track.class), (envelope, out) -> {
            seen[0] = envelope;
            out.writeStringField("tail", "here");
        }));

        assertEquals(new SpotifyJson.Envelope(50, true, "170"), seen[0]);
        assertEquals(read(mapper.writeValueAsBytes(mapper.readValue(TRACK, Track.class))), answer.get("items").get(0));
        assertEquals("here", answer.get("tail").asText());
        assertEquals(2, answer.size(), "only items and what the tail wrote: " + answer);
    }

    @Test
    void a_page_without_items_answers_an_empty_list() throws Exception {
        JsonNode answer = read(json.page(bytes("{\"total\":0,\"next\":null}"), JsonShape.of(Track.class),
                (envelope, out) -> assertEquals(new SpotifyJson.Envelope(0, false, null), envelope)));

        assertEquals(read(bytes("{\"items\":[]}")), answer);
    }

    @Test
    void a_body_that_is_not_a_json_object_is_a_malformed_answer() {
        for (String body : new String[] { "", "[]", "<html>", "{\"id\":", "\"text\"" }) {
            assertThrows(SpotifyJson.MalformedAnswer.class, () -> json.object(bytes(body), JsonShape.of(Track.class)),
                    body);
        }
    }
}
