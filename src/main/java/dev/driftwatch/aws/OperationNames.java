package dev.driftwatch.aws;

import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Marks an SDK failure with the operation that failed (the SDK's exceptions do not name it), so that a
 * resource left unknown can say which call was refused: {@code GetBucketTagging}, {@code DescribeKey}.
 */
public final class OperationNames implements ExecutionInterceptor {

    /** Carried as a suppressed exception: the failure itself keeps its type, code and status for the catch blocks. */
    private static final class Marker extends RuntimeException {

        Marker(String operation) {
            super(operation, null, false, false);
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation != null && of(failure).isEmpty()) {
            failure.addSuppressed(new Marker(operation));
        }
        return failure;
    }

    /** The operation whose failure this is, when an SDK client with this interceptor threw it. */
    public static Optional<String> of(Throwable failure) {
        return Arrays.stream(failure.getSuppressed())
                .filter(Marker.class::isInstance)
                .map(Throwable::getMessage)
                .findFirst();
    }
}
