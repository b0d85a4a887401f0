package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The stored form of a session, as the store keeps it (before sealing), read by this and older releases. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionJsonTest {

    /** As Quarkus configures its ObjectMapper: java.time support, dates as text unless a field says otherwise. */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Session session = new Session("access", "refresh", Instant.parse("2026-12-07T09:00:00.123456789Z"),
            "user-read-private", Instant.parse("2026-06-01T12:30:00Z"));

    /** The record as releases before the numeric form stored and read it. */
    record PreviousRelease(String accessToken, String refreshToken, Instant accessTokenExpiresAt, String scope,
            Instant createdAt) {
    }

    @Test
    void instants_are_stored_as_epoch_seconds_with_nanoseconds_not_as_text_to_parse() throws Exception {
        JsonNode stored = json.readTree(json.writeValueAsBytes(session));

        assertTrue(stored.get("accessTokenExpiresAt").isNumber(), stored.toString());
        assertTrue(stored.get("createdAt").isNumber(), stored.toString());
        assertEquals(session, json.readValue(json.writeValueAsBytes(session), Session.class));
    }

    @Test
    void an_older_instance_reads_a_session_this_release_stored() throws Exception {
        PreviousRelease read = json.readValue(json.writeValueAsBytes(session), PreviousRelease.class);

        assertEquals(session.accessTokenExpiresAt(), read.accessTokenExpiresAt());
        assertEquals(session.createdAt(), read.createdAt());
    }

    @Test
    void a_session_stored_by_an_earlier_release_with_iso_instants_still_opens() throws Exception {
        byte[] earlier = json.writeValueAsBytes(new PreviousRelease("access", "refresh",
                session.accessTokenExpiresAt(), "user-read-private", session.createdAt()));
        assertTrue(new String(earlier).contains("\"2026-06-01T12:30:00Z\""), new String(earlier));

        assertEquals(session, json.readValue(earlier, Session.class));
    }
}
