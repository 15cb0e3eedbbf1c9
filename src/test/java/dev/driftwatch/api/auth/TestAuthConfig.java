package dev.driftwatch.api.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AuthConfig} for fast tests. */
record TestAuthConfig(boolean enabled, String groupsClaim, Map<String, List<String>> roles, int concurrentChecks)
        implements AuthConfig {

    static TestAuthConfig groups(String claim, Map<String, List<String>> roles) {
        return new TestAuthConfig(true, claim, roles, 4);
    }

    @Override
    public Optional<String> bootstrapToken() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> bootstrapTokenFile() {
        return Optional.empty();
    }

    @Override
    public String bootstrapTokenName() {
        return "bootstrap";
    }

    @Override
    public Duration maxTokenLifetime() {
        return Duration.ofDays(365);
    }

    @Override
    public Limits limits() {
        return new Limits() {
            @Override
            public long maxBodyBytes() {
                return 1 << 20;
            }

            @Override
            public int requestsPerMinute() {
                return 600;
            }

            @Override
            public int concurrentChecks() {
                return concurrentChecks;
            }
        };
    }
}
