package dev.driftwatch.aws;

import java.util.Locale;
import java.util.Optional;

/**
 * Why driftwatch calls AWS. Each purpose has its own role in every account, so a scan can only read, and
 * only the remediator and the sweeper hold the rights to change or delete; a purpose is never served with
 * another purpose's credentials.
 */
public enum Purpose {

    /** The inventory's reads; roles from {@code driftwatch.inventory.accounts.<name>.role-arn}, as always. */
    READ(null),

    /** Reads of Terraform states in S3; each S3 source names its own role ({@code role-arn}) or credentials. */
    STATE(null),

    /** Remediation's changes of settings. */
    REMEDIATE("arn:aws:iam::{account}:role/driftwatch-remediator"),

    /** The sandbox sweeper's deletions. */
    SWEEP("arn:aws:iam::{account}:role/driftwatch-sweeper");

    private final String defaultRole;

    Purpose(String defaultRole) {
        this.defaultRole = defaultRole;
    }

    /** The role pattern used when {@code driftwatch.aws.purposes.<purpose>.role} is not set. */
    public Optional<String> defaultRole() {
        return Optional.ofNullable(defaultRole);
    }

    /** The purpose's name in configuration keys: {@code remediate}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
