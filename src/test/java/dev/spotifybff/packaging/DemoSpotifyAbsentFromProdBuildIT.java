package dev.spotifybff.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.PackagedArtifact;

/**
 * The demo Spotify is for dev mode only: the packaged app must not contain a single class of it,
 * nor generated code that refers to it. Runs after `package`, on the real artifact.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoSpotifyAbsentFromProdBuildIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @BeforeAll
    static void onlyForTheJar() {
        // A native build has no jar to open; .ci/run checks the native-image inputs for demo classes.
        Assumptions.assumeFalse(PackagedArtifact.isNative(), "inspects the jar build");
    }

    @Test
    void the_packaged_app_holds_no_demo_class_but_all_of_the_real_ones() throws IOException {
        List<String> appEntries = entries(APP.resolve("app"));

        assertTrue(appEntries.contains("dev/spotifybff/auth/LoginResource.class"),
                "sanity: the app jar was inspected: " + appEntries.size() + " entries");
        // Directory entries are written regardless of the ignore list; they hold no code.
        List<String> demo = appEntries.stream()
                .filter(e -> e.startsWith("dev/spotifybff/demo/") && !e.endsWith("/"))
                .toList();
        assertEquals(List.of(), demo, "demo classes left in the prod jar; add them to "
                + "quarkus.package.jar.user-configured-ignored-entries");
    }

    @Test
    void no_generated_code_refers_to_the_demo() throws IOException {
        List<String> generated = entries(APP.resolve("quarkus"));

        assertTrue(generated.size() > 10, "sanity: generated code was inspected");
        assertEquals(List.of(), generated.stream().filter(e -> e.contains("Demo")).toList());
    }

    private static List<String> entries(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    file.stream().map(JarEntry::getName).forEach(names::add);
                }
            }
        }
        return names;
    }
}
