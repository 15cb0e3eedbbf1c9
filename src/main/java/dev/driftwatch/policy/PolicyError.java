package dev.driftwatch.policy;

/** A policy file that cannot be used, and where: the other policies keep running. */
public record PolicyError(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
