package dev.driftwatch.scan;

/** A scan's end (FAILED, and why) could not be written, e.g. PostgreSQL is down: the replica must try again later. */
class ScanEndNotRecorded extends IllegalStateException {

    private final transient ScanProblem problem;

    ScanEndNotRecorded(long scanId, ScanProblem problem, RuntimeException cause) {
        super("Scan " + scanId + " could not be marked FAILED: " + cause.getMessage(), cause);
        this.problem = problem;
    }

    ScanProblem problem() {
        return problem;
    }
}
