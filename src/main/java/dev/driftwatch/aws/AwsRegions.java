package dev.driftwatch.aws;

/** Region names with a meaning of their own to sessions. */
public final class AwsRegions {

    /**
     * The pseudo-region of global resources (IAM, S3 buckets): scanned once per account, as AWS Config
     * does. Their ARNs name no region either.
     */
    public static final String GLOBAL = "global";

    /** Where the APIs of global services are called. */
    public static final String GLOBAL_API_REGION = "us-east-1";

    private AwsRegions() {}

    /** The region the SDK calls: global services are called in their API region. */
    public static String apiRegion(String region) {
        return GLOBAL.equals(region) ? GLOBAL_API_REGION : region;
    }
}
