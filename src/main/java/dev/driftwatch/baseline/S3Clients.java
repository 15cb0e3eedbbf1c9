package dev.driftwatch.baseline;

import dev.driftwatch.aws.AccountCredentials;
import dev.driftwatch.aws.AccountRole;
import dev.driftwatch.aws.AwsClients;
import dev.driftwatch.aws.ClientKey;
import dev.driftwatch.aws.ClientOptions;
import dev.driftwatch.aws.Purpose;
import dev.driftwatch.baseline.BaselineConfig.S3Source;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The S3 client of one state source, with that source's own credentials, endpoint and timeouts: the state
 * bucket often lives in another account than the scanned ones, so no credentials are shared with the
 * inventory's. The clients come from the shared {@link AwsClients} ({@link Purpose#STATE}): the same HTTP
 * pool, retries, rate limits and request counting as every other call.
 */
final class S3Clients {

    /** Without a configured region; cross-region access finds the bucket's own. */
    private static final String FALLBACK_REGION = "us-east-1";

    static final String NO_CREDENTIALS = "cannot get the source's credentials: ";

    private S3Clients() {}

    /** The client and what it uses that closing the client does not close (STS, credentials). */
    static S3Client of(String label, S3Source source, AwsClients aws, List<AutoCloseable> alsoClose) {
        return aws.build(
                key(label, source, "s3"),
                credentials(label, source, aws, alsoClose),
                () -> S3Client.builder()
                        .crossRegionAccessEnabled(source.region().isEmpty())
                        .forcePathStyle(source.endpoint().isPresent()),
                options(source, source.endpoint()));
    }

    /** The account of the source's credentials (not of a role: with a role the owner must be configured). */
    static Supplier<String> ownAccount(String label, S3Source source, AwsClients aws, List<AutoCloseable> alsoClose) {
        StsClient sts = sts(label, source, aws, base(source));
        alsoClose.add(sts);
        return () -> sts.getCallerIdentity().account();
    }

    /** Rate-limited as the bucket owner's S3 where it is known, else as the source's own. */
    private static ClientKey key(String label, S3Source source, String service) {
        return new ClientKey(
                Purpose.STATE,
                source.expectedBucketOwner().orElse("state source " + label),
                source.roleArn().orElse("credentials of " + label),
                source.region().orElse(FALLBACK_REGION),
                service);
    }

    private static ClientOptions options(S3Source source, Optional<URI> endpoint) {
        return new ClientOptions(endpoint, source.apiCallTimeout(), Optional.of(source.apiCallAttemptTimeout()));
    }

    private static StsClient sts(String label, S3Source source, AwsClients aws, AwsCredentialsProvider credentials) {
        return aws.build(
                key(label, source, "sts"), credentials, StsClient::builder, options(source, source.stsEndpoint()));
    }

    private static AwsCredentialsProvider base(S3Source source) {
        return source.accessKeyId()
                .<AwsCredentialsProvider>map(id -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(id, source.secretAccessKey().orElseThrow())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** The role if one is given (assumed with the static keys or the default chain), else the keys, else the chain. */
    private static AwsCredentialsProvider credentials(
            String label, S3Source source, AwsClients aws, List<AutoCloseable> alsoClose) {
        AwsCredentialsProvider base = base(source);
        if (source.roleArn().isEmpty()) {
            return base;
        }
        StsClient sts = sts(label, source, aws, base);
        StsAssumeRoleCredentialsProvider role = AccountCredentials.assumed(
                sts,
                new AccountRole(
                        source.expectedBucketOwner().orElse(label),
                        source.roleArn(),
                        source.externalId(),
                        "driftwatch-state"));
        alsoClose.add(role);
        alsoClose.add(sts);
        return () -> {
            try {
                return role.resolveCredentials();
            } catch (SdkException e) {
                // Said as such, so that an STS problem is not taken for an S3 one.
                throw SdkClientException.create(
                        NO_CREDENTIALS + source.roleArn().get() + " could not be assumed: " + e.getMessage(), e);
            }
        };
    }
}
