package dev.spotifybff.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The README's error table is the enum's, row for row: no code missing, none invented, every status right. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErrorVocabularyTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void the_readme_error_table_lists_every_code_with_its_status_and_nothing_else() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher rows = ROW.matcher(readme);
        Set<String> documented = new java.util.TreeSet<>();
        while (rows.find()) {
            documented.add(rows.group(1) + " " + rows.group(2));
        }
        Set<String> declared = Arrays.stream(ErrorCode.values()).map(code -> code.status() + " " + code.code())
                .collect(Collectors.toCollection(java.util.TreeSet::new));

        assertEquals(declared, documented);
    }

    @Test
    void codes_are_unique_and_statuses_are_errors() {
        assertEquals(ErrorCode.values().length,
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count());
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.status() >= 400 && code.status() < 600, code.code());
        }
    }
}
