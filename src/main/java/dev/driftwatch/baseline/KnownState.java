package dev.driftwatch.baseline;

import java.time.Instant;

/**
 * A state as its source last listed it.
 *
 * @param name           the state's name in findings ({@code s3://bucket/key}, a path, a URL without query)
 * @param source         the source that listed it: a {@code terraform.paths} entry, {@code s3.<name>}, {@code http.<name>}
 * @param lineage        the state's lineage when it was last read, null when never read
 * @param lastSeen       when the source last listed it
 * @param roundsVanished baseline reads in a row that did not list it (0 while it is listed)
 */
public record KnownState(
        String name, String source, String lineage, Status status, Instant lastSeen, int roundsVanished) {

    /** What became of the state at its last read. */
    public enum Status {
        /** Listed and read. */
        READ,
        /** Listed (or its source failed) but not read: its resources are unknown. */
        FAILED,
        /** Listed before, not now: unknown until confirmed gone. */
        VANISHED,
        /**
         * Read with a lineage and no resources (of the types driftwatch reads), as {@code terraform destroy}
         * leaves a state: what its lineage managed is gone for sure.
         */
        DESTROYED
    }

    KnownState failed() {
        return new KnownState(name, source, lineage, Status.FAILED, lastSeen, roundsVanished);
    }

    KnownState vanishedAgain() {
        return new KnownState(name, source, lineage, Status.VANISHED, lastSeen, roundsVanished + 1);
    }
}
