package dev.spotifybff.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spotifybff.config.BffConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: the memory store survives a live reload, so a Java edit does not log you out. On
 * shutdown (which a reload is) the entries go to target/dev-sessions.json, still sealed as the store
 * holds them (the dev SESSION_SECRET opens them again); the next start reads them back and deletes
 * the file. Quarkus has no hook for keeping application state over a reload, hence this by hand.
 */
@IfBuildProfile("dev")
public class DevModeSessions {

    private static final Logger LOG = Logger.getLogger(DevModeSessions.class);
    static final Path FILE = Path.of("target", "dev-sessions.json");

    void restore(@Observes StartupEvent start, BffConfig config, Instance<InMemorySessionStore> store,
            ObjectMapper json) {
        if (config.session().store() != BffConfig.StoreKind.MEMORY || !Files.isRegularFile(FILE)) {
            return;
        }
        try {
            List<InMemorySessionStore.Kept> kept = json.readValue(FILE.toFile(), new TypeReference<>() {
            });
            store.get().restore(kept);
            LOG.infof("dev mode: %d sessions kept over the reload", kept.size());
        } catch (IOException e) {
            LOG.warnf("dev mode: sessions from before the reload not read (%s): log in again", e.getMessage());
        } finally {
            delete();
        }
    }

    void keep(@Observes ShutdownEvent stop, BffConfig config, Instance<InMemorySessionStore> store,
            ObjectMapper json) {
        if (config.session().store() != BffConfig.StoreKind.MEMORY || !Files.isDirectory(FILE.getParent())) {
            return;
        }
        try {
            json.writeValue(FILE.toFile(), store.get().kept());
        } catch (IOException e) {
            LOG.warnf("dev mode: sessions not kept over the reload (%s)", e.getMessage());
        }
    }

    private static void delete() {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            // read already; an old file is overwritten at the next shutdown
        }
    }
}
