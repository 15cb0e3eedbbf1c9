package dev.driftwatch.api.auth;

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
import java.time.Instant;
import java.util.List;

/** API tokens for pipelines, managed by admins. A token is shown once, in the answer that creates it. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class TokenResource {

    /** What to create: a unique name, a role (viewer, operator, approver, admin) and when it expires. */
    public record CreateRequest(String name, String role, Instant expiresAt) {}

    private final ApiTokens tokens;
    private final SecurityIdentity caller;

    TokenResource(ApiTokens tokens, SecurityIdentity caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateRequest request) {
        if (request == null || request.role() == null) {
            throw new IllegalArgumentException("body: {\"name\": ..., \"role\": ..., \"expiresAt\": ...} is required");
        }
        ApiTokens.Created created =
                tokens.create(request.name(), Role.of(request.role()), request.expiresAt(), Identities.name(caller));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    public List<ApiTokenView> all() {
        return tokens.all();
    }

    /** Revokes the token at once: its next request is refused. */
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(id)) {
            throw new NotFoundException("No token " + id);
        }
        return Response.noContent().build();
    }
}
