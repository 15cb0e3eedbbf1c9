package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, lists, revokes and verifies API tokens. */
@ApplicationScoped
public class ApiTokens {

    /** A token just created: the only time its secret is seen. */
    public record Created(ApiTokenView token, String secret) {}

    private final Clock clock;
    private final AuthConfig config;

    ApiTokens(Clock clock, AuthConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Created create(String name, Role role, Instant expiresAt, String createdBy) {
        Instant now = clock.instant();
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("name is required (at most 128 characters)");
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt is required and must be in the future");
        }
        Duration max = config.maxTokenLifetime();
        if (expiresAt.isAfter(now.plus(max))) {
            throw new IllegalArgumentException("expiresAt may be at most " + max.toDays() + " days ahead");
        }
        if (ApiTokenEntity.count("name", name.strip()) > 0) {
            throw new IllegalArgumentException("A token named " + name.strip() + " exists already");
        }
        String secret = TokenSecrets.generate();
        return new Created(ApiTokenView.of(store(name.strip(), role, secret, expiresAt, createdBy)), secret);
    }

    /** Stores the bootstrap token unless a token with its hash is known already (revoked or not). */
    @Transactional
    public void ensureBootstrap(String secret, String name) {
        if (!TokenSecrets.looksLikeToken(secret) || secret.length() < 36) {
            throw new IllegalArgumentException("The bootstrap token must start with " + TokenSecrets.PREFIX
                    + " and hold at least 32 random characters");
        }
        if (ApiTokenEntity.count("tokenHash", TokenSecrets.hash(secret)) == 0) {
            String unique = ApiTokenEntity.count("name", name) == 0 ? name : name + "-" + clock.millis();
            store(unique, Role.ADMIN, secret, null, "driftwatch.auth.bootstrap-token");
        }
    }

    @Transactional
    public List<ApiTokenView> all() {
        return ApiTokenEntity.<ApiTokenEntity>listAll().stream()
                .map(ApiTokenView::of)
                .toList();
    }

    /** @return false if there is no such token */
    @Transactional
    public boolean revoke(long id) {
        ApiTokenEntity token = ApiTokenEntity.findById(id);
        if (token == null) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
        return true;
    }

    /** The token this secret belongs to, if it is neither revoked nor expired. */
    @Transactional
    public Optional<ApiTokenView> verify(String secret) {
        Instant now = clock.instant();
        return ApiTokenEntity.<ApiTokenEntity>find("tokenHash", TokenSecrets.hash(secret))
                .firstResultOptional()
                .filter(t -> t.revokedAt == null && (t.expiresAt == null || t.expiresAt.isAfter(now)))
                .map(ApiTokenView::of);
    }

    private ApiTokenEntity store(String name, Role role, String secret, Instant expiresAt, String createdBy) {
        ApiTokenEntity token = new ApiTokenEntity();
        token.name = name;
        token.role = role.value();
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdBy = createdBy;
        token.createdAt = clock.instant();
        token.expiresAt = expiresAt;
        token.persist();
        return token;
    }
}
