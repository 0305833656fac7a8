package org.camelevolink.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key from the environment, as docs/security.md says, each case in a JVM of its own (a test cannot set its own
 * environment variables). The key holds {@code + / =}, characters an endpoint URI would mangle.
 */
class ApiKeyFromEnvironmentTest {

    private static final String KEY = "sk-env+key/with=chars==";

    /** {@code camel.component.evolink.api-key={{env:EVOLINK_API_KEY}}}: a property value is not a URI. */
    @Test
    void theComponentPropertyTakesTheKeyFromTheEnvironment(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "classpath:guides/application.properties")).isEqualTo("completed");
    }

    /** No key property at all: the component reads EVOLINK_API_KEY itself. */
    @Test
    void withoutAnyKeyPropertyTheComponentReadsEvolinkApiKey(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "none")).isEqualTo("completed");
    }

    /**
     * {@code RAW(...)} belongs to endpoint URIs: camel-main keeps it as part of a property's value (Camel 4.18 and
     * 4.22), so the key sent is {@code RAW(sk-...)} and EvoLink answers 401.
     */
    @Test
    void rawInAPropertyFileBecomesPartOfTheKey(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "classpath:guides/raw-in-a-property.properties")).contains("HTTP 401");
    }

    /** Everything at DEBUG except the three loggers docs/security.md names: the key appears nowhere. */
    @Test
    void aCamelMainStartAtDebugShowsTheKeyNowhere(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "classpath:guides/application.properties", "log4j2-debug.properties"))
                .isEqualTo("completed");
        assertThat(Files.readString(dir.resolve("child.log"))).as("DEBUG lines were written")
                .contains("DEBUG org.apache.camel");
    }

    /** The key only in EVOLINK_API_KEY: Camel never sees it, so even its property loggers at DEBUG cannot print it. */
    @Test
    void aKeyOnlyInTheEnvironmentIsSafeEvenWithCamelsPropertyLoggersAtDebug(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "none", "log4j2-debug-camel.properties")).isEqualTo("completed");
        assertThat(Files.readString(dir.resolve("child.log"))).contains("DEBUG org.apache.camel.main.MainHelper");
    }

    /**
     * The limit docs/security.md names: Camel's property loggers at DEBUG print a resolved placeholder, the key
     * included; the component cannot mask it, and says so in a WARN. (When Camel masks it, this fails: update the
     * docs.)
     */
    @Test
    void camelsPropertyLoggersAtDebugPrintAResolvedKeyAndTheComponentWarns(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("status.txt");
        String output = start(dir, "classpath:guides/application.properties", "log4j2-debug-camel.properties",
                result);
        assertThat(output.contains("-> " + KEY)).as("a resolved placeholder printed").isTrue();
        assertThat(output.contains("WARN  org.camelevolink.component.EvolinkComponent - Camel's property loggers "))
                .as("the component's WARN").isTrue();
        assertThat(Files.readString(result)).isEqualTo("completed");
    }

    /** The status the child wrote, or its output when it wrote none; the key must not be in its output. */
    private static String run(Path dir, String propertiesLocation) throws Exception {
        return run(dir, propertiesLocation, null);
    }

    private static String run(Path dir, String propertiesLocation, String logConfig) throws Exception {
        Path result = dir.resolve("status.txt");
        String output = start(dir, propertiesLocation, logConfig, result);
        assertThat(output).as("the key never shows in the output").doesNotContain(KEY);
        return Files.exists(result) ? Files.readString(result) : output;
    }

    /** Runs the child with {@code logConfig} from guides/ (null: the examples' own), and returns its output. */
    private static String start(Path dir, String propertiesLocation, String logConfig, Path result) throws Exception {
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        if (logConfig != null) {
            command.add("-Dlog4j2.configurationFile=classpath:guides/" + logConfig);
        }
        command.addAll(List.of(KeyFromEnvironment.class.getName(), propertiesLocation, result.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("EVOLINK_API_KEY", KEY);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process child = pb.start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not end in 120 s:\n" + Files.readString(log));
        }
        return Files.readString(log);
    }
}
