package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.baseline.Baseline;
import dev.driftwatch.baseline.KnownState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The states the sources listed: what became of each at the last read, and the operator's confirmation that
 * a state no longer listed is gone (until then its resources are unknown).
 */
@Path("/api/states")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    private final Baseline baseline;

    StateResource(Baseline baseline) {
        this.baseline = baseline;
    }

    /** Every known state: name, source, lineage, status (READ, FAILED, VANISHED, DESTROYED), lastSeen. */
    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<KnownState> known() {
        return baseline.knownStates();
    }

    /**
     * Confirms a state gone (its name URL-encoded, e.g. {@code s3%3A%2F%2Fbucket%2Fkey}): from the next scan
     * what it managed may resolve, or be UNMANAGED. A state its source still lists cannot be confirmed gone.
     */
    @DELETE
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/{name: .+}")
    public Response confirmGone(@PathParam("name") String name) {
        KnownState state = baseline.knownState(name).orElseThrow(() -> new NotFoundException("No known state " + name));
        if (state.status() == KnownState.Status.READ) {
            String message = "state " + name + " is still listed by " + state.source() + ": remove it there first";
            return Response.status(Response.Status.CONFLICT)
                    .entity(new ErrorMappers.ApiError(409, message))
                    .build();
        }
        baseline.confirmGone(name);
        return Response.noContent().build();
    }
}
