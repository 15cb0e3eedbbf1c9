package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.testsupport.Moto;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions of one account for two purposes, on the wire: each assumes its own role in moto, and STS says whose
 * credentials each session's calls carry. A purpose without a role gets no session at all.
 */
class AwsSessionsIT {

    private static final String ACCOUNT = "111111111111";

    private final AwsConfig config = PurposeRolesTest.config(Map.of(
            "sweep", PurposeSettingsValues.role("arn:aws:iam::{account}:role/sandbox-sweeper"),
            "state", PurposeSettingsValues.role("none")));
    private final AwsClients clients = new AwsClients(config, new AwsApiCallCounter(new SimpleMeterRegistry()));
    private final AwsSessions sessions = new AwsSessions(clients, new AccountCredentials(clients), config, List::of);

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void eachPurposeCallsWithItsOwnAssumedRole() {
        AwsSession remediate = sessions.session(ACCOUNT, Purpose.REMEDIATE, "us-east-1");
        AwsSession sweep = sessions.session(ACCOUNT, Purpose.SWEEP, "us-east-1");

        assertThat(remediate.sts().getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::111111111111:assumed-role/driftwatch-remediator/driftwatch-remediate");
        assertThat(sweep.sts().getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::111111111111:assumed-role/sandbox-sweeper/driftwatch-sweep");
        assertThat(remediate.ec2()).isNotSameAs(sweep.ec2());
        assertThat(sessions.session(ACCOUNT, Purpose.REMEDIATE, "us-east-1").ec2())
                .isSameAs(remediate.ec2());
    }

    @Test
    void aPurposeWithoutARoleIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> sessions.session(ACCOUNT, Purpose.STATE, "us-east-1"))
                .isInstanceOf(NoRoleException.class)
                .hasMessageContaining("No state role is configured for account 111111111111");
        // no part configured READ roles here: the other purposes' roles do not stand in for them
        assertThatThrownBy(() -> sessions.session(ACCOUNT, Purpose.READ, "us-east-1"))
                .isInstanceOf(NoRoleException.class);
    }
}
