package dev.driftwatch.api;

import dev.driftwatch.api.auth.Identities;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.drift.DriftIgnore;
import dev.driftwatch.finding.AcceptedDrift;
import dev.driftwatch.finding.AcceptedDriftView;
import dev.driftwatch.finding.FindingKind;
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

/** Ignoring and accepting drift: the rules in force, and today's drift accepted as the baseline. */
@Path("/api/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {

    /**
     * What to accept (filters may be left out) and, required, why. Who accepts it is the caller; an
     * {@code acceptedBy} that names someone else is kept as "on behalf of", after the caller's name.
     */
    public record AcceptRequest(
            String account, String region, String type, FindingKind kind, String reason, String acceptedBy) {}

    private final AcceptedDrift accepted;
    private final DriftIgnore ignore;
    private final SecurityIdentity caller;

    DriftResource(AcceptedDrift accepted, DriftIgnore ignore, SecurityIdentity caller) {
        this.accepted = accepted;
        this.ignore = ignore;
        this.caller = caller;
    }

    /** Ignore rules in force (files, configuration, accepted drift, in the order they apply) and lines that could not be used. */
    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/ignore")
    public DriftIgnore.Loaded ignoreRules() {
        return ignore.load();
    }

    /** Accepts the OPEN drift findings matching the filters; answers the accepted entries (one per resource or diffed path). */
    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<AcceptedDriftView> accept(AcceptRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body: {\"reason\": ...} is required");
        }
        return accepted.accept(
                new AcceptedDrift.Filter(request.account(), request.region(), request.type(), request.kind()),
                request.reason(),
                acceptedBy(request.acceptedBy()));
    }

    /** The caller, and whom they name in the body if that is someone else; a blank name in the body is refused. */
    private String acceptedBy(String named) {
        String name = Identities.name(caller);
        if (named == null || named.strip().equals(name)) {
            return name;
        }
        if (named.isBlank()) {
            throw new IllegalArgumentException("acceptedBy may be left out (the caller is recorded), but not blank");
        }
        return name + " (on behalf of " + named.strip() + ")";
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/accepted")
    public List<AcceptedDriftView> acceptedDrift() {
        return accepted.active();
    }

    /** The accepted drift as a {@code .driftignore} file to commit next to the code. */
    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/driftignore")
    @Produces(MediaType.TEXT_PLAIN)
    public String driftignore() {
        return DriftignoreFile.render(accepted.active());
    }

    @DELETE
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/accepted/{id}")
    public Response unaccept(@PathParam("id") long id) {
        if (!accepted.revoke(id)) {
            throw new NotFoundException("No accepted drift " + id);
        }
        return Response.noContent().build();
    }
}
