package dev.driftwatch.api.auth;

import dev.driftwatch.api.ErrorMappers.ApiError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 429 Too Many Requests with Retry-After. */
public final class TooMany {

    private TooMany() {}

    public static Response response(long retryAfterSeconds, String why) {
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfterSeconds))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(429, why))
                .build();
    }

    public static WebApplicationException exception(long retryAfterSeconds, String why) {
        return new WebApplicationException(response(retryAfterSeconds, why));
    }
}
