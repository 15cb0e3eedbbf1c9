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
 */
public record ExpectedResource(CloudResource resource, String address, String stateFile, Set<String> sensitive) {

    public ExpectedResource {
        sensitive = Set.copyOf(sensitive);
    }

    public ExpectedResource(CloudResource resource, String address, String stateFile) {
        this(resource, address, stateFile, Set.of());
    }
}
