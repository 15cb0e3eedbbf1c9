package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.List;
import java.util.Set;

/**
 * One fix driftwatch knows how to make: a closed set of small classes, each one read and one AWS write. The
 * same {@link #read} serves before the write (is it still needed? what exactly would be written?) and after it
 * (is it fixed?), so the check and the verification cannot disagree.
 */
public interface RemediationAction {

    /** As a policy's {@code remediation.action} names it, e.g. {@code revoke-world-ingress}. */
    String name();

    /** The Terraform types it fixes (types of {@code resource.ResourceTypeCatalog}). */
    Set<String> resourceTypes();

    /** Every IAM action {@link #read} and the write call, for the remediator role's policy. */
    List<String> iamActions();

    /**
     * Reads the resource as it is now, with the session of the account's REMEDIATE role.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when it could not be read: nothing is concluded
     */
    Reading read(AwsSession session, Target target);
}
