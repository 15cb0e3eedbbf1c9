package dev.driftwatch.remediation;

/** Why nothing was written, as the short code a reason starts with (and the metric's outcome ends with). */
public enum SkipReason {
    /** The re-read shows nothing left to fix. */
    STALE("stale"),
    GONE("gone"),
    OPT_OUT("opt-out"),
    REPORT_ONLY("report-only"),
    RESOLVED("resolved"),
    NO_ACTION("no-action"),
    PRECONDITION("precondition"),
    BREAKER_OPEN("breaker-open"),
    NO_ROLE("no-role"),
    /** The action cannot fix what it read (e.g. a required tag without a default value): a person must. */
    CANNOT_FIX("cannot-fix");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason as stored and shown: {@code code: words}. */
    public String because(String words) {
        return code + ": " + words;
    }
}
