package org.camelevolink.simulator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A create request that passed every static rule, with defaults applied.
 *
 * @param params model_params with defaults filled in
 * @param speed the speed that takes effect ({@code fast} where speed needs a prompt and none was given)
 */
public record ValidatedRequest(ModelSpec spec, ParsedPrompt prompt, List<String> imageUrls, ObjectNode params,
        String callbackUrl, String quality, String speed) {

    public String sourceTaskId() {
        return params.path("task_id").asText(null);
    }

    public int imageNumber() {
        return params.path("image_number").asInt(0);
    }

    public boolean isDraft() {
        return "draft".equals(speed);
    }

    /** Credits reserved: the model's fast price times the speed, quality and option multipliers. */
    public double credits() {
        double price = spec.credits();
        price *= switch (speed == null ? "fast" : speed) {
            case "draft" -> 0.5;
            case "turbo" -> 2.0;
            default -> 1.0;
        };
        if ("hd".equals(quality)) {
            price *= 1.5;
        }
        if ("creative".equals(params.path("type").asText()) && spec.operation().equals("upscale")) {
            price *= 2.0;
        }
        if (prompt.flags().containsKey("--oref")) {
            price *= 2.0;
        }
        return Math.round(price * 10000) / 10000.0;
    }

    /** Documented seconds before the time scale: draft is quicker, turbo about twice as fast, hd slower. */
    public double documentedSeconds() {
        double s = spec.seconds();
        if ("draft".equals(speed)) {
            s /= 3;
        } else if ("turbo".equals(speed)) {
            s /= 2;
        }
        if ("creative".equals(params.path("type").asText())) {
            s *= 2;
        }
        return "hd".equals(quality) ? s * 1.5 : s;
    }

    /** Images a completed task returns: 24 for a V8.x draft generation. */
    public int results() {
        boolean v8Draft = spec.operation().equals("generate") && isDraft() && !spec.family().id().equals("v7");
        return v8Draft ? 24 : spec.results();
    }
}
