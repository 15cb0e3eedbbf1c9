package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A per-principal limit on API requests: a bucket of {@code requests-per-minute} tokens per caller, refilled
 * continuously; an empty bucket answers 429 with the seconds until the next token in {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimit {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AuthConfig config;
    private final Clock clock;

    RateLimit(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        int perMinute = config.limits().requestsPerMinute();
        Principal principal = request.getSecurityContext().getUserPrincipal();
        String caller = principal == null ? "anonymous" : principal.getName();
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(perMinute, clock.millis()));
        long waitMillis = bucket.take(perMinute, clock.millis());
        if (waitMillis == 0) {
            return null;
        }
        return TooMany.response((waitMillis + 999) / 1000, "more than " + perMinute + " requests a minute");
    }

    /** Tokens and the time they were last counted; synchronised per caller. */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.at = now;
        }

        /** 0 if a token was taken, else how long until one is there. */
        synchronized long take(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - at) * perMinute / 60_000.0);
            at = now;
            if (tokens >= 1) {
                tokens--;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
        }
    }
}
