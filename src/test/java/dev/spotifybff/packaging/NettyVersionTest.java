package dev.spotifybff.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.netty.util.Version;

/**
 * The Netty on the class path is the one pom.xml pins (4.1.137.Final, with the HTTP codec fixes),
 * not the older one Quarkus's BOM brings; every Netty module at the same version.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NettyVersionTest {

    @Test
    void every_netty_module_runs_at_the_pinned_version_with_the_http_codec_fixes() {
        Map<String, Version> modules = Version.identify();

        assertTrue(modules.containsKey("netty-codec-http"), modules.keySet().toString());
        modules.forEach((module, version) -> assertEquals("4.1.137.Final", version.artifactVersion(), module));
    }
}
