package dev.driftwatch.api;

import dev.driftwatch.api.auth.ConcurrentChecks;
import dev.driftwatch.api.auth.Role;
import dev.driftwatch.check.CheckReport;
import dev.driftwatch.check.CheckResult;
import dev.driftwatch.check.OneShotCheck;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * The one-shot check, asked of the running service: a pipeline posts its Terraform state and gets the
 * report {@code bin/driftwatch-check} would print, with the same exit code in the
 * {@value #EXIT_CODE} header. The service's own credentials read the cloud, so the pipeline needs none,
 * and no JVM starts per check; its ignore rules and accepted drift apply. Nothing is stored: no findings,
 * no events; the state is read and dropped.
 */
@Path("/api/checks")
public class CheckResource {

    /** 0 in sync, 1 drift, 2 error, as {@code terraform plan -detailed-exitcode}. */
    public static final String EXIT_CODE = "Driftwatch-Check-Exit-Code";

    private final OneShotCheck check;
    private final ConcurrentChecks running;

    CheckResource(OneShotCheck check, ConcurrentChecks running) {
        this.check = check;
        this.running = running;
    }

    /**
     * @param name   how the report names the state (its path in the pipeline's repository, say)
     * @param strict state resources of types driftwatch does not read make the exit code 2
     */
    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response check(
            InputStream state,
            @QueryParam("name") @DefaultValue("uploaded.tfstate") String name,
            @QueryParam("account") List<String> accounts,
            @QueryParam("region") List<String> regions,
            @QueryParam("onlyManaged") boolean onlyManaged,
            @QueryParam("strict") boolean strict,
            @QueryParam("format") @DefaultValue("json") String format) {
        if (!format.equals("json") && !format.equals("table")) {
            throw new BadRequestException("format must be json or table, not " + format);
        }
        CheckResult result = running.run(() -> check.run(name, state, accounts, regions, onlyManaged, strict));
        boolean json = format.equals("json");
        return Response.ok(json ? CheckReport.json(result) : CheckReport.table(result))
                .type(json ? MediaType.APPLICATION_JSON_TYPE : MediaType.TEXT_PLAIN_TYPE)
                .header(EXIT_CODE, result.exitCode())
                .build();
    }
}
