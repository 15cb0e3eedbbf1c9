package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    private final FindingQueries findings;

    FindingResource(FindingQueries findings) {
        this.findings = findings;
    }

    /** Findings, oldest first, filtered by any of kind, status, account, region and Terraform type. */
    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<FindingView> list(
            @QueryParam("kind") FindingKind kind,
            @QueryParam("status") FindingStatus status,
            @QueryParam("account") String account,
            @QueryParam("region") String region,
            @QueryParam("type") String type,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return findings.find(new FindingQueries.Filter(kind, status, account, region, type), offset, limit);
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/{id}")
    public FindingView get(@PathParam("id") long id) {
        return findings.byId(id).orElseThrow(() -> new NotFoundException("No finding " + id));
    }
}
