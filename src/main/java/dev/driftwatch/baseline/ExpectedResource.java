package dev.driftwatch.baseline;

import dev.driftwatch.resource.CloudResource;

/**
 * A resource as a Terraform state describes it.
 *
 * @param address   the Terraform address, e.g. {@code module.net.aws_security_group.web["a"]}
 * @param stateFile the state it came from
 */
public record ExpectedResource(CloudResource resource, String address, String stateFile) {
}
