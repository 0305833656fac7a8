package org.camelevolink.simulator.model;

import org.camelevolink.simulator.ApiError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The prompt rules of the Midjourney prompt guide and the model pages: image prompts, the image-to-image rule,
 * flag ranges, dependencies and conflicts, and the per-family forbidden and stripped flags. Violations are 400
 * answers naming {@code prompt}.
 */
public final class PromptRules {

    private static final int MAX_IMAGE_PROMPTS = 20;
    private static final Set<String> VALUELESS = Set.of("--raw", "--tile", "--draft", "--fast", "--turbo", "--relax",
            "--niji", "--stealth", "--public", "--hd");
    private static final Set<String> UNSUPPORTED = Set.of("--stop", "--cref", "--cw", "--relax", "--repeat", "--r",
            "--p", "--stealth", "--public");
    private static final Map<String, double[]> RANGES = Map.ofEntries(
            Map.entry("--c", new double[] {0, 100}), Map.entry("--chaos", new double[] {0, 100}),
            Map.entry("--seed", new double[] {0, 4294967295L}), Map.entry("--s", new double[] {0, 1000}),
            Map.entry("--stylize", new double[] {0, 1000}), Map.entry("--w", new double[] {0, 3000}),
            Map.entry("--weird", new double[] {0, 3000}), Map.entry("--exp", new double[] {0, 100}),
            Map.entry("--iw", new double[] {0, 3}), Map.entry("--sw", new double[] {0, 1000}),
            Map.entry("--sv", new double[] {1, 6}), Map.entry("--ow", new double[] {1, 1000}));
    private static final Set<String> INTEGER_FLAGS = Set.of("--c", "--chaos", "--seed", "--s", "--stylize", "--w",
            "--weird", "--exp", "--sw", "--sv", "--ow");

    private PromptRules() {
    }

    /**
     * Parses and checks a prompt. {@code imagePrompts} is true for generation models, where leading URLs are image
     * prompts; {@code speed} is the effective speed (some flags depend on it).
     */
    public static ParsedPrompt check(String prompt, FamilySpec family, List<String> formats, boolean imagePrompts,
            String speed) {
        List<String> tokens = List.of(prompt.trim().split("\\s+"));
        List<String> images = new ArrayList<>();
        int i = 0;
        while (imagePrompts && i < tokens.size() && isUrl(tokens.get(i))) {
            images.add(tokens.get(i++));
        }
        StringBuilder text = new StringBuilder();
        Map<String, String> flags = new LinkedHashMap<>();
        StringBuilder effective = new StringBuilder(String.join(" ", images));
        String failing = null;
        while (i < tokens.size()) {
            String token = tokens.get(i++);
            if (!token.startsWith("--") || token.length() < 3) {
                append(text, token);
                append(effective, token);
                continue;
            }
            String name = token.toLowerCase(Locale.ROOT);
            String value = "";
            if (!VALUELESS.contains(name) && i < tokens.size() && !tokens.get(i).startsWith("--")) {
                value = tokens.get(i++);
            }
            if (family.forbiddenPromptFlags().contains(name)) {
                throw ApiError.invalid("prompt", "Prompt parameter " + name + " is not allowed for Midjourney "
                        + family.id() + " models");
            }
            if (family.strippedPromptFlags().contains(name)) {
                continue; // documented: removed automatically, speed is model_params.speed
            }
            if (family.failingPromptFlags().contains(name) && failing == null) {
                failing = name;
            }
            flags.put(name, value);
            append(effective, value.isEmpty() ? name : name + " " + value);
        }
        checkImages(images, formats);
        if (images.size() == 1 && text.length() == 0) {
            throw ApiError.invalid("prompt", "1 image + no text is invalid: add a text description or a second image");
        }
        checkFlags(flags, !images.isEmpty(), text.length() > 0, speed, family);
        if (text.indexOf("::") >= 0 || text.indexOf("{") >= 0) {
            throw ApiError.invalid("prompt", "Multi-prompts (::) and permutations ({}) are not supported");
        }
        return new ParsedPrompt(effective.toString(), List.copyOf(images), text.toString(), flags, failing);
    }

    static boolean isUrl(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }

    private static void append(StringBuilder sb, String token) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(token);
    }

    private static void checkImages(List<String> images, List<String> formats) {
        if (images.size() > MAX_IMAGE_PROMPTS) {
            throw ApiError.invalid("prompt", "At most " + MAX_IMAGE_PROMPTS + " image prompts are allowed, got "
                    + images.size());
        }
        for (String url : images) {
            if (!ImageUrlRules.hasFormat(url, formats)) {
                throw ApiError.invalid("prompt", "Image prompt " + url + " is not one of " + formats);
            }
        }
    }

    private static void checkFlags(Map<String, String> flags, boolean hasImages, boolean hasText, String speed,
            FamilySpec family) {
        for (Map.Entry<String, String> f : flags.entrySet()) {
            String name = f.getKey();
            // a flag the family passes upstream (V8.2: --oref, --cref, --stop) fails the task instead
            if (UNSUPPORTED.contains(name) && !family.failingPromptFlags().contains(name)) {
                throw ApiError.invalid("prompt", "Prompt parameter " + name + " is not supported");
            }
            if (name.equals("--ar") || name.equals("--aspect")) {
                checkAspect(f.getValue());
            } else if (name.equals("--q") || name.equals("--quality")) {
                requireOneOf(name, f.getValue(), Set.of("1", "2", "4"));
            } else if (RANGES.containsKey(name)) {
                checkRange(name, f.getValue(), RANGES.get(name));
            }
        }
        requires(flags, "--sv", "--sref");
        requires(flags, "--sw", "--sref");
        requires(flags, "--ow", "--oref");
        if (flags.containsKey("--iw") && !hasImages) {
            throw ApiError.invalid("prompt", "--iw needs an image prompt");
        }
        if ((flags.containsKey("--sref") || flags.containsKey("--oref")) && !hasText) {
            throw ApiError.invalid("prompt", "--sref and --oref need a text prompt");
        }
        if (flags.containsKey("--oref") && (!"fast".equals(speed) || "4".equals(flags.get("--q")))) {
            throw ApiError.invalid("prompt", "--oref works only in fast mode and not with --q 4");
        }
        if (hasImages && !hasText && (flags.containsKey("--s") || flags.containsKey("--w"))) {
            throw ApiError.invalid("prompt", "An image-only prompt cannot use --s or --w");
        }
        if (flags.containsKey("--tile") && "draft".equals(speed)) {
            throw ApiError.invalid("prompt", "--tile conflicts with draft mode");
        }
    }

    private static void requires(Map<String, String> flags, String flag, String needed) {
        if (flags.containsKey(flag) && !flags.containsKey(needed)) {
            throw ApiError.invalid("prompt", flag + " needs " + needed);
        }
    }

    private static void checkAspect(String value) {
        if (!value.matches("[1-9]\\d{0,3}:[1-9]\\d{0,3}")) {
            throw ApiError.invalid("prompt", "--ar must be W:H with positive integers, was '" + value + "'");
        }
    }

    private static void requireOneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiError.invalid("prompt", name + " must be one of " + allowed + ", was '" + value + "'");
        }
    }

    private static void checkRange(String name, String value, double[] range) {
        double v;
        try {
            v = INTEGER_FLAGS.contains(name) ? Long.parseLong(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("prompt", name + " needs a " + (INTEGER_FLAGS.contains(name) ? "whole " : "")
                    + "number, was '" + value + "'");
        }
        if (!(v >= range[0] && v <= range[1])) { // NaN is within no range
            throw ApiError.invalid("prompt", name + " must be within " + fmt(range[0]) + ".." + fmt(range[1])
                    + ", was " + value);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
