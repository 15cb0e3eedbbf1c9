package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where each bucket lives, in as few calls as possible. AWS names the region in ListBuckets itself (asked
 * with {@code max-buckets}). Where a store does not (moto, some S3-compatible ones), one region-filtered
 * ListBuckets per candidate region names many buckets at once; GetBucketLocation answers for the rest.
 */
final class BucketRegions {

    private static final Logger LOG = Logger.getLogger(BucketRegions.class);

    private final AwsSession session;
    private final Map<String, String> known;

    private BucketRegions(AwsSession session, Map<String, String> known) {
        this.session = session;
        this.known = known;
    }

    /** @param candidates regions the unnamed buckets are likely in (the scanned ones) */
    static BucketRegions of(AwsSession session, List<Bucket> buckets, List<String> candidates) {
        Map<String, String> known = new HashMap<>();
        buckets.stream().filter(b -> b.bucketRegion() != null).forEach(b -> known.put(b.name(), b.bucketRegion()));
        long unnamed = buckets.size() - known.size();
        if (unnamed > candidates.size()) { // else one GetBucketLocation each is no more calls
            for (String region : candidates) {
                try {
                    S3Buckets.listIn(session, region).forEach(b -> known.putIfAbsent(b.name(), region));
                } catch (S3Exception e) {
                    LOG.debugf(
                            "ListBuckets filtered by region %s refused (%s): locating buckets one by one",
                            region, e.getMessage());
                    break;
                }
            }
        }
        return new BucketRegions(session, known);
    }

    String of(String bucket) {
        String region = known.get(bucket);
        return region != null
                ? region
                : region(session.s3().getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString());
    }

    /** GetBucketLocation names us-east-1 by no constraint and eu-west-1 by its legacy name. */
    static String region(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isEmpty() || "null".equals(locationConstraint)) {
            return "us-east-1";
        }
        return "EU".equals(locationConstraint) ? "eu-west-1" : locationConstraint;
    }
}
