package dev.driftwatch.baseline;

import dev.driftwatch.resource.CloudResource;
import java.util.Set;

/**
 * A resource as a Terraform state describes it.
 *
 * @param address   the Terraform address, e.g. {@code module.net.aws_security_group.web["a"]}
 * @param stateFile the state it came from
 * @param sensitive top-level attributes the state marks sensitive: left out of {@code resource}, so their
 *                  expected value is unknown and they are not compared
 * @param unknownLocation why the account or region cannot be told and which setting would tell it, or
 *                        {@code null} when the resource is located; an unlocated resource is compared nowhere
 */
public record ExpectedResource(
        CloudResource resource, String address, String stateFile, Set<String> sensitive, String unknownLocation) {

    public ExpectedResource {
        sensitive = Set.copyOf(sensitive);
    }

    public ExpectedResource(CloudResource resource, String address, String stateFile, Set<String> sensitive) {
        this(resource, address, stateFile, sensitive, null);
    }

    public ExpectedResource(CloudResource resource, String address, String stateFile) {
        this(resource, address, stateFile, Set.of());
    }

    /** Whether its account and region are known: only then can it be compared with what a target holds. */
    public boolean located() {
        return unknownLocation == null;
    }
}
