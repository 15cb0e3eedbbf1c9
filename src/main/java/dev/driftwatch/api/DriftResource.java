package dev.driftwatch.api;

import dev.driftwatch.drift.DriftIgnore;
import dev.driftwatch.finding.AcceptedDrift;
import dev.driftwatch.finding.AcceptedDriftView;
import dev.driftwatch.finding.FindingKind;
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

    /** What to accept (filters may be left out) and, required, who accepts it and why. */
    public record AcceptRequest(String account, String region, String type, FindingKind kind, String reason, String acceptedBy) {
    }

    private final AcceptedDrift accepted;
    private final DriftIgnore ignore;

    DriftResource(AcceptedDrift accepted, DriftIgnore ignore) {
        this.accepted = accepted;
        this.ignore = ignore;
    }

    /** Ignore rules in force (files, configuration, accepted drift, in the order they apply) and lines that could not be used. */
    @GET
    @Path("/ignore")
    public DriftIgnore.Loaded ignoreRules() {
        return ignore.load();
    }

    /** Accepts the OPEN drift findings matching the filters; answers the accepted entries (one per resource or diffed path). */
    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<AcceptedDriftView> accept(AcceptRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body: {\"reason\": ..., \"acceptedBy\": ...} is required");
        }
        return accepted.accept(new AcceptedDrift.Filter(request.account(), request.region(), request.type(), request.kind()),
                request.reason(), request.acceptedBy());
    }

    @GET
    @Path("/accepted")
    public List<AcceptedDriftView> acceptedDrift() {
        return accepted.active();
    }

    /** The accepted drift as a {@code .driftignore} file to commit next to the code. */
    @GET
    @Path("/driftignore")
    @Produces(MediaType.TEXT_PLAIN)
    public String driftignore() {
        return DriftignoreFile.render(accepted.active());
    }

    @DELETE
    @Path("/accepted/{id}")
    public Response unaccept(@PathParam("id") long id) {
        if (!accepted.revoke(id)) {
            throw new NotFoundException("No accepted drift " + id);
        }
        return Response.noContent().build();
    }
}
