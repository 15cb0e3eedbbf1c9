package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Collector;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.resource.CloudResource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the S3 collectors share: the bucket list, and per-bucket reads where "not configured" is an answer. */
final class S3Buckets {

    /** The largest page ListBuckets allows. */
    private static final int PAGE_SIZE = 10_000;
    /** A bucket deleted between the list and the per-bucket call is simply no longer there. */
    private static final String NO_SUCH_BUCKET = "NoSuchBucket";

    private S3Buckets() {}

    /** Every bucket of the account, one ListBuckets call per 10,000. */
    static List<Bucket> list(AwsSession session) {
        return session.s3().listBucketsPaginator(r -> r.maxBuckets(PAGE_SIZE)).buckets().stream()
                .toList();
    }

    /** The buckets located in {@code region}, by ListBuckets' region filter. */
    static List<Bucket> listIn(AwsSession session, String region) {
        return session.s3().listBucketsPaginator(r -> r.maxBuckets(PAGE_SIZE).bucketRegion(region)).buckets().stream()
                .toList();
    }

    /**
     * One read per bucket, side by side; a bucket whose read answers empty is left out, one whose read S3
     * refuses (its bucket policy denies the call) is unknown in this scan (see {@link ResourceReads}).
     */
    static List<CloudResource> eachBucket(
            AwsSession session, Collector collector, Function<Bucket, Optional<CloudResource>> read) {
        return eachBucket(session, collector, list(session), read);
    }

    static List<CloudResource> eachBucket(
            AwsSession session,
            Collector collector,
            List<Bucket> buckets,
            Function<Bucket, Optional<CloudResource>> read) {
        return ResourceReads.each(session, collector, buckets, Bucket::name, read);
    }

    /**
     * The answer of a per-bucket read, or empty when S3 answers with one of {@code absent} (the
     * configuration does not exist). Any other error is thrown.
     */
    static <T> Optional<T> read(Supplier<T> call, String... absent) {
        try {
            return Optional.ofNullable(call.get());
        } catch (S3Exception e) {
            if (Set.of(absent).contains(errorCode(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A bucket's configuration: absent when not configured, or when the bucket was deleted since the list. */
    static <T> Optional<T> configuration(Supplier<T> call, String... notConfigured) {
        String[] absent = Arrays.copyOf(notConfigured, notConfigured.length + 1);
        absent[notConfigured.length] = NO_SUCH_BUCKET;
        return read(call, absent);
    }

    static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** The attributes every bucket sub-resource starts with: its id and bucket, both the bucket's name. */
    static Map<String, Object> attributes(String bucket) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put("id", bucket);
        attributes.put("bucket", bucket);
        return attributes;
    }

    static String arn(String bucket) {
        return "arn:" + Arns.partition("") + ":s3:::" + bucket;
    }

    /** A bucket's sub-resource: id and {@code bucket} are the bucket name, it has no ARN of its own. */
    static CloudResource subResource(String type, AwsSession session, String bucket, Map<String, Object> attributes) {
        return subResource(type, session, bucket, attributes, false);
    }

    /** @param notConfigured the bucket has no such configuration: reported for policies, never as unmanaged */
    static CloudResource subResource(
            String type, AwsSession session, String bucket, Map<String, Object> attributes, boolean notConfigured) {
        return new CloudResource(
                type, bucket, session.account(), session.region(), null, attributes, null, notConfigured);
    }
}
