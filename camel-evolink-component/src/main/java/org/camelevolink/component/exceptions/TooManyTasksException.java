package org.camelevolink.component.exceptions;


/** {@code maxConcurrentTasks} were running and the endpoint was told to fail rather than queue. */
public class TooManyTasksException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    public TooManyTasksException(int max) {
        super("maxConcurrentTasks (" + max + ") tasks are already running on this endpoint; nothing was submitted");
    }
}
