package dev.driftwatch.aws;

import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps one service of one account under its rate (token bucket per HTTP attempt, retries included, shared by
 * every purpose: AWS counts them together) and one purpose's calls in flight under that purpose's budget, so
 * a sweep holding all of its permits leaves the scans theirs.
 */
final class AccountRateLimit implements ExecutionInterceptor {

    private static final ExecutionAttribute<Boolean> HOLDS_PERMIT =
            OwnExecutionAttribute.named("driftwatch.permit", AccountRateLimit.class);

    private final TokenBucket bucket;
    private final Semaphore inFlight;

    AccountRateLimit(TokenBucket bucket, Semaphore inFlight) {
        this.bucket = bucket;
        this.inFlight = inFlight;
    }

    /** The bucket this limit takes from, shared by every purpose's clients of the account's service. */
    TokenBucket bucket() {
        return bucket;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        inFlight.acquireUninterruptibly();
        attributes.putAttribute(HOLDS_PERMIT, true);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        bucket.take();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private void release(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(HOLDS_PERMIT))) {
            attributes.putAttribute(HOLDS_PERMIT, false);
            inFlight.release();
        }
    }
}
