package dev.driftwatch.remediation.action;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What {@code enable-bucket-encryption} writes. */
@ConfigMapping(prefix = "driftwatch.remediation.bucket-encryption")
public interface BucketEncryptionConfig {

    /**
     * The KMS key new objects are encrypted with (SSE-KMS): an alias such as {@code alias/driftwatch-s3} resolves in
     * every account. Without one nothing is written (cannot fix): SSE-S3 would not satisfy a policy asking for KMS.
     */
    Optional<String> kmsKeyId();
}
