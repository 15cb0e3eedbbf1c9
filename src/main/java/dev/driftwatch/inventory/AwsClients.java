package dev.driftwatch.inventory;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds and caches AWS SDK clients per account, region and service, all on one explicitly chosen HTTP
 * client (SDK 2.57 brings several onto the classpath), with adaptive retries, the account's credentials,
 * a per-account-and-service rate limit, and request counting.
 */
@ApplicationScoped
public class AwsClients {

    private static final OperationNames OPERATION_NAMES = new OperationNames();

    private final AwsConfig config;
    private final AwsApiCallCounter callCounter;
    private final SdkHttpClient httpClient;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AccountRateLimit> rateLimits = new ConcurrentHashMap<>();

    AwsClients(AwsConfig config, AwsApiCallCounter callCounter) {
        this.config = config;
        this.callCounter = callCounter;
        this.httpClient = Apache5HttpClient.builder()
                .maxConnections(config.maxConnections())
                .connectionTimeout(config.connectTimeout())
                .build();
    }

    /**
     * The client of one service for one account and region, built on first use.
     *
     * @param account     account id, the key for caching and rate limits
     * @param credentials that account's credentials
     * @param service     service name, e.g. {@code ec2}
     * @param builder     a fresh builder of that service's client, e.g. {@code Ec2Client::builder}
     */
    @SuppressWarnings("unchecked")
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            String account, AwsCredentialsProvider credentials, String region, String service,
            java.util.function.Supplier<B> builder) {
        return (C) clients.computeIfAbsent(account + "/" + region + "/" + service, key -> {
            AccountRateLimit limit = rateLimits.computeIfAbsent(account + "/" + service, k -> new AccountRateLimit(config));
            B b = builder.get()
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .httpClient(httpClient)
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                    .maxAttempts(config.maxAttempts())
                                    .build())
                            .apiCallTimeout(config.apiCallTimeout())
                            .addExecutionInterceptor(limit)
                            .addExecutionInterceptor(callCounter)
                            .addExecutionInterceptor(OPERATION_NAMES)
                            .build());
            endpointFor(region, service).ifPresent(b::endpointOverride);
            return b.build();
        });
    }

    /** S3 Control of one account, on the shared HTTP client and the endpoint configured for {@code s3control}. */
    public S3Control s3Control(AwsCredentialsProvider credentials, String region) {
        // Signed by hand, outside the SDK: honour the SDK's environment overrides here too.
        Optional<URI> fromEnvironment = Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_S3_CONTROL"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .map(URI::create);
        return new S3Control(httpClient, credentials, region, endpointFor(region, "s3control").or(() -> fromEnvironment));
    }

    /** True against an emulator (or a proxy) rather than AWS's own endpoints. */
    public boolean usesEndpointOverride() {
        return config.endpointOverride().isPresent() || !config.regionEndpoints().isEmpty() || !config.serviceEndpoints().isEmpty()
                || System.getenv("AWS_ENDPOINT_URL") != null || System.getProperty("aws.endpointUrl") != null;
    }

    private Optional<URI> endpointFor(String region, String service) {
        return Optional.ofNullable(config.serviceEndpoints().get(service))
                .or(() -> Optional.ofNullable(config.regionEndpoints().get(region)))
                .or(config::endpointOverride);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(SdkClient::close);
        httpClient.close();
    }
}
