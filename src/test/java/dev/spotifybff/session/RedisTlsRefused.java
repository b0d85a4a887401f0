package dev.spotifybff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spotifybff.support.Browser;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * A Redis whose certificate the BFF must not trust (signed by another CA, or naming another host):
 * readiness goes DOWN with a reason that names REDIS_TLS_CA_FILE, and a login answers 503. Nothing
 * falls back to plaintext or to trusting all.
 */
final class RedisTlsRefused {

    private RedisTlsRefused() {
    }

    static void assertRefused() {
        Response ready = RestAssured.get(Browser.MANAGEMENT + "/q/health/ready");
        assertEquals(503, ready.statusCode(), ready.asString());
        String reason = ready.jsonPath().getString("checks.find { it.name == 'session-store' }.data.reason");
        assertTrue(reason.contains("REDIS_TLS_CA_FILE") && reason.contains("REDIS_URL"), reason);

        Response callback = new Browser().login().callback();
        assertEquals(Browser.APP + "/?error=session_store_unavailable", callback.header("Location"));
    }
}
