package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A per-principal limit on API requests: a bucket of {@code requests-per-minute} tokens per caller, refilled
 * continuously on a monotonic tick ({@link RequestBucket}); an empty bucket answers 429 with the seconds until
 * the next token in {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimit {

    private final Map<String, RequestBucket> buckets = new ConcurrentHashMap<>();
    private final AuthConfig config;
    private final LongSupplier ticker;

    @Inject
    RateLimit(AuthConfig config) {
        this(config, System::nanoTime);
    }

    RateLimit(AuthConfig config, LongSupplier ticker) {
        this.config = config;
        this.ticker = ticker;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        int perMinute = config.limits().requestsPerMinute();
        Principal principal = request.getSecurityContext().getUserPrincipal();
        String caller = principal == null ? "anonymous" : principal.getName();
        long now = ticker.getAsLong();
        long waitMillis = buckets.computeIfAbsent(caller, k -> new RequestBucket(perMinute, now))
                .take(now);
        if (waitMillis == 0) {
            return null;
        }
        return TooMany.response((waitMillis + 999) / 1000, "more than " + perMinute + " requests a minute");
    }
}
