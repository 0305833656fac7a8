package org.camelevolink.component;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports go only downward: Camel glue → tracking → store / catalog → client → exceptions (docs/task-layer.md). Read from the
 * sources, so that a wrong import fails here, naming the file.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/org/camelevolink/component");

    @ParameterizedTest(name = "{0} imports none of: {1}")
    @CsvSource({
            "tracking, 'org\\.camelevolink\\.component\\.[A-Z]|org\\.apache\\.camel\\.'",
            "store, 'org\\.camelevolink\\.component\\.([A-Z]|tracking\\.|catalog\\.)|org\\.apache\\.camel\\.'",
            "catalog, 'org\\.camelevolink\\.component\\.([A-Z]|tracking\\.|store\\.)|org\\.apache\\.camel\\.'",
            "client, 'org\\.camelevolink\\.component\\.([A-Z]|tracking\\.|store\\.|catalog\\.)|org\\.apache\\.camel\\.'",
            "exceptions, 'org\\.camelevolink\\.component\\.([A-Z]|tracking\\.|store\\.|catalog\\.|client\\.)|org\\.apache\\.camel\\.'"
    })
    void importsGoOnlyDownward(String layer, String forbidden) throws IOException {
        Pattern wrong = Pattern.compile("^import (static )?(" + forbidden + ")");
        List<String> offending;
        try (Stream<Path> files = Files.walk(SOURCES.resolve(layer))) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> lines(f).stream()
                    .filter(line -> wrong.matcher(line).find()).map(line -> f.getFileName() + ": " + line)).toList();
        }
        assertThat(Files.isDirectory(SOURCES.resolve(layer))).isTrue();
        assertThat(offending).as("imports against the layering in %s", layer).isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
