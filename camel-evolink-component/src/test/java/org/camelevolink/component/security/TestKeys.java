package org.camelevolink.component.security;

import org.camelevolink.simulator.SimulatorConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every API key the component's tests use, so that the key scan of the whole test run (KeyScan) looks for each of
 * them. A test that introduces a key literal ({@code "sk-..."}) must add it here: KeyLeakScanTest fails otherwise.
 */
public final class TestKeys {

    /** The simulator's default key: ProducerTestSupport and most route tests. */
    public static final String SIMULATOR = SimulatorConfig.DEFAULT_API_KEY;

    /** The security tests' key: distinctive, with the characters that URL encoding changes. */
    public static final String SECURITY = "sk-SECURITY-4e7b+c1d9/a05f=3b";

    /**
     * Every key used by a test of this module, by literal where the test keeps its own. Keys shorter than 12
     * characters are not scanned for (they would match unrelated text) and may only appear in tests that never
     * send them: see {@link #UNSCANNED}.
     */
    public static final List<String> ALL = List.of(SIMULATOR, SECURITY,
            "sk-SECRET-7f3a9c1e5d2b8a64", // client/SecretsTest
            "sk-very-secret+key/value=42", // KeySecrecyTest
            "sk-another-key-000", // KeySecrecyTest
            "sk-batch-test-key-d4f0",
            "sk-bounds-test-key-8e41",
            "sk-client-test-key-9f8e7d",
            "sk-close-test-key-a90f",
            "sk-download-test-key-61bb",
            "sk-errors-test-key-31a7",
            "sk-not-a-known-key-77",
            "sk-oversize-props-key-77c1", // client/OversizeAnswerPropertiesTest
            "sk-parsing-props-key-5d2e", // client/AnswerParsingPropertiesTest
            "sk-proxy-test",
            "sk-retry-test-key-5c2e",
            "sk-submit-test-key-0b9d",
            "sk-task-fields-key-3c2b1a"); // client/TaskFieldsTest

    /** Too short to scan for: client/ClientConfigTest builds configurations with it and sends nothing. */
    public static final List<String> UNSCANNED = List.of("sk-x");

    private TestKeys() {
    }

    /**
     * What a leak of a key looks like: the key as written, as a URL encoder writes it, and each run of at least 12
     * characters of it that no encoding changes (letters, digits, '-'), so that a key printed percent-encoded,
     * with '+' turned into a space or cut at a special character is found too.
     */
    static Set<String> searchForms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String key : ALL) {
            forms.add(key);
            forms.add(URLEncoder.encode(key, StandardCharsets.UTF_8));
            for (String run : key.split("[^A-Za-z0-9-]+")) {
                if (run.length() >= 12) {
                    forms.add(run);
                }
            }
        }
        return forms;
    }
}
