package dev.driftwatch.api;

import dev.driftwatch.api.auth.Identities;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.RemediationIntake;
import dev.driftwatch.remediation.RemediationRefused;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An operator asks for an open violation's fix; it waits for an approver other than the caller. */
@Path("/api/findings/{id}/remediate")
@Produces(MediaType.APPLICATION_JSON)
public class FindingRemediationResource {

    private final FindingQueries findings;
    private final RemediationIntake intake;
    private final SecurityIdentity caller;

    FindingRemediationResource(FindingQueries findings, RemediationIntake intake, SecurityIdentity caller) {
        this.findings = findings;
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response remediate(@PathParam("id") long findingId) {
        FindingView finding =
                findings.byId(findingId).orElseThrow(() -> new NotFoundException("No finding " + findingId));
        return intake.request(finding, Identities.name(caller))
                .map(r -> Response.status(Response.Status.CREATED).entity(r).build())
                .orElseThrow(() -> new RemediationRefused(
                        RemediationRefused.Kind.CONFLICT,
                        "finding " + findingId + " already has a remediation in flight, or one you asked for at"
                                + " version " + finding.version()));
    }
}
