package dev.driftwatch.api.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;
import java.util.stream.Collectors;

/** Building and describing callers' identities. */
public final class Identities {

    /** The identity attribute that says how the caller authenticated: oidc, api-token or auth-off. */
    public static final String MECHANISM = "driftwatch.mechanism";

    /** What an API token's principal starts with, so no token can pass for a person of the same name. */
    public static final String TOKEN_PREFIX = "token:";

    private Identities() {}

    /** The principal of the API token with this name: {@code token:ci-pipeline}. */
    static String tokenPrincipal(String tokenName) {
        return TOKEN_PREFIX + tokenName;
    }

    static SecurityIdentity of(String name, Set<Role> roles, String mechanism) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addAttribute(MECHANISM, mechanism);
        roles.forEach(r -> builder.addRole(r.value()));
        return builder.build();
    }

    /** The caller's name: who accepted drift, created a token, appears in the audit trail. */
    public static String name(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous()
                ? "anonymous"
                : identity.getPrincipal().getName();
    }

    /** The caller's driftwatch roles, in order, comma-separated ("" for none). */
    public static String roles(SecurityIdentity identity) {
        if (identity == null) {
            return "";
        }
        return java.util.Arrays.stream(Role.values())
                .map(Role::value)
                .filter(identity.getRoles()::contains)
                .collect(Collectors.joining(","));
    }

    public static String mechanism(SecurityIdentity identity) {
        Object value = identity == null ? null : identity.getAttribute(MECHANISM);
        return value == null ? (identity == null || identity.isAnonymous() ? "none" : "oidc") : value.toString();
    }
}
