package dev.driftwatch.aws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request sent to AWS as {@code driftwatch_aws_requests_total{service,operation}}, and
 * the ones that were retries (after throttling or a transient error) as {@code driftwatch_aws_retries_total}.
 */
@ApplicationScoped
public class AwsApiCallCounter implements ExecutionInterceptor {

    private static final ExecutionAttribute<Integer> ATTEMPT =
            OwnExecutionAttribute.named("driftwatch.attempt", AwsApiCallCounter.class);

    private final MeterRegistry registry;

    public AwsApiCallCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer previous = attributes.getAttribute(ATTEMPT);
        int attempt = previous == null ? 1 : previous + 1;
        attributes.putAttribute(ATTEMPT, attempt);
        count("driftwatch.aws.requests", "HTTP requests sent to AWS APIs, retries included", attributes);
        if (attempt > 1) {
            count("driftwatch.aws.retries", "AWS requests that retried a throttled or failed attempt", attributes);
        }
    }

    private void count(String name, String description, ExecutionAttributes attributes) {
        Counter.builder(name)
                .description(description)
                .tag("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                .tag("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                .register(registry)
                .increment();
    }
}
