package dev.driftwatch.baseline;

/** A state source that could not be used, named so that a person can fix it. */
public record StateError(String source, String problem) {

    @Override
    public String toString() {
        return source + ": " + problem;
    }
}
