package dev.driftwatch.sweeper;

/** A request about a sweep that cannot be done as asked: the message says why. */
public class SweepRefused extends RuntimeException {

    /** How the API answers it. */
    public enum Kind {
        NOT_FOUND,
        NOT_ALLOWED,
        CONFLICT
    }

    private final Kind kind;

    public SweepRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
