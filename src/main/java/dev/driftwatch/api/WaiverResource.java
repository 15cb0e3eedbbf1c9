package dev.driftwatch.api;

import dev.driftwatch.api.auth.Identities;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.policy.Waiver;
import dev.driftwatch.policy.Waivers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

/** Waivers: a finding they cover stays visible as SUPPRESSED until the waiver expires. */
@Path("/api/waivers")
@Produces(MediaType.APPLICATION_JSON)
public class WaiverResource {

    private final Waivers waivers;
    private final SecurityIdentity caller;

    WaiverResource(Waivers waivers, SecurityIdentity caller) {
        this.waivers = waivers;
        this.caller = caller;
    }

    /** Active (unexpired) waivers. */
    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public List<Waiver> active() {
        return waivers.active();
    }

    /**
     * Grants a waiver: policyId, resourceId or tagKey+tagValue, owner (the team answerable for it), reason,
     * expiresAt. Applies from the next scan. Its creator is the caller.
     */
    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(Waiver waiver) {
        return Response.status(Response.Status.CREATED)
                .entity(waivers.grant(waiver, Identities.name(caller)))
                .build();
    }

    @DELETE
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        if (!waivers.revoke(id)) {
            throw new NotFoundException("No waiver " + id);
        }
        return Response.noContent().build();
    }
}
