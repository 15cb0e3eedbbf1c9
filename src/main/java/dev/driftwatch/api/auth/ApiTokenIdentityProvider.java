package dev.driftwatch.api.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an API token into its identity: the token's name as principal, its role and the roles it implies. */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    private final ApiTokens tokens;

    ApiTokenIdentityProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.verify(request.secret())
                .map(t -> Identities.of(
                        Identities.tokenPrincipal(t.name()), Role.of(t.role()).withImplied(), "api-token"))
                .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked API token")));
    }
}
