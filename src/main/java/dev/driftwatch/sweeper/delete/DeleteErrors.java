package dev.driftwatch.sweeper.delete;

import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What an AWS error on a delete means: a dependency still there (try again in a later pass), the resource gone
 * already (another replica or a person deleted it), or a failure. Anything not recognised is a failure, so an
 * unexpected answer is reported, never taken for success.
 */
public final class DeleteErrors {

    /** Error codes AWS answers while something still uses the resource. */
    private static final Set<String> DEPENDENCY_CODES = Set.of(
            "DependencyViolation",
            "DeleteConflict",
            "BucketNotEmpty",
            "ResourceInUse",
            "ResourceInUseException",
            "InvalidDBInstanceState",
            "InvalidDBInstanceStateFault",
            "IncorrectState",
            "InvalidIPAddress.InUse",
            "AuthFailure.AddressInUse",
            "InvalidNetworkInterface.InUse",
            "InvalidSnapshot.InUse",
            "InvalidAMIID.InUse",
            // DeleteVolume on an attached volume; its message ("is currently attached to i-…") says no "in use".
            // AWS's EC2 error code list; also terraform-provider-aws internal/service/ec2/errors.go, and moto 5.2
            "VolumeInUse",
            "ResourceConflictException");

    private static final Set<String> GONE_CODES = Set.of(
            "NoSuchEntity",
            "NoSuchBucket",
            "ResourceNotFoundException",
            "NotFoundException",
            "NotFound",
            "DBInstanceNotFound",
            "DBInstanceNotFoundFault",
            "AWS.SimpleQueueService.NonExistentQueue",
            "QueueDoesNotExist",
            // DeleteNatGateway and DescribeNatGateways on a gateway AWS no longer lists (not ".NotFound"):
            // terraform-provider-aws internal/service/ec2/errors.go (errCodeNatGatewayNotFound)
            "NatGatewayNotFound",
            // DeleteLaunchTemplate on a missing template: AWS's EC2 error code list and moto 5.2 (by id AWS answers
            // InvalidLaunchTemplateId.NotFound, which the ".NotFound" suffix covers)
            "InvalidLaunchTemplateName.NotFoundException",
            // DeregisterImage on an image already deregistered: AWS's EC2 error code list ("has been deregistered")
            // and moto 5.2; an image never known is InvalidAMIID.NotFound, which the ".NotFound" suffix covers
            "InvalidAMIID.Unavailable");

    private DeleteErrors() {}

    /** AWS refused because something still depends on the resource: a later pass may succeed. */
    public static boolean dependency(Throwable error) {
        if (!(error instanceof AwsServiceException aws) || aws.awsErrorDetails() == null) {
            return false;
        }
        String code = aws.awsErrorDetails().errorCode();
        String message = String.valueOf(aws.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
        return DEPENDENCY_CODES.contains(code) || message.contains("in use") || message.contains("has dependencies");
    }

    /** AWS says the resource does not exist: deleted meanwhile, by another replica or a person. */
    public static boolean gone(Throwable error) {
        if (!(error instanceof AwsServiceException aws) || aws.awsErrorDetails() == null) {
            return false;
        }
        String code = aws.awsErrorDetails().errorCode();
        return code != null && (GONE_CODES.contains(code) || code.endsWith(".NotFound"));
    }
}
