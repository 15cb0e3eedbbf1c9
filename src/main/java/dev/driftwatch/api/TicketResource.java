package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.ticket.TicketQueries;
import dev.driftwatch.ticket.TicketStatus;
import dev.driftwatch.ticket.TicketView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Tickets of every sink (the built-in sink's only home): newest first, a page at a time. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketQueries queries;

    TicketResource(TicketQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<TicketView> list(
            @QueryParam("status") TicketStatus status,
            @QueryParam("sink") String sink,
            @QueryParam("fingerprint") String fingerprint,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.find(new TicketQueries.Filter(status, sink, fingerprint), offset, limit);
    }
}
