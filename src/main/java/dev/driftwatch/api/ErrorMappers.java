package dev.driftwatch.api;

import dev.driftwatch.remediation.RemediationRefused;
import dev.driftwatch.sweeper.SweepRefused;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as JSON bodies that say what was wrong. */
public class ErrorMappers {

    /** A problem in the request: the message names the parameter or value. */
    public record ApiError(int status, String error) {}

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return json(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(RemediationRefused e) {
        return json(statusOf(e.kind().name()), e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(SweepRefused e) {
        return json(statusOf(e.kind().name()), e.getMessage());
    }

    /** A refusal's kind, the same three in every part: NOT_FOUND, NOT_ALLOWED or CONFLICT. */
    private static Response.Status statusOf(String kind) {
        return switch (kind) {
            case "NOT_FOUND" -> Response.Status.NOT_FOUND;
            case "NOT_ALLOWED" -> Response.Status.FORBIDDEN;
            default -> Response.Status.CONFLICT;
        };
    }

    private static Response json(Response.Status status, String message) {
        return Response.status(status)
                .entity(new ApiError(status.getStatusCode(), message))
                .build();
    }
}
