package dev.driftwatch.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What a part sets for its own clients (an S3 state source): where to call and how long to wait. Retries,
 * rate limit and request counting stay the shared ones.
 *
 * @param endpoint the endpoint; the SDK's own resolution when absent (not {@code driftwatch.aws}'s endpoints)
 */
public record ClientOptions(
        Optional<URI> endpoint, Duration apiCallTimeout, Optional<Duration> apiCallAttemptTimeout) {}
