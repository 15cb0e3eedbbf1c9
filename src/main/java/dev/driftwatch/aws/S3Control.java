package dev.driftwatch.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/**
 * The S3 Control calls driftwatch makes, GetPublicAccessBlock (and PutPublicAccessBlock to remediate), on the
 * session's SDK client (so with its
 * retries, rate limit and request counting), read into the four settings.
 */
public final class S3Control {

    private final S3ControlClient client;

    public S3Control(S3ControlClient client) {
        this.client = client;
    }

    /**
     * A builder of S3 Control clients. AWS names the account in the host ({@code <account>.s3-control...}); an
     * emulator's endpoint takes it from the header only, so with an endpoint override the URL is the override's
     * as it is, while signing stays as AWS's rules say.
     */
    public static S3ControlClientBuilder builder(Optional<URI> endpointOverride) {
        S3ControlClientBuilder builder = S3ControlClient.builder();
        endpointOverride.or(S3Control::environmentEndpoint).ifPresent(url -> {
            S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
            builder.endpointProvider(params -> rules.resolveEndpoint(params)
                    .thenApply(e -> e.toBuilder().url(url).build()));
        });
        return builder;
    }

    /**
     * The endpoint the SDK itself would take from the environment ({@code AWS_ENDPOINT_URL_S3_CONTROL},
     * {@code AWS_ENDPOINT_URL} or their system properties), as the one-shot check is pointed at an emulator: it too
     * must be called as it is, without the account in front of its host.
     */
    static Optional<URI> environmentEndpoint() {
        return Optional.ofNullable(System.getProperty("aws.endpointUrlS3Control"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_S3_CONTROL")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")))
                .filter(url -> !url.isBlank())
                .map(URI::create);
    }

    /** The account's block, the four settings in AWS's order; empty when the account has none. */
    public record PublicAccessBlock(
            boolean blockPublicAcls,
            boolean ignorePublicAcls,
            boolean blockPublicPolicy,
            boolean restrictPublicBuckets) {}

    public Optional<PublicAccessBlock> getPublicAccessBlock(String account) {
        try {
            PublicAccessBlockConfiguration block =
                    client.getPublicAccessBlock(r -> r.accountId(account)).publicAccessBlockConfiguration();
            return Optional.of(new PublicAccessBlock(
                    on(block.blockPublicAcls()),
                    on(block.ignorePublicAcls()),
                    on(block.blockPublicPolicy()),
                    on(block.restrictPublicBuckets())));
        } catch (S3ControlException e) {
            if (e.statusCode() == 404
                    && e.awsErrorDetails() != null
                    && "NoSuchPublicAccessBlockConfiguration"
                            .equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets the account's block to exactly these four settings. */
    public void putPublicAccessBlock(String account, PublicAccessBlock block) {
        client.putPublicAccessBlock(
                r -> r.accountId(account).publicAccessBlockConfiguration(c -> c.blockPublicAcls(block.blockPublicAcls())
                        .ignorePublicAcls(block.ignorePublicAcls())
                        .blockPublicPolicy(block.blockPublicPolicy())
                        .restrictPublicBuckets(block.restrictPublicBuckets())));
    }

    private static boolean on(Boolean setting) {
        return Boolean.TRUE.equals(setting);
    }
}
