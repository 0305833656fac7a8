package org.camelevolink.component.catalog;


import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code model_params} against a model's spec: no unknown keys, required ones present, each value of its type. */
final class ParamRules {

    static final String PREFIX = "model_params.";
    private static final Pattern TASK_ID = Pattern.compile("task-unified-\\S+");

    private ParamRules() {
    }

    static void check(ModelSpec spec, Map<String, Object> params) {
        checkGiven(spec, params);
        for (ParamSpec p : spec.params().values()) {
            if (p.required() && params.get(p.name()) == null) {
                throw new EvolinkValidationException(spec.id(), PREFIX + p.name(), "is required");
            }
        }
    }

    /** The rules of the fields present; a required one that is absent may still come with the message. */
    static void checkGiven(ModelSpec spec, Map<String, Object> params) {
        for (String name : params.keySet()) {
            if (!spec.acceptsParam(name)) {
                throw new EvolinkValidationException(spec.id(), PREFIX + name, "is not a parameter of " + spec.id()
                        + (spec.paramNames().isEmpty() ? ", which takes no model_params"
                                : "; it takes " + spec.paramNames()));
            }
        }
        for (ParamSpec p : spec.params().values()) {
            Object value = params.get(p.name());
            if (value != null) {
                value(spec, p, value);
            }
        }
    }

    private static void value(ModelSpec spec, ParamSpec p, Object value) {
        String field = PREFIX + p.name();
        switch (p.type()) {
            case ENUM -> {
                if (!(value instanceof String s) || !p.values().contains(s)) {
                    throw new EvolinkValidationException(spec.id(), field, "must be one of " + p.values() + ", got "
                            + Numbers.show(value));
                }
            }
            case INTEGER -> {
                if (Numbers.whole(value) == null) {
                    throw new EvolinkValidationException(spec.id(), field, "must be a whole JSON number, got "
                            + Numbers.show(value));
                }
                range(spec, p, field, new BigDecimal(Numbers.whole(value)));
            }
            case NUMBER -> {
                BigDecimal n = Numbers.any(value);
                if (n == null) {
                    throw new EvolinkValidationException(spec.id(), field, "must be a JSON number, got "
                            + Numbers.show(value));
                }
                range(spec, p, field, n);
            }
            case TASK_ID -> {
                if (!(value instanceof String s) || !TASK_ID.matcher(s).matches()) {
                    throw new EvolinkValidationException(spec.id(), field, "must be an EvoLink task id "
                            + "(task-unified-...), got " + Numbers.show(value));
                }
            }
            case MASK -> ShapeRules.mask(spec, field, value);
            case CANVAS -> ShapeRules.canvas(spec, field, value);
            case IMG_POS -> ShapeRules.imgPos(spec, field, value);
            default -> throw new IllegalStateException("no rule for " + p.type());
        }
    }

    private static void range(ModelSpec spec, ParamSpec p, String field, BigDecimal v) {
        boolean low = p.min() != null && v.compareTo(BigDecimal.valueOf(p.min())) < 0;
        boolean high = p.max() != null && v.compareTo(BigDecimal.valueOf(p.max())) > 0;
        if (low || high) {
            throw new EvolinkValidationException(spec.id(), field, "must be within " + bounds(p) + ", got "
                    + Numbers.plain(v));
        }
    }

    static String bounds(ParamSpec p) {
        return (p.min() == null ? "" : Numbers.plain(p.min())) + "-" + (p.max() == null ? "" : Numbers.plain(p.max()));
    }
}
