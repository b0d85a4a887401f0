package dev.spotifybff.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The artifact the build produced, as target/quarkus-artifact.properties describes it: the jar, or
 * the native executable after `-Dnative`. Tests that start the app themselves launch it through
 * this, so they run against whichever was built.
 */
public final class PackagedArtifact {

    private static final Path TARGET = Path.of("target");

    private PackagedArtifact() {
    }

    public static boolean isNative() {
        return "native".equals(properties().getProperty("type"));
    }

    /** The command line that starts the packaged app. */
    public static List<String> command() {
        Path path = TARGET.resolve(properties().getProperty("path"));
        if (isNative()) {
            return List.of(path.toAbsolutePath().toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                path.toString());
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(TARGET.resolve("quarkus-artifact.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no packaged app: run `./mvnw package` first", e);
        }
        return properties;
    }
}
