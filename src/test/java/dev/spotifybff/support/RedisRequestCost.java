package dev.spotifybff.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Redis commands one API request costs, summed over every node. The app's Spotify quota
 * subscribes to pauses when it is first used, and until it listens a call also asks PTTL; so the
 * request is repeated (for up to 10 s) until it costs the session's GETEX alone.
 */
public final class RedisRequestCost {

    public static final Map<String, Long> SESSION_READ_ONLY = Map.of("getex", 1L);

    private RedisRequestCost() {
    }

    /** The cost of browser's GET path on nodes, once the quota listens (or the last one seen in 10 s). */
    public static Map<String, Long> onceListening(Browser browser, String path, List<RedisServer> nodes) {
        Map<String, Long> calls = Map.of();
        for (int attempt = 0; attempt < 100 && !calls.equals(SESSION_READ_ONLY); attempt++) {
            if (attempt > 0) {
                pause();
            }
            nodes.forEach(node -> node.cli("CONFIG", "RESETSTAT"));
            browser.api("GET", path).then().statusCode(200);
            calls = of(nodes);
        }
        return calls;
    }

    /** A request of a new session's (nothing cached) /api/me: its answer, the Web API calls it made, its Redis cost. */
    public record Measured(io.restassured.response.Response answer, int webApiCalls, Map<String, Long> redisCalls) {
    }

    /** Logs a new session in, then measures its GET /api/me alone: the stub's and the nodes' counters reset between. */
    public static Measured ofANewSessionsRequest(List<RedisServer> nodes) {
        Browser browser = new Browser();
        browser.login();
        SpotifyStub.server().resetRequests();
        nodes.forEach(node -> node.cli("CONFIG", "RESETSTAT"));
        io.restassured.response.Response answer = browser.api("GET", "/api/me");
        return new Measured(answer, SpotifyStub.webApiCalls(), of(nodes));
    }

    /** The commands nodes ran since their last CONFIG RESETSTAT, summed. */
    public static Map<String, Long> of(List<RedisServer> nodes) {
        Map<String, Long> calls = new TreeMap<>();
        nodes.forEach(node -> node.commandCalls().forEach((command, count) -> calls.merge(command, count, Long::sum)));
        return calls;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
