package dev.driftwatch.drift;

/** An ignore rule that could not be read, and where: the other rules still apply. */
public record IgnoreError(String source, int line, String reason) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
