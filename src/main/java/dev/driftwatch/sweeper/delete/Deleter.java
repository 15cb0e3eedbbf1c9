package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import java.util.List;

/**
 * Deletes the resources of one type, each with its own links first (a role's policies, a bucket's object versions),
 * on the sweeper's role. The order between types is the type descriptor's ({@code sweptAfter}); a deleter only
 * deletes what it is given, which the sweeper has just read again and decided on.
 *
 * <p>A call that fails throws the SDK's exception: the sweeper tells a dependency not yet gone
 * ({@link DeleteErrors#dependency}) from an answer that the resource is gone already and from a real failure.
 */
public interface Deleter {

    /** The Terraform type it deletes; its descriptor must say {@code sweptAfter}. */
    String resourceType();

    /** Every IAM action its calls need, e.g. {@code ec2:TerminateInstances}: the sweeper role's policy lists them. */
    List<String> iamActions();

    /**
     * Deletes the resource.
     *
     * @param session the sweeper's session in the resource's region ({@code global} for IAM and S3)
     * @return {@link Deletion#DONE} when AWS has deleted it, {@link Deletion#STARTED} when AWS deletes it in the
     *     background (an instance terminating, a NAT gateway deleting) and {@link #finished} tells when it is done
     */
    Deletion delete(AwsSession session, CloudResource resource);

    /** For a deletion {@link Deletion#STARTED}: whether AWS has finished it. */
    default boolean finished(AwsSession session, CloudResource resource) {
        return true;
    }
}
