package org.camelevolink.examples;

import org.camelevolink.examples.DocumentedUris.Checker;
import org.camelevolink.examples.DocumentedUris.Found;
import org.camelevolink.examples.DocumentedUris.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code evolink:} URI written in the examples (Java and YAML, main and test sources), in README.md and in
 * every file under docs/, checked against the component's generated catalog JSON with Camel's runtime catalog:
 * unknown options, bad enum values and the other catalog errors fail the test, naming the file, the line and the URI.
 * The JSON is read from the classpath at test time, so options added to the component are known at once.
 * <p>
 * This file is not scanned: its checker tests write wrong URIs on purpose.
 */
class DocumentedUrisTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SELF = "DocumentedUrisTest.java";

    static Checker checker;

    @BeforeAll
    static void loadCatalog() {
        checker = Checker.fromClasspath();
    }

    @Test
    void everyEvolinkUriOfTheExamplesReadmeAndDocsIsValid() throws IOException {
        List<Found> found = scanProject();
        List<String> problems = new ArrayList<>();
        found.forEach(f -> problems.addAll(checker.check(f)));

        assertThat(found).as("evolink: URIs found").hasSizeGreaterThan(50);
        assertThat(problems).as("evolink: URIs that the catalog (%s) refuses", DocumentedUris.CATALOG_JSON).isEmpty();
    }

    /** The scan reads each kind of source: without this, a scan that found nothing would pass. */
    @Test
    void theScanSeesTheUrisOfEverySourceKind() throws IOException {
        List<Found> found = scanProject();

        // line numbers aside, so that editing the examples does not break this test
        assertThat(found).extracting(f -> new Found(f.file(), 0, f.uri(), f.parameters(), f.role())).contains(
                new Found("camel-evolink-examples/src/main/java/org/camelevolink/examples/MainExample.java", 0,
                        "evolink:mj-v7-upscale?imageNumber=1", Map.of(), Role.PRODUCER),
                new Found("camel-evolink-examples/src/main/resources/routes/outpaint-pan-chain.camel.yaml", 0,
                        "evolink:mj-v7-pan", Map.of("imageNumber", "2", "direction", "right", "scale", "2",
                                "download", "true"), Role.PRODUCER),
                new Found("camel-evolink-examples/src/main/resources/routes/orders-pipeline.camel.yaml", 0,
                        "evolink:mj-v7", Map.of("download", "true"), Role.CONSUMER));
        // README.md and the reference: Java and YAML snippets, inline code, tables with RAW() JSON values
        assertThat(found).filteredOn(f -> f.file().equals("README.md")).extracting(Found::role)
                .contains(Role.PRODUCER);
        assertThat(found).filteredOn(f -> f.file().equals("docs/evolink-component.adoc")).hasSizeGreaterThan(20)
                .anySatisfy(f -> assertThat(f.uri()).contains("&maskAreas=RAW([{\"width\":"));
        assertThat(found).filteredOn(f -> f.file().endsWith("YamlRouteTest.java")).extracting(Found::parameters)
                .anySatisfy(p -> assertThat(p).containsKeys("apiKey", "baseUrl"));
        assertThat(found).extracting(Found::file).doesNotContain(
                "camel-evolink-examples/src/test/java/org/camelevolink/examples/" + SELF);
    }

    /** The examples' sources, README.md and every file under docs/, with paths relative to the project. */
    static List<Found> scanProject() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        files.addAll(tree(ROOT.resolve("docs")));
        files.addAll(tree(ROOT.resolve("camel-evolink-examples/src")));
        List<Found> found = new ArrayList<>();
        for (Path file : files) {
            if (file.getFileName().toString().equals(SELF)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            String relative = ROOT.relativize(file).toString().replace('\\', '/');
            found.addAll(DocumentedUris.scan(relative, new String(bytes, StandardCharsets.UTF_8)
                    .replace("\r\n", "\n")));
        }
        return found;
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The checker itself: wrong URIs must be reported, with the file, the line and the URI. */
    @Nested
    class TheChecker {

        private List<String> problems(String file, String text) {
            List<String> problems = new ArrayList<>();
            DocumentedUris.scan(file, text).forEach(f -> problems.addAll(checker.check(f)));
            return problems;
        }

        @Test
        void reportsAnUnknownOptionWithFileLineAndUri() {
            List<String> problems = problems("docs/guide.md", """
                    # A guide

                    ```java
                    from("direct:a")
                        .to("evolink:mj-v7?promt=a cat");
                    ```
                    """);
            assertThat(problems).singleElement().asString()
                    .startsWith("docs/guide.md:5: evolink:mj-v7?promt=a cat: ")
                    .endsWith("unknown option 'promt'");
        }

        @Test
        void reportsABadEnumValue() {
            List<String> problems = problems("docs/guide.md", "Pan with `evolink:mj-v7-pan?direction=sideways`.\n");
            assertThat(problems).singleElement().asString()
                    .startsWith("docs/guide.md:1: evolink:mj-v7-pan?direction=sideways: ")
                    .endsWith("invalid value 'sideways' for direction (one of up, down, left, right)");
        }

        @Test
        void readsYamlParametersNextToTheUri() {
            List<String> problems = problems("routes/bad.camel.yaml", """
                    - route:
                        from:
                          uri: direct:a
                          steps:
                            - to:
                                uri: evolink:mj-v7-upscale
                                parameters:
                                  type: huge
                                  imageNumbr: 1
                            - to: "evolink:mj-v7?speed=slow"
                    """);
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0))
                    .startsWith("routes/bad.camel.yaml:6: evolink:mj-v7-upscale with parameters {type=huge, imageNumbr=1}")
                    .contains("unknown option 'imageNumbr'")
                    .contains("invalid value 'huge' for type (one of standard, creative, subtle, strong)");
            assertThat(problems.get(1)).isEqualTo("routes/bad.camel.yaml:10: evolink:mj-v7?speed=slow: "
                    + "invalid value 'slow' for speed (one of draft, fast, turbo)");
        }

        @Test
        void joinsJavaConcatenationsAndChecksNamesBehindPlaceholders() {
            List<String> problems = problems("Route.java", """
                    class Route extends RouteBuilder {
                        public void configure() {
                            from("direct:a").to("evolink:mj-v7-pan?scale=2" + "&direction=" + "north");
                            from("direct:b").to("evolink:mj-v7?speed=" + speed());            // judged at run time
                            from("direct:c").to("evolink:mj-v7?" + "sped=" + speed());        // the name is wrong
                            from("direct:d").to(String.format("evolink:mj-v7?speed=%s", speed()));
                        }
                    }
                    """);
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0)).isEqualTo("Route.java:3: evolink:mj-v7-pan?scale=2&direction=north: "
                    + "invalid value 'north' for direction (one of up, down, left, right)");
            assertThat(problems.get(1)).isEqualTo("Route.java:5: evolink:mj-v7?sped={{dynamic1}}: "
                    + "unknown option 'sped'");
        }

        @Test
        void judgesOptionNamesEvenWhenTheValueIsAPlaceholder() {
            assertThat(problems("a.md", "`evolink:mj-v7?speed={{evolink.speed}}&prompt=${body}`")).isEmpty();
            assertThat(problems("a.md", "`evolink:mj-v7?sped={{evolink.speed}}`")).singleElement().asString()
                    .endsWith("unknown option 'sped'");
            assertThat(problems("a.md", "`evolink:mj-v7?download=yes&imageNumber=two&scale=big&maxWaitTime=soon`"))
                    .singleElement().asString().contains("invalid boolean value 'yes' for download")
                    .contains("invalid integer value 'two' for imageNumber").contains("invalid number value 'big' for scale")
                    .contains("invalid duration value 'soon' for maxWaitTime");
        }

        @Test
        void reportsOptionsUsedOnTheWrongSideAndComponentOptionsOnEndpoints() {
            assertThat(problems("R.java", "from(\"evolink:mj-v7?prompt=a cat\");")).singleElement().asString()
                    .contains("'prompt' is a producer option, on a consumer (from) endpoint");
            assertThat(problems("R.java", "to(\"evolink:mj-v7?deliverFailedTasks=false\");")).singleElement().asString()
                    .contains("'deliverFailedTasks' is a consumer option, on a producer (to) endpoint");
            assertThat(problems("R.java", "to(\"evolink:*\");")).singleElement().asString()
                    .contains("only consumes");
            assertThat(problems("a.md", "`evolink:mj-v7?taskStoreFile=tasks.mv`")).singleElement().asString()
                    .contains("'taskStoreFile' is a component option").contains("camel.component.evolink.task-store-file");
        }

        @Test
        void readsAsciiDocTablesAndListings() {
            List<String> problems = problems("docs/ref.adoc", """
                    == URI format

                    ----
                    evolink:model[?options]
                    ----

                    [cols="1,1"]
                    |===
                    | `mj-v7-pan` | `evolink:mj-v7-pan?direction=diagonal\\|x`
                    |===
                    """);
            assertThat(problems).singleElement().asString().startsWith("docs/ref.adoc:9: evolink:mj-v7-pan?direction=diagonal|x");
        }

        @Test
        void acceptsWhatCamelAccepts() {
            assertThat(problems("ok.md", """
                    `evolink:mj-v7-inpaint?prompt=a flower&maskAreas=RAW([{"width":100,"height":100,"points":[1,1,1,50,50,50]}])`
                    `evolink:mj-v7?param.seed_hint=7&maxWaitTime=30m&speed=turbo&waitForCompletion=false`
                    `from("evolink:<model>")`, `from("evolink:*")`, the `evolink:` component, `.to("evolink:...")`

                    ```yaml
                            - to:
                                uri: evolink:mj-v7
                                parameters:
                                  waitForCompletion: false
                    # ...
                    - route:
                        from:
                          uri: evolink:mj-v7
                          parameters:
                            download: true
                            deliverFailedTasks: false
                    ```
                    """)).isEmpty();
        }
    }
}
