package dev.driftwatch.api;

import dev.driftwatch.coverage.CoverageReport;
import dev.driftwatch.coverage.CoverageStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    private final CoverageStore coverage;

    CoverageResource(CoverageStore coverage) {
        this.coverage = coverage;
    }

    /** IaC coverage per account, region and type (latest complete figures), filtered by any of them, with totals. */
    @GET
    public CoverageReport get(@QueryParam("account") String account, @QueryParam("region") String region,
            @QueryParam("type") String type) {
        return coverage.report(account, region, type);
    }
}
