package org.camelevolink.examples;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guides under docs/ show only code that runs: every java, yaml and properties snippet must be the text (line by
 * line, indentation aside) of a source file of the examples or of a test, and the lines around it must name an
 * existing test class. Every {@code mvn} command in a shell snippet must be one that README.md or docs/index.md
 * gives. Links between the guides, anchors included, must resolve.
 */
class GuideSnippetsTest {

    private static final Path ROOT = DocumentedUrisTest.ROOT;
    private static final Set<String> CODE = Set.of("java", "yaml", "yml", "properties");
    private static final Set<String> COMMANDS = Set.of("bash", "sh", "shell");
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([A-Za-z0-9_+-]*)\\s*$");
    private static final Pattern TEST_NAME = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Test)\\b");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** A fenced code block: its language, first line (1-based) and lines. */
    private record Snippet(String lang, int line, List<String> lines) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"getting-started.md", "chaining.md", "errors-and-retries.md", "security.md",
        "deployment.md"})
    void everySnippetIsTheTextOfSomethingATestRuns(String guide) throws IOException {
        List<String> page = Files.readAllLines(ROOT.resolve("docs").resolve(guide));
        Map<Path, List<String>> sources = sources();
        Set<String> tests = testClasses();
        String commands = Files.readString(ROOT.resolve("README.md")) + Files.readString(ROOT.resolve("docs/index.md"));
        List<String> problems = new ArrayList<>();
        List<Snippet> snippets = snippets(page);
        for (Snippet s : snippets) {
            String where = "docs/" + guide + ":" + s.line();
            if (COMMANDS.contains(s.lang())) {
                for (String l : s.lines()) {
                    String command = l.strip();
                    if (command.startsWith("mvn ") && !commands.contains(command)) {
                        problems.add(where + ": '" + command + "' is not a command of README.md or docs/index.md");
                    }
                }
                continue;
            }
            if (!CODE.contains(s.lang())) {
                problems.add(where + ": a '" + s.lang() + "' snippet; only java, yaml, properties and shell are known");
                continue;
            }
            List<String> wanted = normalized(s.lines());
            if (sources.values().stream().noneMatch(src -> contains(src, wanted))) {
                problems.add(where + ": this " + s.lang() + " snippet is not the text of any source file of the "
                        + "examples or of a test");
            }
            String around = String.join("\n", page.subList(Math.max(0, s.line() - 7), s.line() - 1)) + "\n"
                    + String.join("\n", page.subList(Math.min(page.size(), s.line() + s.lines().size()),
                            Math.min(page.size(), s.line() + s.lines().size() + 3)));
            Matcher test = TEST_NAME.matcher(around);
            boolean named = false;
            while (test.find()) {
                if (!tests.contains(test.group(1))) {
                    problems.add(where + ": names " + test.group(1) + ", which is no test class of this project");
                }
                named = true;
            }
            if (!named) {
                problems.add(where + ": no test is named next to this snippet");
            }
        }
        assertThat(snippets).as("snippets of " + guide).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"getting-started.md", "chaining.md", "errors-and-retries.md", "security.md",
        "deployment.md", "checking-uris.md", "your-own-project.md"})
    void theGuidesLinksResolve(String guide) throws IOException {
        Path page = ROOT.resolve("docs").resolve(guide);
        String text = Files.readString(page);
        List<String> problems = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("http")) {
                continue;
            }
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            if (!Files.exists(resolved)) {
                problems.add(guide + ": link to " + target + ": no such file");
            } else if (target.contains("#") && resolved.toString().endsWith(".md")
                    && !anchors(Files.readAllLines(resolved)).contains(target.substring(target.indexOf('#') + 1))) {
                problems.add(guide + ": link to " + target + ": no such heading");
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static List<Snippet> snippets(List<String> page) {
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Matcher open = FENCE.matcher(page.get(i));
            if (open.matches()) {
                int start = i + 1;
                int end = start;
                while (end < page.size() && !page.get(end).strip().equals("```")) {
                    end++;
                }
                out.add(new Snippet(open.group(1).toLowerCase(Locale.ROOT), start + 1, page.subList(start, end)));
                i = end;
            }
        }
        return out;
    }

    /** Lines without indentation or trailing blanks, blank lines dropped. */
    private static List<String> normalized(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean contains(List<String> source, List<String> wanted) {
        for (int i = 0; i + wanted.size() <= source.size(); i++) {
            if (source.subList(i, i + wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The examples' sources and resources, every test source of the project, and the deployment modules' test
     * applications (their sources are the applications the tests run), normalized.
     */
    private static Map<Path, List<String>> sources() throws IOException {
        Map<Path, List<String>> out = new LinkedHashMap<>();
        List<Path> roots = List.of(ROOT.resolve("camel-evolink-examples/src"),
                ROOT.resolve("camel-evolink-component/src/test"), ROOT.resolve("camel-evolink-simulator/src/test"),
                ROOT.resolve("camel-evolink-camel-run/src/test"), ROOT.resolve("camel-evolink-starter/src/test"),
                ROOT.resolve("camel-quarkus-evolink/integration-test/src"));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(GuideSnippetsTest::isSource).toList()) {
                    out.put(f, normalized(Files.readAllLines(f)));
                }
            }
        }
        return out;
    }

    private static boolean isSource(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".java") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".properties");
    }

    private static Set<String> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/"))
                    .map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Test.java"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** GitHub's anchors of a Markdown page's headings. */
    private static Set<String> anchors(List<String> lines) {
        Set<String> out = new java.util.HashSet<>();
        boolean fenced = false;
        for (String l : lines) {
            if (l.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && l.startsWith("#")) {
                String heading = l.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                out.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return out;
    }
}
