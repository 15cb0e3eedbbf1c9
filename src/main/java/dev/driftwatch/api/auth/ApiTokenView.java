package dev.driftwatch.api.auth;

import java.time.Instant;

/** An API token as the API shows it: everything but the token itself, which is shown once, at creation. */
public record ApiTokenView(
        long id, String name, String role, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    static ApiTokenView of(ApiTokenEntity e) {
        return new ApiTokenView(e.id, e.name, e.role, e.createdBy, e.createdAt, e.expiresAt, e.revokedAt);
    }
}
