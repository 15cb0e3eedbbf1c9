package dev.driftwatch.api;

import dev.driftwatch.scan.ScanRuns;
import dev.driftwatch.scan.ScanScheduler;
import dev.driftwatch.scan.ScanView;
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
import org.quartz.SchedulerException;

@Path("/api/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    private final ScanScheduler scheduler;
    private final ScanRuns runs;

    ScanResource(ScanScheduler scheduler, ScanRuns runs) {
        this.scheduler = scheduler;
        this.runs = runs;
    }

    /**
     * Queues a scan of the given regions (all configured regions when none is given) and answers 202
     * with the queued scans; poll {@code GET /api/scans/{id}} for their result.
     */
    @POST
    public Response scanNow(@QueryParam("region") List<String> regions) throws SchedulerException {
        List<ScanView> queued = scheduler.scanNow(regions == null || regions.isEmpty() ? scheduler.regions() : regions);
        return Response.accepted(queued).build();
    }

    @GET
    public List<ScanView> recent(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return runs.recent(limit);
    }

    @GET
    @Path("/{id}")
    public ScanView get(@PathParam("id") long id) {
        return runs.byId(id).orElseThrow(() -> new NotFoundException("No scan " + id));
    }
}
