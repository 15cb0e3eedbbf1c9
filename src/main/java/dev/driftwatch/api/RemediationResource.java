package dev.driftwatch.api;

import dev.driftwatch.api.auth.Identities;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.remediation.Approvals;
import dev.driftwatch.remediation.Breakers;
import dev.driftwatch.remediation.RemediationQueries;
import dev.driftwatch.remediation.RemediationStatus;
import dev.driftwatch.remediation.RemediationView;
import dev.driftwatch.remediation.RemediationWorker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Remediations: what was planned, waits for approval, was written and verified, or skipped and why; approving
 * and rejecting (approvers, never the requester); the circuit breakers.
 */
@Path("/api/remediations")
@Produces(MediaType.APPLICATION_JSON)
public class RemediationResource {

    /** An approver's or requester's words; who they are comes from the identity. */
    public record Decision(String comment) {}

    private final RemediationQueries queries;
    private final Approvals approvals;
    private final RemediationWorker worker;
    private final Breakers breakers;
    private final SecurityIdentity caller;

    RemediationResource(
            RemediationQueries queries,
            Approvals approvals,
            RemediationWorker worker,
            Breakers breakers,
            SecurityIdentity caller) {
        this.queries = queries;
        this.approvals = approvals;
        this.worker = worker;
        this.breakers = breakers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<RemediationView> list(
            @QueryParam("status") RemediationStatus status,
            @QueryParam("action") String action,
            @QueryParam("account") String account,
            @QueryParam("finding") Long findingId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.find(new RemediationQueries.Filter(status, action, account, findingId), offset, limit);
    }

    /** The remediation with its timeline. */
    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    public RemediationQueries.Detail get(@PathParam("id") long id) {
        return queries.detail(id).orElseThrow(() -> new NotFoundException("No remediation " + id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.APPROVER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public RemediationView approve(@PathParam("id") long id, Decision decision) {
        RemediationView approved = approvals.approve(id, Identities.name(caller), comment(decision));
        worker.nudge();
        return approved;
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Role.APPROVER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public RemediationView reject(@PathParam("id") long id, Decision decision) {
        return approvals.reject(id, Identities.name(caller), comment(decision));
    }

    @GET
    @Path("/breakers")
    @RolesAllowed(Role.VIEWER_NAME)
    public List<Breakers.BreakerView> breakers() {
        return breakers.all();
    }

    /** Closes an account's circuit breaker: auto-remediation goes on there. */
    @POST
    @Path("/breakers/{account}/reset")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response resetBreaker(@PathParam("account") String account) {
        if (!breakers.reset(account)) {
            throw new NotFoundException("The circuit breaker of account " + account + " is not open");
        }
        worker.nudge();
        return Response.noContent().build();
    }

    private static String comment(Decision decision) {
        return decision == null ? null : decision.comment();
    }
}
