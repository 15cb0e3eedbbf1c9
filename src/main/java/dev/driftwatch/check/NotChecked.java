package dev.driftwatch.check;

import dev.driftwatch.baseline.ExpectedResource;

/**
 * A state entry the check did not compare, and why: the check cannot vouch for it either way.
 *
 * @param detail what a person needs to check it after all (the setting, the account or region to add)
 */
public record NotChecked(ExpectedResource entry, Reason reason, String detail) {

    public enum Reason {
        /** in an account the check did not read */
        OTHER_ACCOUNT,
        /** in a region the check did not read */
        OTHER_REGION,
        /** its account or region cannot be told from the state or the settings */
        UNKNOWN_LOCATION,
        /** a Terraform type driftwatch has no collector for */
        UNSUPPORTED_TYPE;

        /** As the report shows it: {@code other-account}. */
        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** Whether the check was pointed at the wrong place (or cannot tell the place): an error, not a gap of driftwatch's. */
    public boolean misplaced() {
        return reason != Reason.UNSUPPORTED_TYPE;
    }
}
