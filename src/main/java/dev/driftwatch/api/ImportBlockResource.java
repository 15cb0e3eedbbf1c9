package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.imports.ImportBlocks;
import dev.driftwatch.imports.UnmanagedResources;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Terraform {@code import} blocks that bring the open UNMANAGED findings under code. */
@Path("/api/findings/import-blocks")
public class ImportBlockResource {

    private final UnmanagedResources unmanaged;

    ImportBlockResource(UnmanagedResources unmanaged) {
        this.unmanaged = unmanaged;
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Produces(MediaType.TEXT_PLAIN)
    public String importBlocks(
            @QueryParam("account") String account,
            @QueryParam("region") String region,
            @QueryParam("type") String type) {
        return ImportBlocks.render(unmanaged.open(account, region, type));
    }
}
