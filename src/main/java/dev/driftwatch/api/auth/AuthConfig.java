package dev.driftwatch.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the API. People come with OIDC bearer tokens ({@code quarkus.oidc.auth-server-url} and
 * {@code quarkus.oidc.token.audience} name the issuer and audience); their groups map to roles here.
 * Pipelines come with API tokens ({@code dwt_...}) an admin created.
 */
@ConfigMapping(prefix = "driftwatch.auth")
public interface AuthConfig {

    /**
     * false lets anyone call every endpoint as an admin: only for a laptop. The service then warns at start and
     * at every scan round, and {@code /q/health} says so.
     */
    @WithDefault("true")
    boolean enabled();

    /** The claim of an OIDC token that lists the caller's groups; a dotted path reaches into objects. */
    @WithDefault("groups")
    String groupsClaim();

    /**
     * Groups per role, e.g. {@code driftwatch.auth.roles.admin=platform-admins}. A group in no list gives no
     * role; a role implies the ones before it (see {@link Role}).
     */
    Map<String, List<String>> roles();

    /**
     * An admin API token the service stores (hashed) at start if it does not know it yet, so a new install can
     * create its first tokens. Prefer {@link #bootstrapTokenFile()}. Revoking it through the API sticks.
     */
    Optional<String> bootstrapToken();

    /** A file holding the bootstrap token (read once at start). */
    Optional<Path> bootstrapTokenFile();

    /** The bootstrap token's name: the principal its calls are made and audited as. */
    @WithDefault("bootstrap")
    String bootstrapTokenName();

    /** The longest lifetime an API token may be created with. */
    @WithDefault("365d")
    Duration maxTokenLifetime();

    /** Limits on callers. */
    Limits limits();

    interface Limits {

        /** Request bodies larger than this are refused (413) before they are read, except for /api/checks. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Requests per minute for one principal; past it 429 with Retry-After. */
        @WithDefault("600")
        int requestsPerMinute();

        /** Checks (/api/checks) running at once; past it 429 with Retry-After. */
        @WithDefault("4")
        int concurrentChecks();
    }
}
