package dev.spotifybff.packaged;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.spotifybff.support.PackagedArtifact;

/** The packaged app refuses a broken configuration: one line per problem, no secret printed. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProdStartupChecksIT {

    private static final String SECRET_VALUE = "this-secret-must-never-appear-in-any-log";

    @Test
    void a_prod_start_without_any_configuration_names_each_missing_variable_and_stops() throws Exception {
        Result result = start(Map.of());

        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("CLIENT_ID is not set"), result.output());
        assertTrue(result.output().contains("SESSION_SECRET is missing or shorter than 32 characters"), result.output());
    }

    @Test
    void a_refused_start_prints_one_plain_line_per_problem_and_no_stack_trace() throws Exception {
        Result result = start(Map.of());

        List<String> lines = result.output().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CLIENT_ID is not set: copy the Client ID")),
                "a plain line, not inside a JSON log record:\n" + result.output());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("SESSION_SECRET is missing or shorter")), result.output());
        assertFalse(result.output().contains("\tat ") || result.output().contains("\"exception\"")
                || result.output().contains("Failed to start application"), "no stack trace:\n" + result.output());
    }

    @Test
    void a_prod_start_with_malformed_values_names_each_one_and_prints_no_secret() throws Exception {
        Result result = start(Map.of("CLIENT_ID", "bad id", "CLIENT_SECRET", SECRET_VALUE,
                "SESSION_SECRET", "short", "REDIRECT_URI", "localhost:8888", "SESSION_STORE", "redis",
                "REDIS_URL", "not a url"));

        assertNotEquals(0, result.exitCode());
        for (String variable : List.of("CLIENT_ID is malformed", "SESSION_SECRET is missing or shorter",
                "REDIRECT_URI is malformed", "REDIS_URL is missing or malformed")) {
            assertTrue(result.output().contains(variable), variable + " in:\n" + result.output());
        }
        assertFalse(result.output().contains(SECRET_VALUE));
        assertFalse(result.output().contains("short\""));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result start(Map<String, String> env) throws Exception {
        Path output = Files.createTempFile("bff-startup-", ".log");
        ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> List.of("CLIENT_ID", "CLIENT_SECRET", "SESSION_SECRET",
                "REDIRECT_URI", "SESSION_STORE", "REDIS_URL").contains(k) || k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (!stopped) {
            throw new AssertionError("the app did not stop on a broken configuration:\n" + printed);
        }
        return new Result(process.exitValue(), printed);
    }
}
