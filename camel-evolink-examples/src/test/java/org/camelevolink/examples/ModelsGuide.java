package org.camelevolink.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.catalog.ModelSpec;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/models.md and its before/after pictures: every model run once through an evolink: endpoint on the
 * simulator. Regenerate with
 * {@code mvn -B -q -pl camel-evolink-examples -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.camelevolink.examples.ModelsGuide -Dexec.args=..}
 * (the argument is the project's root folder).
 */
public final class ModelsGuide {

    private static final String PROMPT = "a ceramic teapot, product photo --ar 3:2";
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("upscale", "imageNumber=1"), Map.entry("enhance", "imageNumber=1"),
            Map.entry("variation", "imageNumber=1&type=strong"), Map.entry("remix", "imageNumber=1&prompt=in autumn"),
            Map.entry("inpaint", "imageNumber=1&prompt=a flower&maskAreas=RAW([{\"width\":100,\"height\":100,"
                    + "\"points\":[30,20,30,80,70,80,70,20]}])"),
            Map.entry("outpaint", "imageNumber=1&scale=1.5"), Map.entry("pan", "imageNumber=1&direction=right&scale=2"),
            Map.entry("edit", "imageNumber=1&prompt=fill&canvasWidth=240&canvasHeight=160&imgPosX=60&imgPosY=40"
                    + "&imgPosWidth=120&imgPosHeight=80"),
            Map.entry("upload-paint", "prompt=fill&canvasWidth=240&canvasHeight=160&imgPosX=0&imgPosY=0"
                    + "&imgPosWidth=240&imgPosHeight=160&maskAreas=RAW([{\"width\":100,\"height\":100,"
                    + "\"points\":[60,20,60,80,95,80,95,20]}])"),
            Map.entry("retexture", "prompt=made of wood"), Map.entry("remove-bg", ""));

    private ModelsGuide() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path images = Files.createDirectories(root.resolve("docs/img/models"));
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .imageBaseSize(240).build()); CamelContext camel = new DefaultCamelContext()) {
            EvolinkComponent evolink = new EvolinkComponent();
            evolink.getConfiguration().setApiKey(SimulatorConfig.DEFAULT_API_KEY);
            evolink.getConfiguration().setBaseUrl(sim.baseUrl());
            evolink.getConfiguration().setFilesBaseUrl(sim.filesBaseUrl());
            evolink.getConfiguration().setAllowInsecureUrls(true);
            evolink.getConfiguration().setMinPollInterval(20);
            camel.addComponent("evolink", evolink);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            List<String> rows = new ArrayList<>();
            for (ModelSpec spec : ModelCatalog.load().all()) {
                rows.add(run(template, sim, spec, images));
            }
            Files.writeString(root.resolve("docs/models.md"), page(rows));
            System.out.println("Wrote docs/models.md and " + images);
        }
    }

    private static String run(ProducerTemplate template, EvolinkSimulator sim, ModelSpec spec, Path images)
            throws IOException {
        String generation = spec.family().equals("v7") ? "mj-v7" : "mj-" + spec.family();
        String options = OPTIONS.getOrDefault(spec.operation(), "");
        String uri = "evolink:" + spec.id() + (spec.operation().equals("generate") ? "?prompt=" + PROMPT
                : options.isEmpty() ? "" : "?" + options);
        String before = null;
        Object body = null;
        if (!spec.operation().equals("generate")) {
            EvolinkTask source = template.requestBody("evolink:" + generation
                    + (spec.operation().equals("enhance") ? "?speed=draft" : ""), PROMPT, EvolinkTask.class);
            int shown = spec.requiresImageUrls() ? 0 : 1;
            before = write(images, spec.id() + "-before.png", sim.resultImage(source.getId(), shown));
            body = spec.requiresImageUrls() ? sim.resultImage(source.getId(), 0) : source;
        }
        Object sent = body;
        EvolinkTask result = template.requestBody(uri, sent, EvolinkTask.class);
        String after = write(images, spec.id() + "-after.png", sim.resultImage(result.getId(), 0));
        return "| `" + spec.id() + "` | `" + uri.replace("|", "\\|") + "` | "
                + (before == null ? "(prompt only)" : "![before](img/models/" + before + ")") + " | ![after](img/models/"
                + after + ") | " + result.getResults().size() + " |";
    }

    private static String write(Path dir, String name, byte[] png) throws IOException {
        Files.write(dir.resolve(name), png);
        return name;
    }

    private static String page(List<String> rows) {
        return """
                # Models guide

                Every EvoLink Midjourney model the component knows, run once through an `evolink:` endpoint on the
                embedded simulator. *Before* is the input (the chosen image of the source task, or the uploaded
                image), *after* the first result. The pictures are the simulator's, not Midjourney's: they show
                what each model does to the shape of an image (sizes, canvas, transparency), not how it looks.
                Regenerated by `ModelsGuide` (see its Javadoc). The options of each model are in the
                [component reference](evolink-component.adoc#_models).

                | model | endpoint | before | after | results |
                |---|---|---|---|---|
                """ + String.join("\n", rows) + "\n";
    }
}
