package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.ResourceTypeCatalog;
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

    /** The Terraform types it fixes: those whose descriptors name it ({@code resource.ResourceTypeCatalog}). */
    default Set<String> resourceTypes() {
        return ResourceTypeCatalog.typesRemediatedBy(name());
    }

    /**
     * For a drift revert: the attribute paths of a CHANGED finding it puts back as the state has them, as drift
     * rules write them ({@code tags.**}, {@code ingress}); a finding is reverted by the action whose paths cover every
     * one of its diffs. None: not a drift revert.
     */
    default Set<String> revertsPaths() {
        return Set.of();
    }

    /** The key under which a diff at {@code path} is passed in the {@code expected} and {@code seen} parameters. */
    default String revertKey(String path) {
        return path;
    }

    /** Every IAM action {@link #read} and the write call, for the remediator role's policy. */
    List<String> iamActions();

    /**
     * Reads the resource as it is now, with the session of the account's REMEDIATE role.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when it could not be read: nothing is concluded
     */
    Reading read(AwsSession session, Target target);
}
