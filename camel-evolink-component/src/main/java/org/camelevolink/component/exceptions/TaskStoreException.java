package org.camelevolink.component.exceptions;

/** A task store that cannot be opened, read or written. The message names the store's file where it has one. */
public class TaskStoreException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    public TaskStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
