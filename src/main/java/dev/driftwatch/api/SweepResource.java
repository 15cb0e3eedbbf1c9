package dev.driftwatch.api;

import dev.driftwatch.api.auth.Identities;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.sweeper.SweepItemView;
import dev.driftwatch.sweeper.SweepQueries;
import dev.driftwatch.sweeper.SweepRequests;
import dev.driftwatch.sweeper.SweepView;
import dev.driftwatch.sweeper.SweepWorker;
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
 * Sandbox sweeps: asking for one now (operators), their plans and reports, approving a plan the cap stopped
 * (approvers, never whoever asked for it), keeping one resource out of a plan.
 */
@Path("/api/sweeps")
@Produces(MediaType.APPLICATION_JSON)
public class SweepResource {

    /** The account to sweep now; {@code dryRun: true} plans only, even where the sweeper deletes. */
    public record SweepRequest(String account, Boolean dryRun) {}

    /** A resource of the plan to keep. */
    public record Keep(String type, String id) {}

    private final SweepRequests requests;
    private final SweepQueries queries;
    private final SweepWorker worker;
    private final SecurityIdentity caller;

    SweepResource(SweepRequests requests, SweepQueries queries, SweepWorker worker, SecurityIdentity caller) {
        this.requests = requests;
        this.queries = queries;
        this.worker = worker;
        this.caller = caller;
    }

    /** Queues a sweep of the account (dry run unless {@code driftwatch.sweeper.dry-run=false}); 202 with it. */
    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sweep(SweepRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(
                    "account: the sandbox account to sweep, e.g. {\"account\": \"123456789012\"}");
        }
        SweepView queued =
                requests.request(request.account(), Boolean.TRUE.equals(request.dryRun()), Identities.name(caller));
        worker.nudge();
        return Response.accepted(queued).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<SweepView> list(
            @QueryParam("account") String account,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return queries.recent(account, offset, limit);
    }

    /** The sweep with its plan and report: every resource's decision, outcome, attempts and last error. */
    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    public SweepQueries.Detail get(@PathParam("id") long id) {
        return queries.detail(id).orElseThrow(() -> new NotFoundException("No sweep " + id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.APPROVER_NAME)
    public SweepView approve(@PathParam("id") long id) {
        SweepView approved = requests.approve(id, Identities.name(caller));
        worker.nudge();
        return approved;
    }

    @POST
    @Path("/{id}/keep")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public SweepItemView keep(@PathParam("id") long id, Keep keep) {
        if (keep == null || keep.type() == null || keep.id() == null) {
            throw new IllegalArgumentException(
                    "type and id: the resource to keep, e.g. {\"type\": \"aws_instance\"," + " \"id\": \"i-0abc\"}");
        }
        return requests.keep(id, keep.type(), keep.id(), Identities.name(caller));
    }
}
