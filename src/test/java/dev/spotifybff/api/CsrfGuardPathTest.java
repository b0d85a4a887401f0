package dev.spotifybff.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** How the CSRF guard reads a path: every spelling a router forgives, in one normal form. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CsrfGuardPathTest {

    @Test
    void every_forgiven_spelling_reads_as_its_normal_form() {
        for (String spelling : List.of("/logout", "/logout/", "/logout;x", "//logout", "/%6cogout", "/%6Cogout/",
                "/./logout", "/x/../logout", "/../logout")) {
            assertEquals("/logout", CsrfGuard.normalize(spelling), spelling);
        }
        assertEquals("/api", CsrfGuard.normalize("/%zz"), "an undecodable path is guarded like /api");
        assertEquals("/", CsrfGuard.normalize(""));
        assertEquals("/", CsrfGuard.normalize(null));
    }

    @Test
    void the_paths_the_spa_calls_are_recognised_as_normal_without_decoding() {
        for (String path : List.of("/", "/api/me", "/api/me/top/tracks", "/api/playlists/37i9dQZF1DXcBWIGoYBM5M",
                "/api/me/player/recently-played", "/q/health_ready")) {
            assertTrue(CsrfGuard.isNormal(path), path);
        }
        for (String path : List.of("", "api/me", "/api/me/", "//api", "/api//me", "/%61pi", "/api;x", "/./api", "/a+b")) {
            assertFalse(CsrfGuard.isNormal(path), path);
        }
    }

    @Test
    void a_path_taken_as_normal_is_one_that_decoding_would_leave_unchanged() {
        // The shortcut may only skip work, never change an answer: over random paths built from the
        // characters that matter, whatever it accepts, the full decoding maps to itself.
        Random random = new Random(20261207);
        String alphabet = "/a/Z9-_.;%+/2F";
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String p = path.toString();
            if (CsrfGuard.isNormal(p)) {
                accepted++;
                assertEquals(p, CsrfGuard.decodeSegments(p), p);
            }
        }
        assertTrue(accepted > 100, "the random paths included normal ones: " + accepted);
    }
}
