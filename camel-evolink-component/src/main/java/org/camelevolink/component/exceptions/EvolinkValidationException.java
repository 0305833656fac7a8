package org.camelevolink.component.exceptions;

/** A request broke a documented rule; raised before anything is sent, so nothing was paid. */
public class EvolinkValidationException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String field;
    private final String rule;

    public EvolinkValidationException(String model, String field, String rule) {
        super("Invalid request for EvoLink model " + model + ": '" + field + "' " + rule);
        this.model = model;
        this.field = field;
        this.rule = rule;
    }

    public String getModel() {
        return model;
    }

    /** The request field at fault, in EvoLink's naming, e.g. {@code model_params.scale}. */
    public String getField() {
        return field;
    }

    public String getRule() {
        return rule;
    }
}
