package dev.driftwatch.remediation;

/** A person's request about a remediation that cannot be granted, and why. */
public class RemediationRefused extends RuntimeException {

    /** What kind of no it is (the API answers 404, 403 or 409). */
    public enum Kind {
        NOT_FOUND,
        NOT_ALLOWED,
        CONFLICT
    }

    private final Kind kind;

    public RemediationRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
