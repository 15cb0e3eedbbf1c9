package dev.driftwatch.api.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * One configuration for every test of OIDC callers (a Quarkus restart each, so they share it): the default
 * tenant trusts the local issuer (fast, signed by the tests), the "keycloak" tenant the real Keycloak; the token's
 * issuer picks the tenant. Groups dw-viewers, dw-operators, dw-approvers, dw-admins map to the roles.
 */
public class OidcProfile implements QuarkusTestProfile {

    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180");
    static final String KEYCLOAK_ISSUER = KEYCLOAK + "/realms/driftwatch";
    /** Requests a minute per principal here: low enough for the rate-limit test to reach. */
    static final int REQUESTS_PER_MINUTE = 120;

    @Override
    public Map<String, String> getConfigOverrides() {
        String local = LocalIssuer.start();
        return Map.ofEntries(
                Map.entry("quarkus.oidc.tenant-enabled", "true"),
                Map.entry("quarkus.oidc.auth-server-url", local),
                Map.entry("quarkus.oidc.discovery-enabled", "false"),
                Map.entry("quarkus.oidc.jwks-path", "jwks"),
                Map.entry("quarkus.oidc.token.issuer", LocalIssuer.ISSUER),
                Map.entry("quarkus.oidc.token.audience", LocalIssuer.AUDIENCE),
                Map.entry("quarkus.oidc.resolve-tenants-with-issuer", "true"),
                Map.entry("quarkus.oidc.keycloak.auth-server-url", KEYCLOAK_ISSUER),
                Map.entry("quarkus.oidc.keycloak.discovery-enabled", "false"),
                Map.entry("quarkus.oidc.keycloak.jwks-path", "protocol/openid-connect/certs"),
                Map.entry("quarkus.oidc.keycloak.jwks.resolve-early", "false"),
                Map.entry("quarkus.oidc.keycloak.token.issuer", KEYCLOAK_ISSUER),
                Map.entry("quarkus.oidc.keycloak.token.audience", "driftwatch"),
                Map.entry("driftwatch.auth.roles.viewer", "dw-viewers"),
                Map.entry("driftwatch.auth.roles.operator", "dw-operators"),
                Map.entry("driftwatch.auth.roles.approver", "dw-approvers"),
                Map.entry("driftwatch.auth.roles.admin", "dw-admins"),
                Map.entry("driftwatch.auth.limits.requests-per-minute", String.valueOf(REQUESTS_PER_MINUTE)));
    }
}
