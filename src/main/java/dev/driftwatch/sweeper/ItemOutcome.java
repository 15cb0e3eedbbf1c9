package dev.driftwatch.sweeper;

/** What became of a resource the plan meant to delete. */
public enum ItemOutcome {
    DELETED,
    /** Gone before its delete: deleted by a person or another run meanwhile. */
    GONE,
    /** Re-read just before its delete and no longer to be deleted (tagged keep, changed, protected). */
    KEPT,
    /** A dependency never cleared within the run's passes; the last error says which. */
    LEFT,
    /** AWS was still deleting it (in the background) when the run's wait ended. */
    DELETING,
    FAILED;
}
