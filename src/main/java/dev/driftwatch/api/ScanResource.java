package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.inventory.AccountRegistry;
import dev.driftwatch.resource.ScanTarget;
import dev.driftwatch.scan.ScanRequests;
import dev.driftwatch.scan.ScanRuns;
import dev.driftwatch.scan.ScanView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/api/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    private final ScanRequests requests;
    private final ScanRuns runs;
    private final AccountRegistry accounts;

    ScanResource(ScanRequests requests, ScanRuns runs, AccountRegistry accounts) {
        this.requests = requests;
        this.runs = runs;
        this.accounts = accounts;
    }

    /**
     * Queues a scan of every configured (account, region), or of those matching the given accounts and
     * regions ({@code region=global} for IAM and S3), and answers 202 with the queued scans; poll
     * {@code GET /api/scans/{id}} for their results. A target whose scan is still queued or running is not
     * queued again: its answer is that scan.
     */
    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response scanNow(
            @QueryParam("account") List<String> accountIds, @QueryParam("region") List<String> regions) {
        List<ScanTarget> all = accounts.targets();
        requireKnown(
                "account", accountIds, all.stream().map(ScanTarget::account).toList());
        requireKnown("region", regions, all.stream().map(ScanTarget::region).toList());
        List<ScanTarget> chosen = all.stream()
                .filter(t -> accountIds.isEmpty() || accountIds.contains(t.account()))
                .filter(t -> regions.isEmpty() || regions.contains(t.region()))
                .toList();
        return Response.accepted(requests.request(chosen, "api")).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<ScanView> recent(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return runs.recent(limit);
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/{id}")
    public ScanView get(@PathParam("id") long id) {
        return runs.byId(id).orElseThrow(() -> new NotFoundException("No scan " + id));
    }

    private static void requireKnown(String parameter, List<String> asked, List<String> known) {
        List<String> unknown =
                asked.stream().filter(a -> !known.contains(a)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Not a configured " + parameter + ": " + String.join(", ", unknown) + " (configured: "
                            + String.join(", ", known.stream().distinct().toList()) + ")");
        }
    }
}
