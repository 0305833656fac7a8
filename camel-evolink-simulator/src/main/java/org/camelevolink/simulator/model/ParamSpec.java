package org.camelevolink.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One {@code model_params} field of a model: its type, bounds, enum, default and whether it is required. */
public record ParamSpec(String name, String type, boolean required, List<String> enumValues, Double min, Double max,
        JsonNode defaultValue) {
}
