package org.camelevolink.examples;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.SimulatorMain;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.task.SimTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/your-own-project.md, built as a user would build it: every code block marked {@code <!-- file: PATH -->} is
 * written into a new project folder, an in-process simulator is started with the flags of the page's standalone
 * simulator command (on a free port), and the page's own run command is run in a child Maven, offline, on the local
 * repository of this build: once with the Java DSL routes, once with the YAML routes. Each of the page's three
 * routes is checked by what it did: (a) the upscale of a generation, downloaded and written; (b) a task submitted
 * with waitForCompletion=false and delivered to the consumer route with its correlation id, which names the files
 * it wrote; (c) the pan of the outpaint of a generation, written. Every written file must be the simulator's own
 * result image of the right task. The child resolves camel-evolink-component from the local repository, so the
 * installed jar must be the one this build made (the README's test command is {@code mvn -B install}).
 */
class OwnProjectPageTest {

    private static final Path ROOT = DocumentedUrisTest.ROOT;
    private static final Path PAGE = ROOT.resolve("docs/your-own-project.md");

    private static final List<String> JAVA_ROUTES = List.of("src/main/java/com/example/ProductShotRoute.java",
            "src/main/java/com/example/OrderRoutes.java", "src/main/java/com/example/WideShotRoute.java");
    private static final List<String> YAML_ROUTES = List.of("src/main/resources/routes/product-shot.camel.yaml",
            "src/main/resources/routes/orders.camel.yaml", "src/main/resources/routes/wide-shot.camel.yaml");
    private static final Set<String> FILES = Set.of("pom.xml", "src/main/resources/log4j2.properties",
            "src/main/resources/application.properties", "src/main/java/com/example/Application.java",
            JAVA_ROUTES.get(0), JAVA_ROUTES.get(1), JAVA_ROUTES.get(2),
            YAML_ROUTES.get(0), YAML_ROUTES.get(1), YAML_ROUTES.get(2));
    /** Where the page says the images land, under the project folder (the working directory of the run). */
    private static final String IMAGES = "images";
    /** The prompts of the page's routes: (a) product-shot, (b) order-submit, (c) wide-shot. */
    private static final String MUG = "a ceramic mug on a wooden table --ar 4:3";
    private static final String LANTERN = "a paper lantern on a windowsill --ar 1:1";
    private static final String LIGHTHOUSE = "a lighthouse on a cliff --ar 3:2";
    /** The correlation id order-submit sets, which the consumer route order-delivery names its files by. */
    private static final String ORDER = "order-42";
    /** Paid tasks of one run: (a) generation and upscale, (b) one generation, (c) generation, outpaint, pan. */
    private static final int TASKS = 6;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final long CHILD_TIMEOUT_MINUTES = 5;

    private static final Pattern MARK = Pattern.compile("^<!-- (file|run): (.+?) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z0-9_+-]*)\\s*$");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(.*)$");

    /** The page's marked blocks: files by path, commands by name. */
    private record Page(Map<String, String> files, Map<String, String> runs) {
    }

    /** One shell command of a block: the environment assignments before it, then its words. */
    private record Command(Map<String, String> env, List<String> words) {
    }

    @Test
    void thePageHasTheProjectsFilesAndItsCommands() throws IOException {
        Page page = page();
        assertThat(page.files().keySet()).as("the files marked on docs/your-own-project.md")
                .containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(page.runs().keySet()).containsExactlyInAnyOrder("install", "simulator",
                "application on the simulator", "application on EvoLink");

        assertThat(commands(page.runs().get("install"))).singleElement().extracting(Command::words)
                .isEqualTo(List.of("mvn", "-B", "install", "-DskipTests"));

        String version = projectVersion();
        assertThat(page.files().get("pom.xml")).as("the page's pom depends on this version of the component")
                .contains("<camel-evolink.version>" + version + "</camel-evolink.version>")
                .contains("<camel.version>" + property(Files.readString(ROOT.resolve("pom.xml")), "camel.version")
                        + "</camel.version>");
        for (String route : Stream.concat(JAVA_ROUTES.stream(), YAML_ROUTES.stream()).toList()) {
            assertThat(page.files().get(route)).as(route + " writes where the page says").contains("file:" + IMAGES);
        }
        assertThat(page.files().get("src/main/resources/application.properties"))
                .as("camel-main stops after the three timers' messages and the consumer's")
                .contains("camel.main.duration-max-messages = 4");

        // the EvoLink command is the simulator one without the simulator's options
        Command onSimulator = mavenCommand(page, "application on the simulator");
        Command onEvolink = mavenCommand(page, "application on EvoLink");
        assertThat(onSimulator.env()).containsEntry("EVOLINK_API_KEY", SimulatorConfig.DEFAULT_API_KEY);
        assertThat(onSimulator.words().stream().filter(w -> !w.startsWith("-Dcamel.component.evolink.")).toList())
                .isEqualTo(onEvolink.words());
        assertThat(onSimulator.words()).contains("-B")
                .doesNotContain("-q")
                .contains("-Dcamel.component.evolink.allow-insecure-urls=true");
        assertThat(onEvolink.words()).noneMatch(w -> w.contains("allow-insecure-urls"));
    }

    @Test
    void theJavaDslProjectBuildsAndRunsOnTheSimulator(@TempDir Path dir) throws Exception {
        buildAndRun(dir, JAVA_ROUTES, YAML_ROUTES);
    }

    @Test
    void theYamlProjectBuildsAndRunsOnTheSimulator(@TempDir Path dir) throws Exception {
        buildAndRun(dir, YAML_ROUTES, JAVA_ROUTES);
    }

    /** Writes the page's project with {@code routes} (without {@code otherRoutes}), runs it, checks what it did. */
    private static void buildAndRun(Path dir, List<String> routes, List<String> otherRoutes) throws Exception {
        Path repository = localRepository();
        requireInstalledComponent(repository);
        Page page = page();

        Path project = dir.resolve("product-shots");
        for (Map.Entry<String, String> file : page.files().entrySet()) {
            if (otherRoutes.contains(file.getKey())) {
                continue;
            }
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        routes.forEach(route -> assertThat(project.resolve(route)).exists());

        // the simulator the page starts, on a free port instead of its fixed one
        List<String> simulatorCommand = commands(page.runs().get("simulator")).get(0).words();
        assertThat(simulatorCommand.subList(0, 2)).isEqualTo(List.of("java", "-jar"));
        requireStandaloneSimulator(ROOT.resolve(simulatorCommand.get(2)));
        List<String> simulatorArgs = new ArrayList<>(simulatorCommand.subList(3, simulatorCommand.size()));
        int portAt = simulatorArgs.indexOf("--port");
        assertThat(portAt).as("the page's simulator command names its port").isNotNegative();
        String pageUrl = "http://127.0.0.1:" + simulatorArgs.get(portAt + 1);
        simulatorArgs.set(portAt + 1, "0");
        SimulatorConfig config = SimulatorMain.parse(simulatorArgs.toArray(String[]::new));

        Command run = mavenCommand(page, "application on the simulator");
        assertThat(run.words()).as("the run command points the component at the page's simulator")
                .contains("-Dcamel.component.evolink.base-url=" + pageUrl,
                        "-Dcamel.component.evolink.files-base-url=" + pageUrl);
        String output;
        long took;
        Outcome outcome;
        try (EvolinkSimulator sim = EvolinkSimulator.start(config)) {
            assertThat(sim.filesBaseUrl()).isEqualTo(sim.baseUrl());
            List<String> command = new ArrayList<>();
            command.add(maven().toString());
            command.add("-o");
            command.add("-Dmaven.repo.local=" + repository);
            for (String word : run.words().subList(1, run.words().size())) {
                command.add(word.replace(pageUrl, sim.baseUrl()));
            }
            if (!command.contains("-B")) {
                command.add("-B");
            }
            long started = System.nanoTime();
            output = runChild(command, run.env(), project, dir.resolve("child-build.log"));
            took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(sim.journal().chargedSubmits()).as("tasks the run submitted to the simulator; the build:\n"
                    + output).isEqualTo(TASKS);
            outcome = outcome(sim, output);
        }
        System.out.println("OwnProjectPageTest: the " + routes + " project built and ran in " + took + " s");

        Path images = project.resolve(IMAGES);
        try (Stream<Path> written = Files.list(images)) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted()).as("the files the routes wrote")
                    .containsExactlyElementsOf(outcome.files().keySet().stream().sorted().toList());
        }
        for (Map.Entry<String, byte[]> expected : outcome.files().entrySet()) {
            Path image = images.resolve(expected.getKey());
            byte[] bytes = Files.readAllBytes(image);
            assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as(image + " is a PNG").isEqualTo(PNG_SIGNATURE);
            assertThat(bytes).as(image + " is the simulator's result image of its task").isEqualTo(expected.getValue());
        }

        // each route's own log lines are in Maven's output, every write before camel-main stops
        assertThat(output).as("the routes' log lines in the build's output").contains(
                "INFO  product-shot - Submitting: " + MUG,
                "INFO  order-submit - Order " + ORDER + ": submitted task " + outcome.orderTask(),
                "INFO  order-delivery - Order " + ORDER + ": task " + outcome.orderTask() + " completed",
                "INFO  wide-shot - Pan " + outcome.panTask() + " finished: completed");
        assertThat(output).containsPattern("INFO  product-shot - Task \\S+ finished: completed");
        int stop = output.indexOf("Duration max messages triggering shutdown");
        assertThat(stop).as("camel-main stops after its four messages; the build:\n" + output).isPositive();
        for (String file : outcome.files().keySet()) {
            String wrote = " - Wrote " + IMAGES + File.separator + file;
            assertThat(output.indexOf(wrote)).as("'" + wrote + "' before the stop; the build:\n" + output)
                    .isBetween(0, stop);
        }
        assertThat(output).contains("BUILD SUCCESS").doesNotContain("No SLF4J providers were found");
    }

    // ---- what the routes did, as the simulator saw it ------------------------------------------------------------

    /**
     * The files the page's routes must have written, by name, each with the simulator's result image it must hold,
     * and the ids of the order's task and of the pan.
     */
    private record Outcome(Map<String, byte[]> files, String orderTask, String panTask) {
    }

    /** Finds each route's tasks among the simulator's submits and checks how they chain. */
    private static Outcome outcome(EvolinkSimulator sim, String output) throws IOException {
        List<SimTask> tasks = sim.journal(Endpoint.CREATE).stream().filter(JournalEntry::isCharged)
                .map(e -> sim.task(e.taskId())).toList();
        String build = "; the build:\n" + output;
        Map<String, byte[]> files = new LinkedHashMap<>();

        // (a) product-shot: the upscale of image 1 of the mug's generation
        SimTask upscale = only(tasks, "mj-v7-upscale", null, build);
        assertThat(upscale.source().model()).isEqualTo("mj-v7");
        assertThat(upscale.source().request().prompt().text()).isEqualTo(MUG.replace(" --ar 4:3", ""));
        assertThat(upscale.request().imageNumber()).isEqualTo(1);
        BufferedImage upscaled = png(sim.resultImage(upscale.id(), 0));
        assertThat(upscaled.getWidth() * 3).as("(a) the upscale, --ar 4:3").isEqualTo(upscaled.getHeight() * 4);
        files.put("mug-upscaled.png", sim.resultImage(upscale.id(), 0));

        // (b) order-submit, order-delivery: the consumer wrote the fire-and-forget task, named by its correlation id
        SimTask order = only(tasks, "mj-v7", LANTERN.replace(" --ar 1:1", ""), build);
        for (int i = 0; i < 4; i++) {
            files.put(ORDER + "-" + i + ".png", sim.resultImage(order.id(), i));
        }

        // (c) wide-shot: the pan (image 2, right, twice as wide) of the outpaint of image 1 of the lighthouse
        SimTask pan = only(tasks, "mj-v7-pan", null, build);
        SimTask outpaint = pan.source();
        assertThat(outpaint.model()).isEqualTo("mj-v7-outpaint");
        assertThat(outpaint.request().imageNumber()).isEqualTo(1);
        assertThat(outpaint.source().request().prompt().text()).isEqualTo(LIGHTHOUSE.replace(" --ar 3:2", ""));
        assertThat(pan.request().imageNumber()).isEqualTo(2);
        BufferedImage zoomedOut = png(sim.resultImage(outpaint.id(), 2));
        for (int i = 0; i < 4; i++) {
            byte[] panned = sim.resultImage(pan.id(), i);
            BufferedImage picture = png(panned);
            assertThat(new int[] {picture.getWidth(), picture.getHeight()}).as("(c) pan right, scale 2")
                    .containsExactly(zoomedOut.getWidth() * 2, zoomedOut.getHeight());
            files.put("lighthouse-" + i + ".png", panned);
        }
        return new Outcome(files, order.id(), pan.id());
    }

    /** The one task of {@code model} (and of the prompt {@code text}, unless null) the run submitted. */
    private static SimTask only(List<SimTask> tasks, String model, String text, String build) {
        List<SimTask> found = tasks.stream().filter(t -> t.model().equals(model))
                .filter(t -> text == null || text.equals(t.request().prompt().text())).toList();
        assertThat(found).as("the " + model + " task" + (text == null ? "" : " of '" + text + "'") + build)
                .hasSize(1);
        return found.get(0);
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(picture).as("a picture the simulator made decodes").isNotNull();
        return picture;
    }

    // ---- the page ---------------------------------------------------------------------------------------------------

    private static Page page() throws IOException {
        List<String> lines = Files.readAllLines(PAGE);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> runs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher mark = MARK.matcher(lines.get(i));
            if (!mark.matches()) {
                continue;
            }
            String where = "docs/your-own-project.md:" + (i + 1);
            int open = i + 1;
            assertThat(open < lines.size() && FENCE.matcher(lines.get(open)).matches())
                    .as(where + ": a code block right after the mark").isTrue();
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                close++;
            }
            assertThat(close).as(where + ": the block is closed").isLessThan(lines.size());
            String text = String.join("\n", lines.subList(open + 1, close)) + "\n";
            Map<String, String> into = mark.group(1).equals("file") ? files : runs;
            assertThat(into.put(mark.group(2), text)).as(where + ": " + mark.group(2) + " marked once").isNull();
            i = close;
        }
        return new Page(files, runs);
    }

    /** The commands of a shell block: comments dropped, {@code \} continuations joined, words split on blanks. */
    private static List<Command> commands(String block) {
        List<Command> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : block.split("\n")) {
            String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String command = pending.toString().strip();
            pending.setLength(0);
            if (command.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(command.split("\\s+")));
            Map<String, String> env = new LinkedHashMap<>();
            while (!words.isEmpty() && ENV_ASSIGNMENT.matcher(words.get(0)).matches()) {
                Matcher m = ENV_ASSIGNMENT.matcher(words.remove(0));
                m.matches();
                env.put(m.group(1), m.group(2));
            }
            out.add(new Command(env, words));
        }
        return out;
    }

    /** The one {@code mvn} command of a run block. */
    private static Command mavenCommand(Page page, String run) {
        List<Command> maven = commands(page.runs().get(run)).stream()
                .filter(c -> !c.words().isEmpty() && c.words().get(0).equals("mvn")).toList();
        assertThat(maven).as("the mvn command of '" + run + "'").hasSize(1);
        return maven.get(0);
    }

    // ---- the build this test runs in ---------------------------------------------------------------------------------

    private static String projectVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>camel-evolink-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("the version in the root pom.xml").isTrue();
        return m.group(1).strip();
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("<" + name + "> in the root pom.xml").isTrue();
        return m.group(1).strip();
    }

    /** The local repository of this build (surefire passes it), else Maven's default. */
    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * The child build takes camel-evolink-component from the local repository: it must be there, and be the jar
     * this build has just made, not one installed by an earlier build.
     */
    private static void requireInstalledComponent(Path repository) throws IOException {
        String version = projectVersion();
        String jar = "camel-evolink-component-" + version + ".jar";
        Path built = ROOT.resolve("camel-evolink-component/target").resolve(jar);
        Path installed = repository.resolve("org/camelevolink/camel-evolink-component").resolve(version).resolve(jar);
        String fix = " OwnProjectPageTest builds a new project that takes org.camelevolink:camel-evolink-component:"
                + version + " from the local repository " + repository + ", as docs/your-own-project.md tells a "
                + "user to. Run mvn -B install from the root of the clone (the README's test command; verify does "
                + "not install, and building camel-evolink-examples alone uses whatever jar was installed before).";
        assertThat(Files.isRegularFile(built)).as(built + " is missing: the component was not built in this run."
                + fix).isTrue();
        assertThat(Files.isRegularFile(installed)).as(installed + " is missing: the component is not installed."
                + fix).isTrue();
        String builtSha = sha256(built);
        String installedSha = sha256(installed);
        assertThat(installedSha).as("the installed " + installed + " (SHA-256 " + installedSha + ") is not the "
                + "freshly built " + built + " (SHA-256 " + builtSha + "): it is stale, installed by an earlier (or "
                + "another) build." + fix)
                .isEqualTo(builtSha);
    }

    /** The standalone simulator jar the page runs, as the same build made it. */
    private static void requireStandaloneSimulator(Path jar) throws IOException {
        assertThat(Files.isRegularFile(jar)).as(jar + ", the standalone simulator of docs/your-own-project.md, is "
                + "missing: run mvn -B install from the root of the clone").isTrue();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(SimulatorMain.class.getName());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mvn of the Maven running this build (surefire passes maven.home), else MAVEN_HOME, M2_HOME, the PATH. */
    private static Path maven() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String name = windows ? "mvn.cmd" : "mvn";
        List<String> homes = new ArrayList<>();
        homes.add(System.getProperty("maven.home"));
        homes.add(System.getenv("MAVEN_HOME"));
        homes.add(System.getenv("M2_HOME"));
        for (String home : homes) {
            if (home != null && !home.isBlank() && !home.startsWith("${")) {
                Path mvn = Path.of(home, "bin", name);
                if (Files.isExecutable(mvn)) {
                    return mvn;
                }
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                Path mvn = Path.of(entry, name);
                if (!entry.isBlank() && Files.isExecutable(mvn)) {
                    return mvn;
                }
            }
        }
        throw new AssertionError("no mvn found: neither the maven.home system property, MAVEN_HOME, M2_HOME nor "
                + "the PATH names a Maven; OwnProjectPageTest runs a child Maven build");
    }

    /** Runs the child build in {@code dir} and returns its output; fails with it when the build does. */
    private static String runChild(List<String> command, Map<String, String> env, Path dir, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        String shown = String.join(" ", env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                + " " + String.join(" ", command) + "  (in " + dir + ")";
        Process child = pb.start();
        if (!child.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the child build did not end in " + CHILD_TIMEOUT_MINUTES + " minutes: "
                    + shown + "\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as("the child build " + shown + " failed:\n" + output).isZero();
        return output;
    }
}
