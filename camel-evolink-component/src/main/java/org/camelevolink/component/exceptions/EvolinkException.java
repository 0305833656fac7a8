package org.camelevolink.component.exceptions;

/** Base of every error the EvoLink component raises; never carries the API key. */
public class EvolinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvolinkException(String message) {
        super(message);
    }

    public EvolinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
