package dev.driftwatch.api.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * In front of every /api request that may change state (any method but GET, HEAD, OPTIONS), before
 * authentication: bodies over the limit are refused by their declared length without being read (a body whose
 * length is not declared is refused too, except by /api/checks), and when the response is done, one audit entry
 * records the call, refused or not.
 */
@ApplicationScoped
class ApiGate {

    private static final Logger LOG = Logger.getLogger(ApiGate.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Before the authentication handler, so its refusals are audited too. */
    private static final int PRIORITY = 500;

    private final AuthConfig config;
    private final AuditTrail trail;
    private final Vertx vertx;
    private final Clock clock;

    ApiGate(AuthConfig config, AuditTrail trail, Vertx vertx, Clock clock) {
        this.config = config;
        this.trail = trail;
        this.vertx = vertx;
        this.clock = clock;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/api/") || SAFE.contains(context.request().method())) {
            context.next();
            return;
        }
        context.addEndHandler(done -> audit(context, path));
        if (path.equals("/api/checks")) {
            context.next();
        } else if (tooLarge(context)) {
            refuse(context, 413, "request body over " + config.limits().maxBodyBytes() + " bytes");
        } else if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // a body of undeclared length could only be measured by reading it: say how long it is instead
            refuse(
                    context,
                    411,
                    "a request body needs a Content-Length here (at most "
                            + config.limits().maxBodyBytes() + " bytes)");
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context, int status, String why) {
        context.response()
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .setStatusCode(status)
                .end("{\"status\":" + status + ",\"error\":\"" + why + "\"}");
    }

    private boolean tooLarge(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null
                    && Long.parseLong(length.strip()) > config.limits().maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void audit(RoutingContext context, String path) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        int status = context.response().getStatusCode();
        var address = context.request().remoteAddress();
        AuditEntry entry = new AuditEntry(
                null,
                clock.instant(),
                Identities.name(identity),
                Identities.roles(identity),
                Identities.mechanism(identity),
                context.request().method().name() + " " + path,
                path.substring("/api/".length()),
                AuditEntry.outcome(status),
                status,
                address == null ? null : address.hostAddress());
        vertx.executeBlocking(() -> trail.record(entry), false)
                .onFailure(e -> LOG.errorf(
                        e, "Audit entry not stored: %s %s by %s", entry.action(), entry.outcome(), entry.principal()));
    }
}
