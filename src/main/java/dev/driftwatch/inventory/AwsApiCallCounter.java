package dev.driftwatch.inventory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request sent to AWS, retries included, as
 * {@code driftwatch_aws_requests_total{service,operation}}: the figure that says what a scan costs.
 */
@ApplicationScoped
public class AwsApiCallCounter implements ExecutionInterceptor {

    private final MeterRegistry registry;

    AwsApiCallCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Counter.builder("driftwatch.aws.requests")
                .description("HTTP requests sent to AWS APIs, retries included")
                .tag("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                .tag("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                .register(registry)
                .increment();
    }
}
