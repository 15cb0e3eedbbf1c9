package dev.driftwatch.api.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives an OIDC caller exactly the driftwatch roles its groups map to. The roles Quarkus read from the token
 * are dropped: a group that happens to be called "admin" must not make anyone an admin without configuration.
 */
@ApplicationScoped
class OidcRoles implements SecurityIdentityAugmentor {

    private final GroupRoles groupRoles;

    OidcRoles(GroupRoles groupRoles) {
        this.groupRoles = groupRoles;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(Identities.MECHANISM, "oidc");
        groupRoles.of(token::getClaim).forEach(r -> builder.addRole(r.value()));
        return Uni.createFrom().item(builder.build());
    }
}
