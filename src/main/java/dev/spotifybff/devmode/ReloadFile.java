package dev.spotifybff.devmode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dev mode only: a JSON file under target/ that carries state over a live reload, written when the
 * app stops (which a reload is) and read back, then deleted, when it starts. Quarkus keeps no
 * application state over a reload, hence this by hand. Left out of every packaged artifact.
 */
public record ReloadFile(Path path, String what) {

    private static final Logger LOG = Logger.getLogger(ReloadFile.class);

    /** {@code what} names the state in the log lines, such as "sessions". */
    public static ReloadFile inTarget(String name, String what) {
        return new ReloadFile(Path.of("target", name), what);
    }

    /** What the last stop kept, once: the file is deleted whether or not it could be read. */
    public <T> Optional<T> take(ObjectMapper json, JavaType type) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(path.toFile(), type));
        } catch (IOException e) {
            LOG.warnf("dev mode: %s from before the reload not read (%s)", what, e.getMessage());
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // read already (or unreadable); the next stop overwrites it
            }
        }
    }

    /** Writes the state for the next start; nothing when there is no target/ (not a project checkout). */
    public void keep(ObjectMapper json, Object state) {
        if (!Files.isDirectory(path.getParent())) {
            return;
        }
        try {
            json.writeValue(path.toFile(), state);
        } catch (IOException e) {
            LOG.warnf("dev mode: %s not kept over the reload (%s)", what, e.getMessage());
        }
    }
}
