package dev.driftwatch.drift;

/** Who a live resource belongs to, which decides what is said of it when no state holds it. */
public enum Ownership {
    /** Created by someone in the account: UNMANAGED when no state holds it. */
    CUSTOMER,
    /**
     * A real resource AWS created and owns (the default VPC and its subnets, main route table, gateway and
     * {@code default} group; service-linked roles): AWS-managed, reported UNMANAGED only in strict mode.
     */
    AWS_MANAGED,
    /**
     * Not a resource anyone creates: a pseudo type collected for policies (the account's root user, a public
     * snapshot) or AWS's default standing in for a setting nobody made (no password policy, no public access
     * block, EBS encryption off). Never UNMANAGED, even in strict mode, and not counted in coverage.
     */
    PLACEHOLDER
}
