package dev.driftwatch.remediation;

/** How a remediation came to be run: by itself, or once approved. */
public enum RemediationMode {
    AUTO,
    APPROVE
}
