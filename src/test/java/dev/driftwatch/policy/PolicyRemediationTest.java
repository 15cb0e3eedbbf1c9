package dev.driftwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.testsupport.KnownTypes;
import org.junit.jupiter.api.Test;

/** A policy's remediation section is kept as a typed {@link RemediationSpec}, or refused with file, line and field. */
class PolicyRemediationTest {

    private static final String POLICY = """
            id: sg-test
            title: A test policy
            severity: high
            resource: aws_security_group
            violation: resource.name == "bad"
            message: '"group " + resource.id + " is bad"'
            """;

    private final PolicyParser parser = new PolicyParser(KnownTypes.ALL);

    @Test
    void aRemediationSectionIsKeptWithItsModeActionAndPrecondition() throws PolicyException {
        PolicyDefinition policy = parser.parse("sg.yaml", POLICY + """
                remediation:
                  mode: approve
                  action: revoke-world-ingress
                  precondition: size(resource.ingress) > 0
                """);
        assertThat(policy.remediation())
                .isEqualTo(new RemediationSpec(
                        RemediationSpec.Mode.APPROVE, "revoke-world-ingress", "size(resource.ingress) > 0"));
        assertThat(parser.parse("t.yaml", POLICY + "remediation:\n  mode: ticket\n")
                        .remediation())
                .isEqualTo(new RemediationSpec(RemediationSpec.Mode.TICKET, null, null));
    }

    @Test
    void aPolicyWithoutARemediationSectionHasNone() throws PolicyException {
        assertThat(parser.parse("sg.yaml", POLICY).remediation()).isNull();
    }

    @Test
    void aBadModeIsNamedWithItsFileLineAndField() {
        String badMode = POLICY + "remediation:\n  action: fix\n  mode: Auto!\n";
        assertThatThrownBy(() -> parser.parse("teams/network/sg.yaml", badMode))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.file()).isEqualTo("teams/network/sg.yaml");
                            assertThat(error.line()).isEqualTo(9);
                            assertThat(error.reason()).contains("remediation mode", "'Auto!'");
                        }))
                .hasMessage("teams/network/sg.yaml:9: remediation mode must be auto, approve, ticket or report,"
                        + " not 'Auto!'");
    }

    @Test
    void aModeThatChangesTheCloudNeedsAnAction() {
        assertThatThrownBy(() -> parser.parse("sg.yaml", POLICY + "remediation:\n  mode: auto\n"))
                .hasMessage("sg.yaml:8: remediation mode 'auto' needs an action");
    }

    @Test
    void aRemediationThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> parser.parse("sg.yaml", POLICY + "remediation: auto\n"))
                .hasMessage("sg.yaml:7: remediation must be a mapping with mode, action and precondition");
    }
}
