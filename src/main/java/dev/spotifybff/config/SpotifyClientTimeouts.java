package dev.spotifybff.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The REST clients' timeouts (quarkus.rest-client.spotify-*.connect-timeout and read-timeout, which
 * Quarkus reads as milliseconds) from SPOTIFY_CONNECT_TIMEOUT and SPOTIFY_READ_TIMEOUT, which are
 * durations ("2s") like every other timeout of this BFF. Config expressions cannot convert units, so
 * this factory does, from the values as resolved (profile and expressions applied). Its ordinal is
 * below application.properties: a quarkus.rest-client.* timeout set there or in the environment wins.
 */
public class SpotifyClientTimeouts implements ConfigSourceFactory {

    static final List<String> CLIENTS = List.of("spotify-api", "spotify-accounts");
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String connect = millis(context.getValue("bff.spotify.connect-timeout"), "2s");
        String read = millis(context.getValue("bff.spotify.read-timeout"), "10s");
        Map<String, String> timeouts = new java.util.HashMap<>();
        for (String client : CLIENTS) {
            timeouts.put("quarkus.rest-client." + client + ".connect-timeout", connect);
            timeouts.put("quarkus.rest-client." + client + ".read-timeout", read);
        }
        return List.of(new PropertiesConfigSource(timeouts, "spotify-client-timeouts", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** A malformed value is left to StartupChecks and the config mapping to report; here it falls back. */
    private static String millis(ConfigValue value, String fallback) {
        String text = value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
        try {
            return Long.toString(DurationConverter.parseDuration(text.trim()).toMillis());
        } catch (IllegalArgumentException e) {
            return Long.toString(DurationConverter.parseDuration(fallback).toMillis());
        }
    }
}
