package dev.driftwatch.baseline;

/** A state file that cannot be read; the message names the file and the problem. */
public class StateFileException extends Exception {

    private final transient StateError error;

    public StateFileException(String source, String problem) {
        super(source + ": " + problem);
        this.error = new StateError(source, problem);
    }

    public StateError error() {
        return error;
    }
}
