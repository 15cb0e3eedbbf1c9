package dev.driftwatch.api.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Bearer tokens that start with {@value TokenSecrets#PREFIX} are driftwatch API tokens, checked here; any other
 * bearer token is left to OIDC. With auth turned off, every caller is an admin named "anonymous".
 */
@ApplicationScoped
class ApiTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final AuthConfig config;

    ApiTokenMechanism(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!config.enabled()) {
            return Uni.createFrom().item(Identities.of("anonymous", EnumSet.allOf(Role.class), "auth-off"));
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        if (!TokenSecrets.looksLikeToken(token)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new ApiTokenRequest(token));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenRequest.class);
    }

    /** Before OIDC's mechanism, which would try to parse an API token as a JWT. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
