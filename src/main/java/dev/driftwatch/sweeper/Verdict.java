package dev.driftwatch.sweeper;

/** A decision on one resource, with the reason a person reads in the report. */
public record Verdict(SweepDecision decision, String reason) {

    public boolean deletes() {
        return decision == SweepDecision.DELETE;
    }
}
