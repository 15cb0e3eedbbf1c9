package dev.driftwatch.inventory;

import dev.driftwatch.aws.AwsRegions;

/** Region names with a meaning of their own. */
public final class Regions {

    /**
     * The pseudo-region of global resources (IAM, S3 buckets): scanned once per account, as AWS Config
     * does. Their ARNs name no region either.
     */
    public static final String GLOBAL = AwsRegions.GLOBAL;

    /** Where the APIs of global services are called. */
    public static final String GLOBAL_API_REGION = AwsRegions.GLOBAL_API_REGION;

    private Regions() {}
}
