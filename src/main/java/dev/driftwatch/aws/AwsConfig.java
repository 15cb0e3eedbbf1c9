package dev.driftwatch.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How driftwatch talks to AWS: endpoints, retries, timeouts and rate limits shared by every client. */
@ConfigMapping(prefix = "driftwatch.aws")
public interface AwsConfig {

    /**
     * Endpoint for every service, for an emulator such as moto. When absent the SDK's own resolution
     * applies, which honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}.
     */
    Optional<URI> endpointOverride();

    /** Endpoint per region; wins over {@link #endpointOverride()}. */
    Map<String, URI> regionEndpoints();

    /**
     * Endpoint per service, by the SDK's service name ({@code sts}, {@code ec2}, ...), e.g. an STS VPC
     * endpoint; wins over the others.
     */
    Map<String, URI> serviceEndpoints();

    /** Attempts per API call, first try included; throttling and transient errors are retried adaptively. */
    @WithDefault("5")
    @Min(1)
    @Max(20)
    int maxAttempts();

    /** Longest one API call may take, retries included. */
    @WithDefault("60s")
    Duration apiCallTimeout();

    /** Longest the opening of a connection to an AWS endpoint may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Pooled HTTP connections shared by all clients. */
    @WithDefault("100")
    @Min(1)
    int maxConnections();

    /** Requests per second to one service of one account (token bucket), so a scan never throttles itself. */
    @WithDefault("20")
    @Min(1)
    int requestsPerSecond();

    /** Requests that may be sent at once, beyond the steady rate, to one service of one account. */
    @WithDefault("40")
    @Min(1)
    int burst();

    /**
     * Calls in flight at the same time to one service of one account, for each purpose (scans, remediation, the
     * sweeper each have their own), unless the purpose sets its own {@code max-concurrency}.
     */
    @WithDefault("4")
    @Min(1)
    int maxConcurrency();

    /**
     * Per purpose ({@code read}, {@code state}, {@code remediate}, {@code sweep}): the role to assume in each account
     * and the calls it may have in flight, e.g. {@code driftwatch.aws.purposes.sweep.max-concurrency=1}.
     */
    Map<String, PurposeSettings> purposes();

    /** How one purpose reaches the accounts. */
    interface PurposeSettings {

        /**
         * Role pattern, {@code {account}} standing for the account id, e.g.
         * {@code arn:aws:iam::{account}:role/driftwatch-remediator} (the default for {@code remediate};
         * {@code sweep}'s is {@code ...:role/driftwatch-sweeper}). {@code none}: the purpose has no role and its
         * sessions are refused. {@code read}'s roles are the inventory's accounts' {@code role-arn}, and each S3
         * state source names its own: neither is set here.
         */
        Optional<String> role();

        /** Role per account id, over {@link #role()}: {@code roles."111111111111"=arn:aws:iam::...}. */
        Map<String, String> roles();

        /** External id sent with AssumeRole for this purpose's roles. */
        Optional<String> externalId();

        /** Calls in flight at once to one service of one account for this purpose; else {@code max-concurrency}. */
        Optional<@Min(1) Integer> maxConcurrency();
    }
}
