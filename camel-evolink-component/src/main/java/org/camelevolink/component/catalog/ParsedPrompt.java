package org.camelevolink.component.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Midjourney prompt taken apart the way the prompt guide writes it: {@code [image URLs] text --p1 v1 --p2 v2}.
 * A flag starts with {@code --} after whitespace (or at the start) and its value runs to the next flag, so
 * multi-word values ({@code --no red, blue}) stay whole.
 */
final class ParsedPrompt {

    private static final Pattern FLAG = Pattern.compile("(?<!\\S)--([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");

    /** One {@code --name value}; {@code nameStart..nameEnd} is the {@code --name} token in the prompt. */
    record Flag(String name, String value, int nameStart, int nameEnd) {
    }

    private final List<String> imagePrompts;
    private final String text;
    private final List<Flag> flags;

    private ParsedPrompt(List<String> imagePrompts, String text, List<Flag> flags) {
        this.imagePrompts = List.copyOf(imagePrompts);
        this.text = text;
        this.flags = List.copyOf(flags);
    }

    /** {@code leadingImages}: URLs at the start are image prompts (generation prompts only). */
    static ParsedPrompt parse(String prompt, boolean leadingImages) {
        Matcher m = FLAG.matcher(prompt);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : prompt.length();
            flags.add(new Flag(names.get(i), prompt.substring(spans.get(i)[1], valueEnd).trim(), spans.get(i)[0],
                    spans.get(i)[1]));
        }
        String lead = spans.isEmpty() ? prompt : prompt.substring(0, spans.get(0)[0]);
        String[] tokens = lead.trim().isEmpty() ? new String[0] : lead.trim().split("\\s+");
        List<String> images = new ArrayList<>();
        int i = 0;
        while (leadingImages && i < tokens.length && URL.matcher(tokens[i]).matches()) {
            images.add(tokens[i++]);
        }
        String text = String.join(" ", List.of(tokens).subList(i, tokens.length));
        return new ParsedPrompt(images, text, flags);
    }

    List<String> imagePrompts() {
        return imagePrompts;
    }

    /** The words between the image prompts and the first flag. */
    String text() {
        return text;
    }

    boolean hasText() {
        return !text.isBlank();
    }

    List<Flag> flags() {
        return flags;
    }
}
