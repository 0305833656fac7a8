package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes from a prompt the flags EvoLink documents as silently removed ({@code --fast}, {@code --turbo},
 * {@code --draft}: the speed is {@code model_params.speed}), so what is sent is what runs, and says so. The
 * speed is not moved into model_params: that would change the price behind the user's back.
 */
public final class RequestNormalizer {

    private final ModelCatalog catalog;

    public RequestNormalizer(ModelCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public NormalizedRequest normalize(CreateTaskRequest request) {
        ModelSpec spec = catalog.find(request.getModel()).orElse(null);
        String prompt = request.getPrompt();
        if (spec == null || prompt == null || prompt.isEmpty()) {
            return new NormalizedRequest(request, List.of());
        }
        List<String> stripped = spec.familyRules().strippedPromptFlags();
        StringBuilder out = new StringBuilder();
        List<String> notices = new ArrayList<>();
        int copied = 0;
        for (ParsedPrompt.Flag f : ParsedPrompt.parse(prompt, spec.isGeneration()).flags()) {
            if (!stripped.contains(f.name())) {
                continue;
            }
            int from = f.nameStart();
            while (from > copied && Character.isWhitespace(prompt.charAt(from - 1))) {
                from--; // the space before the flag goes with it
            }
            out.append(prompt, copied, from);
            copied = f.nameEnd();
            notices.add(notice(spec, f.name()));
        }
        if (notices.isEmpty()) {
            return new NormalizedRequest(request, List.of());
        }
        out.append(prompt.substring(copied));
        String cleaned = out.toString().strip();
        return new NormalizedRequest(request.toBuilder().prompt(cleaned).build(), notices);
    }

    private static String notice(ModelSpec spec, String flag) {
        ParamSpec speed = spec.param("speed");
        String where = speed == null ? spec.id() + " takes no speed"
                : speed.values().contains(flag) ? "set model_params.speed=" + flag + " instead"
                : spec.id() + "'s model_params.speed is one of " + speed.values();
        return "removed --" + flag + " from the prompt: EvoLink removes speed flags from prompts itself, the speed "
                + "is model_params.speed (" + where + ")";
    }
}
