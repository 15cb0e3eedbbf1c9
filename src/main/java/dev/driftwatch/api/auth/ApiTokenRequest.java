package dev.driftwatch.api.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request carrying an API token; its secret is never part of {@link #toString()}. */
final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String secret;

    ApiTokenRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiTokenRequest[secret hidden]";
    }
}
