package dev.driftwatch.api.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Stores the configured bootstrap admin token (hashed) at start, so a new install can create real tokens. */
@ApplicationScoped
class BootstrapToken {

    private static final Logger LOG = Logger.getLogger(BootstrapToken.class);

    private final AuthConfig config;
    private final ApiTokens tokens;

    BootstrapToken(AuthConfig config, ApiTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    void onStart(@Observes StartupEvent event) {
        secret().ifPresent(secret -> {
            tokens.ensureBootstrap(secret, config.bootstrapTokenName());
            LOG.info("The bootstrap admin API token is known (its hash is stored; the token is not logged)");
        });
    }

    private Optional<String> secret() {
        if (config.bootstrapTokenFile().isPresent()) {
            try {
                return Optional.of(
                        Files.readString(config.bootstrapTokenFile().get()).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read driftwatch.auth.bootstrap-token-file", e);
            }
        }
        return config.bootstrapToken().map(String::strip);
    }
}
