package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/**
 * Calls in flight are budgeted per purpose: a sweep holding all of its permits to one account's EC2 leaves the
 * scans theirs, while the request rate of that EC2 stays one bucket for all purposes.
 */
class PurposeConcurrencyTest {

    private static final String ACCOUNT = "111111111111";
    private static final String ROLE = "arn:aws:iam::111111111111:role/";

    private final AwsClients clients = new AwsClients(
            PurposeRolesTest.config(Map.of("sweep", PurposeSettingsValues.maxConcurrency(1))),
            new AwsApiCallCounter(new SimpleMeterRegistry()));

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void aBusySweepDoesNotHoldUpAScan() throws Exception {
        AccountRateLimit sweep = clients.rateLimit(key(Purpose.SWEEP, ROLE + "driftwatch-sweeper"));
        AccountRateLimit otherSweepClient = clients.rateLimit(key(Purpose.SWEEP, ROLE + "other"));
        AccountRateLimit read = clients.rateLimit(key(Purpose.READ, ROLE + "driftwatch-scanner"));
        ExecutionAttributes sweeping = new ExecutionAttributes();
        sweep.beforeExecution(null, sweeping); // the sweep's one call in flight

        CompletableFuture<Void> secondSweep =
                CompletableFuture.runAsync(() -> otherSweepClient.beforeExecution(null, new ExecutionAttributes()));
        for (int i = 0; i < 4; i++) { // READ's default budget: driftwatch.aws.max-concurrency
            CompletableFuture.runAsync(() -> read.beforeExecution(null, new ExecutionAttributes()))
                    .get(5, TimeUnit.SECONDS);
        }

        assertThat(secondSweep).isNotDone(); // waits for the sweep's own permit
        sweep.afterExecution(null, sweeping);
        secondSweep.get(5, TimeUnit.SECONDS);
        assertThat(read.bucket()).isSameAs(sweep.bucket());
        assertThat(clients.rateLimit(new ClientKey(Purpose.READ, ACCOUNT, "default", "us-east-1", "s3"))
                        .bucket())
                .isNotSameAs(sweep.bucket());
    }

    private static ClientKey key(Purpose purpose, String role) {
        return new ClientKey(purpose, ACCOUNT, role, "eu-west-1", "ec2");
    }
}
