package dev.driftwatch.api;

import dev.driftwatch.api.ErrorMappers.ApiError;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.outbox.DeadEventView;
import dev.driftwatch.outbox.DeadEvents;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Events Kafka refused for good: list them, send one again, or drop it so the events of its key move on. */
@Path("/api/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private final DeadEvents dead;

    OutboxResource(DeadEvents dead) {
        this.dead = dead;
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/dead")
    public List<DeadEventView> dead() {
        return dead.list();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        return answer(id, dead.retry(id));
    }

    @DELETE
    @RolesAllowed(Role.ADMIN_NAME)
    @Path("/{id}")
    public Response drop(@PathParam("id") long id) {
        return answer(id, dead.drop(id));
    }

    private static Response answer(long id, DeadEvents.Outcome outcome) {
        return switch (outcome) {
            case DONE -> Response.noContent().build();
            case NOT_FOUND -> throw new NotFoundException("No outbox event " + id);
            case NOT_DEAD ->
                Response.status(Response.Status.CONFLICT)
                        .entity(new ApiError(
                                409, "Outbox event " + id + " is not dead: it is published or still being sent"))
                        .build();
        };
    }
}
