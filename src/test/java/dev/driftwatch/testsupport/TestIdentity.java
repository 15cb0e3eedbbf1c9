package dev.driftwatch.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestAfterConstructCallback;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The identity of the tests' RestAssured requests: each one without an Authorization header of its own is sent
 * with the test profile's admin API token (principal {@value #PRINCIPAL}; application.properties
 * {@code %test.driftwatch.auth.bootstrap-token}). Registered for every {@code @QuarkusTest} through
 * META-INF/services, so the tests of other features need not know about authentication.
 */
public final class TestIdentity implements QuarkusTestAfterConstructCallback {

    /** The name of the API token the tests act with: an admin's. */
    public static final String NAME = "alice";
    /** The principal that token is recorded as (who accepted, created, appears in the audit trail). */
    public static final String PRINCIPAL = "token:" + NAME;
    /** Its token: not a secret, it exists only in the test profile. */
    public static final String TOKEN = "dwt_test-identity-alice-not-a-secret-0000000000";

    private static final Filter ADD_TOKEN = new AddToken();

    @Override
    public void afterConstruct(Object testInstance) {
        register();
    }

    /** Idempotent: the filter is added once per class loader. */
    public static synchronized void register() {
        if (!RestAssured.filters().contains(ADD_TOKEN)) {
            RestAssured.filters(ADD_TOKEN);
        }
    }

    /** {@code Authorization: Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static final class AddToken implements Filter {
        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", bearer(TOKEN));
            }
            return context.next(request, response);
        }
    }
}
