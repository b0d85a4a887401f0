package dev.spotifybff.session;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.devmode.ReloadFile;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: the memory store survives a live reload, so a Java edit does not log you out. The
 * entries go to target/dev-sessions.json still sealed as the store holds them (the dev
 * SESSION_SECRET opens them again).
 */
@IfBuildProfile("dev")
public class DevModeSessions {

    private static final Logger LOG = Logger.getLogger(DevModeSessions.class);
    private static final ReloadFile FILE = ReloadFile.inTarget("dev-sessions.json", "sessions");

    void restore(@Observes StartupEvent start, BffConfig config, Instance<InMemorySessionStore> store,
            ObjectMapper json) {
        if (config.session().store() == BffConfig.StoreKind.MEMORY) {
            JavaType type = json.getTypeFactory().constructCollectionType(List.class, InMemorySessionStore.Kept.class);
            FILE.<List<InMemorySessionStore.Kept>>take(json, type).ifPresent(kept -> {
                store.get().restore(kept);
                LOG.infof("dev mode: %d sessions kept over the reload", kept.size());
            });
        }
    }

    void keep(@Observes ShutdownEvent stop, BffConfig config, Instance<InMemorySessionStore> store,
            ObjectMapper json) {
        if (config.session().store() == BffConfig.StoreKind.MEMORY) {
            FILE.keep(json, store.get().kept());
        }
    }
}
