package org.camelevolink.simulator.model;

import java.util.List;
import java.util.Map;

/**
 * A prompt split the way Midjourney reads it: leading image URLs, the text, and {@code --name value} parameters.
 *
 * @param effective the prompt as forwarded upstream (stripped flags removed)
 * @param failingFlag a flag the upstream rejects at run time (the task will fail), or null
 */
public record ParsedPrompt(String effective, List<String> imageUrls, String text, Map<String, String> flags,
        String failingFlag) {

    public boolean hasText() {
        return !text.isBlank();
    }

    /** Aspect ratio from {@code --ar W:H}; 1:1 by default. */
    public int[] aspectRatio() {
        String ar = flags.get("--ar");
        if (ar == null) {
            return new int[] {1, 1};
        }
        String[] parts = ar.split(":");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    public long seedOr(long fallback) {
        String seed = flags.get("--seed");
        return seed == null ? fallback : Long.parseLong(seed);
    }

    public static ParsedPrompt empty() {
        return new ParsedPrompt("", List.of(), "", Map.of(), null);
    }
}
