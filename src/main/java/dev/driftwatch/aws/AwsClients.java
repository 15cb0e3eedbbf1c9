package dev.driftwatch.aws;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
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
 * Builds AWS SDK clients, all on one explicitly chosen HTTP client (SDK 2.57 brings several onto the
 * classpath), with adaptive retries, the given credentials, the rate limit of the account's service (shared
 * by all purposes), the purpose's own concurrency budget, and request counting. Clients are cached by
 * {@link ClientKey}: account, role, region and service (and purpose).
 */
@ApplicationScoped
public class AwsClients {

    private static final OperationNames OPERATION_NAMES = new OperationNames();

    private final AwsConfig config;
    private final AwsApiCallCounter callCounter;
    private final SdkHttpClient httpClient;
    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    public AwsClients(AwsConfig config, AwsApiCallCounter callCounter) {
        this.config = config;
        this.callCounter = callCounter;
        this.httpClient = Apache5HttpClient.builder()
                .maxConnections(config.maxConnections())
                .connectionTimeout(config.connectTimeout())
                .build();
    }

    /**
     * The client of one service for one account, role and region, built on first use with the configured
     * endpoints and timeouts.
     *
     * @param builder a fresh builder of that service's client, e.g. {@code Ec2Client::builder}
     */
    @SuppressWarnings("unchecked")
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            ClientKey key, AwsCredentialsProvider credentials, Supplier<B> builder) {
        ClientOptions options =
                new ClientOptions(endpointFor(key.region(), key.service()), config.apiCallTimeout(), Optional.empty());
        return (C) clients.computeIfAbsent(key, k -> build(k, credentials, builder, options));
    }

    /** A client of the caller's own, with its options: not cached, closed by the caller (its HTTP pool stays). */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(
            ClientKey key, AwsCredentialsProvider credentials, Supplier<B> builder, ClientOptions options) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts())
                        .build())
                .apiCallTimeout(options.apiCallTimeout())
                .addExecutionInterceptor(rateLimit(key))
                .addExecutionInterceptor(callCounter)
                .addExecutionInterceptor(OPERATION_NAMES);
        options.apiCallAttemptTimeout().ifPresent(override::apiCallAttemptTimeout);
        B b = builder.get()
                .region(Region.of(key.region()))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(override.build());
        options.endpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    /** The account's service's bucket, and the purpose's permits for calls in flight to it. */
    AccountRateLimit rateLimit(ClientKey key) {
        String accountService = key.account() + "/" + key.service();
        TokenBucket bucket = buckets.computeIfAbsent(
                accountService, k -> new TokenBucket(config.requestsPerSecond(), config.burst()));
        Semaphore permits = inFlight.computeIfAbsent(
                key.purpose() + "/" + accountService, k -> new Semaphore(maxConcurrency(key.purpose()), true));
        return new AccountRateLimit(bucket, permits);
    }

    private int maxConcurrency(Purpose purpose) {
        return Optional.ofNullable(config.purposes().get(purpose.key()))
                .flatMap(AwsConfig.PurposeSettings::maxConcurrency)
                .orElse(config.maxConcurrency());
    }

    /** True against an emulator (or a proxy) rather than AWS's own endpoints. */
    public boolean usesEndpointOverride() {
        return config.endpointOverride().isPresent()
                || !config.regionEndpoints().isEmpty()
                || !config.serviceEndpoints().isEmpty()
                || System.getenv("AWS_ENDPOINT_URL") != null
                || System.getProperty("aws.endpointUrl") != null;
    }

    Optional<URI> endpointFor(String region, String service) {
        return Optional.ofNullable(config.serviceEndpoints().get(service))
                .or(() -> Optional.ofNullable(config.regionEndpoints().get(region)))
                .or(config::endpointOverride);
    }

    @PreDestroy
    public void close() {
        clients.values().forEach(SdkClient::close);
        httpClient.close();
    }
}
