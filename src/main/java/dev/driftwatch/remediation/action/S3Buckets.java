package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A bucket's tags, and S3's "there is none" answers read as what they mean. */
final class S3Buckets {

    private S3Buckets() {}

    /** @return the bucket's tags; empty when the bucket is gone */
    static Optional<Map<String, String>> tags(AwsSession session, String bucket) {
        try {
            Map<String, String> tags = new TreeMap<>();
            absentAs(() -> session.s3().getBucketTagging(r -> r.bucket(bucket)).tagSet(), "NoSuchTagSet", null)
                    .ifPresent(set -> set.forEach(t -> tags.put(t.key(), t.value())));
            return Optional.of(tags);
        } catch (S3Exception e) {
            if ("NoSuchBucket".equals(code(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * @param absentCode the error S3 answers when the bucket has no such configuration
     * @return the configuration, empty when the bucket has none
     */
    static <T> Optional<T> absentAs(Supplier<T> read, String absentCode, T whenAbsent) {
        try {
            return Optional.ofNullable(read.get());
        } catch (S3Exception e) {
            if (absentCode.equals(code(e))) {
                return Optional.ofNullable(whenAbsent);
            }
            throw e;
        }
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
