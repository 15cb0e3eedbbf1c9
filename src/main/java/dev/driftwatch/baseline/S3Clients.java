package dev.driftwatch.baseline;

import dev.driftwatch.baseline.BaselineConfig.S3Source;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The S3 client of one state source, with that source's own credentials: the state bucket often lives in
 * another account than the scanned ones, so nothing is shared with the inventory's clients.
 */
final class S3Clients {

    /** Without a configured region; cross-region access finds the bucket's own. */
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    static final String NO_CREDENTIALS = "cannot get the source's credentials: ";

    private S3Clients() {
    }

    /** The client and what it uses that closing the client does not close (HTTP pool, STS, credentials). */
    static S3Client of(S3Source source, List<AutoCloseable> alsoClose) {
        Region region = source.region().map(Region::of).orElse(FALLBACK_REGION);
        SdkHttpClient http = Apache5HttpClient.create();
        alsoClose.add(http);
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .crossRegionAccessEnabled(source.region().isEmpty())
                .httpClient(http)
                .credentialsProvider(credentials(source, region, http, alsoClose))
                .overrideConfiguration(c -> c.apiCallTimeout(source.apiCallTimeout()).apiCallAttemptTimeout(source.apiCallAttemptTimeout()));
        source.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /** The account of the source's credentials (not of a role: with a role the owner must be configured). */
    static Supplier<String> ownAccount(S3Source source, List<AutoCloseable> alsoClose) {
        Region region = source.region().map(Region::of).orElse(FALLBACK_REGION);
        SdkHttpClient http = Apache5HttpClient.create();
        alsoClose.add(http);
        StsClientBuilder builder = StsClient.builder().region(region).httpClient(http).credentialsProvider(base(source))
                .overrideConfiguration(c -> c.apiCallTimeout(source.apiCallTimeout()).apiCallAttemptTimeout(source.apiCallAttemptTimeout()));
        source.stsEndpoint().ifPresent(builder::endpointOverride);
        StsClient sts = builder.build();
        alsoClose.add(sts);
        return () -> sts.getCallerIdentity().account();
    }

    private static AwsCredentialsProvider base(S3Source source) {
        return source.accessKeyId()
                .<AwsCredentialsProvider>map(id -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(id, source.secretAccessKey().orElseThrow())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** The role if one is given (assumed with the static keys or the default chain), else the keys, else the chain. */
    private static AwsCredentialsProvider credentials(S3Source source, Region region, SdkHttpClient http, List<AutoCloseable> alsoClose) {
        AwsCredentialsProvider base = base(source);
        if (source.roleArn().isEmpty()) {
            return base;
        }
        StsClientBuilder stsBuilder = StsClient.builder().region(region).httpClient(http).credentialsProvider(base)
                .overrideConfiguration(c -> c.apiCallTimeout(source.apiCallTimeout()).apiCallAttemptTimeout(source.apiCallAttemptTimeout()));
        source.stsEndpoint().ifPresent(stsBuilder::endpointOverride);
        StsClient sts = stsBuilder.build();
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(source.roleArn().get()).roleSessionName("driftwatch-state");
                    source.externalId().ifPresent(r::externalId);
                })
                .build();
        alsoClose.add(role);
        alsoClose.add(sts);
        return () -> {
            try {
                return role.resolveCredentials();
            } catch (SdkException e) {
                // Said as such, so that an STS problem is not taken for an S3 one.
                throw SdkClientException.create(NO_CREDENTIALS + source.roleArn().get() + " could not be assumed: " + e.getMessage(), e);
            }
        };
    }
}
