import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates N sessions through the BFF's real login flow, as a browser does: GET /login (quarkus-oidc's
 * state cookie q_auth_&lt;state&gt; and the state from the authorize URL), then GET /callback with the
 * code and state; the BFF exchanges the code at the stub accounts host, fetches the profile, and sets
 * the session cookie. Two hops are skipped: Spotify's consent page (the stub would only redirect
 * back) and the last redirect to /login, which only ends quarkus-oidc's two-minute hand-off cookie.
 * Writes one session cookie per line and prints the rate.
 * Usage: java LoginDriver.java BASE_URL COUNT CONCURRENCY OUT_FILE
 */
public class LoginDriver {

    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<String>> logins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            logins.add(pool.submit(() -> login(http, base)));
        }
        List<String> cookies = new ArrayList<>(count);
        int failed = 0;
        for (Future<String> login : logins) {
            try {
                cookies.add(login.get());
            } catch (Exception e) {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Files.write(out, cookies);
        System.out.printf("LOGINS count=%d failed=%d seconds=%.2f rate=%.1f%n", cookies.size(), failed, seconds,
                cookies.size() / seconds);
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        Matcher state = STATE.matcher(login.headers().firstValue("Location").orElseThrow());
        if (login.statusCode() != 302 || !state.find()) {
            throw new IllegalStateException("/login answered " + login.statusCode());
        }
        String stateCookie = "q_auth_" + state.group(1);
        HttpResponse<Void> callback = http.send(HttpRequest.newBuilder(
                URI.create(base + "/callback?code=bench-code&state=" + state.group(1)))
                .header("Cookie", stateCookie + "=" + cookie(login, stateCookie)).build(),
                HttpResponse.BodyHandlers.discarding());
        String location = callback.headers().firstValue("Location").orElse("");
        if (callback.statusCode() != 302 || location.contains("error=")) {
            throw new IllegalStateException("/callback answered " + callback.statusCode() + " " + location);
        }
        return cookie(callback, "bff_session");
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';'));
            }
        }
        throw new IllegalStateException("no " + name + " cookie");
    }
}
