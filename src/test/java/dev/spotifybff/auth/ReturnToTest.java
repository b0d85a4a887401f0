package dev.spotifybff.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReturnToTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/playlists/37i9dQZF1DXcBWIGoYBM5M", "/top?range=short_term#tracks", "/%2F%2Fevil" })
    void a_local_path_is_kept(String path) {
        assertEquals(path, ReturnTo.orHome(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "//evil.example", "///evil.example", "https://evil.example", "/\\evil.example",
            "\\/evil.example", "%2F%2Fevil", "http:evil", "javascript:alert(1)", "evil.example", " /x",
            "/x\r\nSet-Cookie: a=b", "/\u0000", "/caf\u00e9", "/x y" })
    void anything_that_is_not_a_plain_local_path_becomes_home(String candidate) {
        assertEquals("/", ReturnTo.orHome(candidate));
    }

    @org.junit.jupiter.api.Test
    void an_overlong_path_becomes_home() {
        assertEquals("/", ReturnTo.orHome("/" + "a".repeat(2000)));
    }
}
