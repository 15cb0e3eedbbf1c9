package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The purposes' settings as application.properties gives them, read into roles and budgets. */
class AwsConfigPurposesTest {

    @Test
    void purposesAreConfiguredByTheirNames() {
        AwsConfig config = of(Map.of(
                "driftwatch.aws.purposes.sweep.role", "none",
                "driftwatch.aws.purposes.sweep.max-concurrency", "1",
                "driftwatch.aws.purposes.remediate.roles.\"222222222222\"", "arn:aws:iam::222222222222:role/fixer",
                "driftwatch.aws.purposes.remediate.external-id", "ext"));
        PurposeRoles roles = new PurposeRoles(config, List::of);

        assertThat(config.purposes().get("sweep").maxConcurrency()).contains(1);
        assertThatThrownBy(() -> roles.of("111111111111", Purpose.SWEEP)).isInstanceOf(NoRoleException.class);
        assertThat(roles.of("222222222222", Purpose.REMEDIATE).roleArn())
                .contains("arn:aws:iam::222222222222:role/fixer");
        assertThat(roles.of("111111111111", Purpose.REMEDIATE).roleArn())
                .contains("arn:aws:iam::111111111111:role/driftwatch-remediator");
        assertThat(roles.of("111111111111", Purpose.REMEDIATE).externalId()).contains("ext");
    }

    @Test
    void withNothingConfiguredOnlyTheDefaultsApply() {
        AwsConfig config = of(Map.of());

        assertThat(config.purposes()).isEmpty();
        assertThat(new PurposeRoles(config, List::of)
                        .of("111111111111", Purpose.SWEEP)
                        .roleArn())
                .contains("arn:aws:iam::111111111111:role/driftwatch-sweeper");
    }

    private static AwsConfig of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(AwsConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(AwsConfig.class);
    }
}
