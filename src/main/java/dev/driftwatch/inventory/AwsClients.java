package dev.driftwatch.inventory;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds and caches the AWS SDK clients, one per service and region, all on one explicitly chosen HTTP
 * client (SDK 2.57 brings several onto the classpath), with adaptive retries and API-call counting.
 */
@ApplicationScoped
public class AwsClients {

    private final AwsConfig config;
    private final AwsApiCallCounter callCounter;
    private final SdkHttpClient httpClient;
    private final Map<String, Ec2Client> ec2ByRegion = new ConcurrentHashMap<>();
    private final Map<String, StsClient> stsByRegion = new ConcurrentHashMap<>();

    AwsClients(AwsConfig config, AwsApiCallCounter callCounter) {
        this.config = config;
        this.callCounter = callCounter;
        this.httpClient = Apache5HttpClient.builder()
                .maxConnections(config.maxConnections())
                .connectionTimeout(config.connectTimeout())
                .build();
    }

    public Ec2Client ec2(String region) {
        return ec2ByRegion.computeIfAbsent(region, r -> configure(Ec2Client.builder(), r).build());
    }

    public StsClient sts(String region) {
        return stsByRegion.computeIfAbsent(region, r -> configure(StsClient.builder(), r).build());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String region) {
        builder.region(Region.of(region))
                .httpClient(httpClient)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                .maxAttempts(config.maxAttempts())
                                .build())
                        .apiCallTimeout(config.apiCallTimeout())
                        .addExecutionInterceptor(callCounter)
                        .build());
        endpointFor(region).ifPresent(builder::endpointOverride);
        return builder;
    }

    private Optional<URI> endpointFor(String region) {
        return Optional.ofNullable(config.regionEndpoints().get(region)).or(config::endpointOverride);
    }

    @PreDestroy
    void close() {
        ec2ByRegion.values().forEach(Ec2Client::close);
        stsByRegion.values().forEach(StsClient::close);
        httpClient.close();
    }
}
