package dev.driftwatch.remediation.action;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What {@code enable-bucket-encryption} writes. */
@ConfigMapping(prefix = "driftwatch.remediation.bucket-encryption")
public interface BucketEncryptionConfig {

    /**
     * The KMS key new objects are encrypted with (SSE-KMS): an alias such as {@code alias/driftwatch-s3} resolves in
     * every account. Without one, only buckets without any default encryption get SSE-S3, which does not satisfy a
     * policy asking for KMS: those are left to a person (cannot fix).
     */
    Optional<String> kmsKeyId();
}
