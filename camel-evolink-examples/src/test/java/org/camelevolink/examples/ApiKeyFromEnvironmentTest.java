package org.camelevolink.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The status the child wrote, or its output when it wrote none. */
    private static String run(Path dir, String propertiesLocation) throws Exception {
        Path result = dir.resolve("status.txt");
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyFromEnvironment.class.getName(), propertiesLocation,
                result.toString());
        pb.environment().put("EVOLINK_API_KEY", KEY);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process child = pb.start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not end in 120 s:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(output).as("the key never shows in the output").doesNotContain(KEY);
        return Files.exists(result) ? Files.readString(result) : output;
    }
}
