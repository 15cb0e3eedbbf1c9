package dev.driftwatch.resource;

/** Which of a type's resources AWS made, and how one that no state matched is reported. */
public enum AwsManaged {
    /** Every resource is a customer's: unmanaged when no state matches it. */
    NEVER,
    /** Some are AWS's own (a default VPC, a main route table, a service-linked role): the collector or the type's
     * normaliser marks them, and they are AWS-managed, not unmanaged (unless strict). */
    SOME,
    /** AWS's default stands in for a setting nobody made (versioning never enabled, no password policy): the
     * collector marks it, and it is a placeholder, neither managed nor unmanaged. */
    DEFAULT_SETTING,
    /** A view collected for policies that no Terraform configuration creates: always a placeholder. */
    PSEUDO_TYPE
}
