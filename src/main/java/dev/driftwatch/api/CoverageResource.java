package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.baseline.Baseline;
import dev.driftwatch.coverage.CoverageReport;
import dev.driftwatch.coverage.CoverageStore;
import dev.driftwatch.coverage.StateCoverage;
import dev.driftwatch.inventory.Inventory;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    private final CoverageStore coverage;
    private final Baseline baseline;
    private final Inventory inventory;

    CoverageResource(CoverageStore coverage, Baseline baseline, Inventory inventory) {
        this.coverage = coverage;
        this.baseline = baseline;
        this.inventory = inventory;
    }

    /**
     * IaC coverage per account, region and type (latest complete figures), filtered by any of them, with totals;
     * and per state (read now; only changed states are downloaded), how much of it is of unsupported types.
     */
    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Blocking
    public CoverageReport get(
            @QueryParam("account") String account,
            @QueryParam("region") String region,
            @QueryParam("type") String type) {
        return coverage.report(account, region, type)
                .withStates(StateCoverage.of(baseline.load().resources(), inventory.supportedTypes()));
    }
}
