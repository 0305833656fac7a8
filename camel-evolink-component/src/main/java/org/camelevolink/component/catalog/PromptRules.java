package org.camelevolink.component.catalog;

import org.camelevolink.component.client.EvolinkValidationException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Midjourney prompt rules EvoLink documents: image prompts at the start (1 image and no text is invalid, at
 * most 20), flags a version forbids, and the ranges and dependencies of the prompt guide.
 */
final class PromptRules {

    private static final List<String> IMAGE_FORMATS = List.of("png", "gif", "webp", "jpg", "jpeg");
    private static final Set<String> NO_VALUE = Set.of("--raw", "--tile", "--draft", "--fast", "--turbo", "--niji",
            "--hd");
    private static final Map<String, double[]> RANGES = Map.of("--c", new double[] {0, 100}, "--s",
            new double[] {0, 1000}, "--w", new double[] {0, 3000}, "--seed", new double[] {0, 4294967295L}, "--iw",
            new double[] {0, 3}, "--sw", new double[] {0, 1000}, "--sv", new double[] {1, 6}, "--ow",
            new double[] {1, 1000}, "--exp", new double[] {0, 100});

    private PromptRules() {
    }

    static void check(ModelSpec spec, String prompt, String speed) {
        String[] tokens = prompt.trim().split("\\s+");
        int i = 0;
        int images = 0;
        boolean generation = spec.operation().equals("generate");
        while (generation && i < tokens.length && UrlRules.isHttp(tokens[i])) {
            if (!UrlRules.hasFormat(tokens[i], IMAGE_FORMATS)) {
                throw fail(spec, "is an image prompt that is not one of " + IMAGE_FORMATS + ": " + tokens[i]);
            }
            images++;
            i++;
        }
        Map<String, String> flags = new HashMap<>();
        boolean text = false;
        for (; i < tokens.length; i++) {
            String t = tokens[i];
            if (!t.startsWith("--") || t.length() < 3) {
                text = true;
                continue;
            }
            String name = t.toLowerCase(Locale.ROOT);
            String value = !NO_VALUE.contains(name) && i + 1 < tokens.length && !tokens[i + 1].startsWith("--")
                    ? tokens[++i] : "";
            flags.put(name, value);
        }
        if (images > 20) {
            throw fail(spec, "has " + images + " image prompts; at most 20 are allowed");
        }
        if (images == 1 && !text) {
            throw fail(spec, "has one image prompt and no text: EvoLink rejects that (add a description or a "
                    + "second image)");
        }
        for (String forbidden : spec.forbiddenPromptFlags()) {
            if (flags.containsKey(forbidden)) {
                throw fail(spec, "contains " + forbidden + ", which " + spec.id() + " does not allow");
            }
        }
        checkFlags(spec, flags, images > 0, text, speed);
    }

    private static void checkFlags(ModelSpec spec, Map<String, String> flags, boolean images, boolean text,
            String speed) {
        for (Map.Entry<String, String> f : flags.entrySet()) {
            double[] range = RANGES.get(f.getKey());
            if (range != null) {
                double v = number(spec, f.getKey(), f.getValue());
                if (v < range[0] || v > range[1]) {
                    throw fail(spec, "has " + f.getKey() + " " + f.getValue() + " outside " + (long) range[0] + ".."
                            + (range[1] == Math.rint(range[1]) ? Long.toString((long) range[1]) : range[1]));
                }
            }
        }
        String ar = flags.get("--ar");
        if (ar != null && !ar.matches("[1-9]\\d*:[1-9]\\d*")) {
            throw fail(spec, "has --ar '" + ar + "': it must be W:H with positive whole numbers");
        }
        String q = flags.get("--q");
        if (q != null && spec.family().equals("v7") && !Set.of("1", "2", "4").contains(q)) {
            throw fail(spec, "has --q " + q + ": it must be 1, 2 or 4");
        }
        needs(spec, flags, "--sv", "--sref");
        needs(spec, flags, "--sw", "--sref");
        needs(spec, flags, "--ow", "--oref");
        if (flags.containsKey("--iw") && !images) {
            throw fail(spec, "has --iw but no image prompt");
        }
        if ((flags.containsKey("--sref") || flags.containsKey("--oref")) && !text) {
            throw fail(spec, "uses --sref/--oref without a text prompt");
        }
        if (flags.containsKey("--oref") && speed != null && !speed.equals("fast")) {
            throw fail(spec, "uses --oref, which works only at speed fast");
        }
    }

    private static void needs(ModelSpec spec, Map<String, String> flags, String flag, String needed) {
        if (flags.containsKey(flag) && !flags.containsKey(needed)) {
            throw fail(spec, "has " + flag + " without " + needed);
        }
    }

    private static double number(ModelSpec spec, String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw fail(spec, "has " + flag + " '" + value + "', which is not a number");
        }
    }

    private static EvolinkValidationException fail(ModelSpec spec, String rule) {
        return new EvolinkValidationException(spec.id(), "prompt", rule);
    }
}
