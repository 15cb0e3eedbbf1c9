package dev.driftwatch.api;

import dev.driftwatch.api.auth.Role;
import dev.driftwatch.policy.LoadedPolicies;
import dev.driftwatch.policy.Policy;
import dev.driftwatch.policy.PolicyDefinition;
import dev.driftwatch.policy.PolicyError;
import dev.driftwatch.policy.PolicyException;
import dev.driftwatch.policy.PolicyRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /** A policy in force, without its compiled programs. */
    public record PolicySummary(
            String id,
            String title,
            String severity,
            String resource,
            List<String> references,
            String mode,
            String file) {

        static PolicySummary of(PolicyDefinition d) {
            String mode =
                    d.remediation() == null ? "report" : d.remediation().mode().label();
            return new PolicySummary(
                    d.id(), d.title(), d.severity().name(), d.resource(), d.references(), mode, d.file());
        }
    }

    /** The pack as loaded now: policies in force and files that could not be used. */
    public record PolicyPack(List<PolicySummary> policies, List<PolicyError> errors) {}

    /** What validation found: nothing, or every problem with its line. */
    public record Validation(boolean valid, PolicySummary policy, List<PolicyError> errors) {}

    private final PolicyRegistry registry;

    PolicyResource(PolicyRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public PolicyPack list() {
        LoadedPolicies loaded = registry.current();
        return new PolicyPack(
                loaded.policies().stream()
                        .map(Policy::definition)
                        .map(PolicySummary::of)
                        .toList(),
                loaded.errors());
    }

    /**
     * Checks a policy file (the YAML as the request body) as the service would load it, without loading
     * it: for CI pipelines before a policy is merged. 200 when valid, 422 with every error otherwise.
     */
    @POST
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/validate")
    @Consumes({MediaType.TEXT_PLAIN, "application/yaml", "application/x-yaml", "text/yaml"})
    public Response validate(@QueryParam("file") @DefaultValue("policy.yaml") String file, String yaml) {
        try {
            Policy policy = registry.compiler().compile(file, yaml == null ? "" : yaml);
            return Response.ok(new Validation(true, PolicySummary.of(policy.definition()), List.of()))
                    .build();
        } catch (PolicyException e) {
            return Response.status(422)
                    .entity(new Validation(false, null, e.errors()))
                    .build();
        }
    }
}
