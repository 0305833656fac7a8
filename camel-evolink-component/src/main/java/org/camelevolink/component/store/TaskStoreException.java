package org.camelevolink.component.store;

/** A task store that cannot be opened, read or written. The message names the store's file where it has one. */
public class TaskStoreException extends RuntimeException {

    public TaskStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
