package dev.spotifybff.demo;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.PublicOrigin;
import dev.spotifybff.spotify.SpotifyApp;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * One line at each dev-mode start that says which Spotify the BFF logs in with and where to open
 * it, so a newcomer need not read the configuration to know whether the demo is on.
 */
@IfBuildProfile("dev")
public class DevModeBanner {

    private static final Logger LOG = Logger.getLogger(DevModeBanner.class);

    void announce(@Observes StartupEvent start, SpotifyApp app, BffConfig config) {
        LOG.info(line(app.demo(), app.clientId(), config.redirectUri(), PublicOrigin.of(config).origin()));
    }

    static String line(boolean demo, String clientId, String redirectUri, String origin) {
        return demo
                ? "Demo Spotify active (no CLIENT_ID): open " + origin + " and log in as Demo Listener"
                : "Spotify app " + clientId + " with redirect URI " + redirectUri + ": open " + origin;
    }
}
