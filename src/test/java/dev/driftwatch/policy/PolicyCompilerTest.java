package dev.driftwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.KnownTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every way a policy file can be wrong gives an error naming the file, the line and the reason. */
class PolicyCompilerTest {

    private static final String VALID = """
            id: sg-test
            title: A test policy
            severity: high
            resource: aws_security_group
            violation: resource.name == "bad"
            message: '"group " + resource.id + " is bad"'
            """;

    private final PolicyCompiler compiler = new PolicyCompiler(KnownTypes.ALL, 200, 12, 1000);

    @Test
    void everyBuiltInPolicyCompiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("policies"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yaml).hasSizeGreaterThan(10);
            PolicyCompiler pack = new PolicyCompiler(KnownTypes.ALL, 4000, 32, 10000);
            for (Path file : yaml) {
                assertThat(catchErrors(pack, file.toString(), Files.readString(file)))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void aValidPolicyCompiles() throws PolicyException {
        assertThat(compiler.compile("ok.yaml", VALID).id()).isEqualTo("sg-test");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThat(errors("title: x\nid: [unclosed\nseverity: high\n"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo("bad.yaml");
                    assertThat(e.line()).isGreaterThan(1);
                    assertThat(e.reason()).startsWith("not valid YAML");
                });
    }

    @Test
    void missingFieldsAreAllNamed() {
        assertThat(errors("id: only-an-id\n"))
                .extracting(PolicyError::reason)
                .contains(
                        "missing required field 'title'",
                        "missing required field 'violation'",
                        "missing required field 'resource'");
    }

    @Test
    void unknownTypeSeverityAndModeAreNamedOnTheirLines() {
        String text =
                VALID.replace("aws_security_group", "aws_flying_saucer").replace("severity: high", "severity: urgent")
                        + "remediation:\n  mode: sometimes\n";
        assertThat(errors(text))
                .extracting(e -> e.line() + " " + e.reason())
                .containsExactlyInAnyOrder(
                        "3 severity must be low, medium, high or critical, not 'urgent'",
                        "4 unknown resource type 'aws_flying_saucer'",
                        "8 remediation mode must be auto, approve, ticket or report, not 'sometimes'",
                        "8 remediation mode 'sometimes' needs an action");
    }

    @Test
    void aRemediationPreconditionMustCompileToABooleanAndIsNamedOnItsLine() {
        String remediation = "remediation:\n  mode: auto\n  action: revoke-world-ingress\n  precondition: ";

        assertThat(errors(VALID + remediation + "size(resource.name)\n"))
                .extracting(e -> e.line() + " " + e.reason())
                .containsExactly("10 remediation.precondition must be a bool expression, but it gives int");
        assertThat(errors(VALID + remediation + "resource.name ==\n"))
                .extracting(e -> e.line() + " " + e.reason())
                .singleElement()
                .asString()
                .startsWith("10 remediation.precondition does not compile");
    }

    @Test
    void aPolicyMayAskForUpToFiveApproversOfItsRemediation() throws PolicyException {
        String remediation = "remediation:\n  mode: approve\n  action: revoke-world-ingress\n  approvals: ";

        assertThat(compiler.compile("two.yaml", VALID + remediation + "2\n")
                        .definition()
                        .approvals())
                .isEqualTo(2);
        assertThat(compiler.compile("ok.yaml", VALID).definition().approvals())
                .as("as configured")
                .isZero();
        assertThat(errors(VALID + remediation + "many\n"))
                .extracting(e -> e.line() + " " + e.reason())
                .containsExactly("10 remediation approvals must be a whole number from 1 to 5, not 'many'");
    }

    @Test
    void linesComeFromTheYamlParserSoAKeyOfTheSameNameElsewhereIsNotTaken() {
        String text = VALID.replace("severity: high", "variables:\n  mode: strict\n  severity: low\nseverity: urgent")
                + "remediation:\n  action: none\n  mode: sometimes\n";
        assertThat(errors(text))
                .extracting(e -> e.line() + " " + e.reason())
                .containsExactlyInAnyOrder(
                        "6 severity must be low, medium, high or critical, not 'urgent'",
                        "12 remediation mode must be auto, approve, ticket or report, not 'sometimes'");
    }

    @Test
    void aFileWithLongRunsOfBlankLinesIsValidatedQuicklyAndOnTheRightLine() {
        // 2 KB of blank lines, as in the file that once took 17 s to get its line numbers.
        String blanks = "\n".repeat(2000);
        String text = "id: sg-test\ntitle: A test policy\n" + blanks + "severity: urgent\n" + blanks
                + "resource: aws_security_group\nviolation: resource.name == \"bad\"\nmessage: '\"bad\"'\n" + blanks
                + "remediation:\n" + "  \n".repeat(2000) + "  mode: never\n";
        long started = System.nanoTime();
        List<PolicyError> errors = errors(text);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(errors)
                .extracting(e -> e.line() + " " + e.reason())
                .containsExactlyInAnyOrder(
                        "2003 severity must be low, medium, high or critical, not 'urgent'",
                        "8008 remediation mode must be auto, approve, ticket or report, not 'never'",
                        "8008 remediation mode 'never' needs an action");
        assertThat(millis)
                .as("validation time in ms (a guard; the point is one linear pass)")
                .isLessThan(1000);
    }

    @Test
    void celThatDoesNotCompileOrHasTheWrongTypeIsNamed() {
        assertThat(errors(VALID.replace("resource.name == \"bad\"", "resource.name == ")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.reason()).startsWith("violation does not compile");
                });
        assertThat(errors(VALID.replace("resource.name == \"bad\"", "size(resource.name)")))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.reason()).isEqualTo("violation must be a bool expression, but it gives int"));
        assertThat(errors(VALID.replace("resource.name == \"bad\"", "no_such_function(resource)")))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("no_such_function"));
    }

    @Test
    void expressionsBeyondTheLimitsAreRefused() {
        String tooLong = "resource.name == \"" + "x".repeat(300) + "\"";
        assertThat(errors(VALID.replace("resource.name == \"bad\"", tooLong)))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.reason()).startsWith("violation is 319 characters long; the limit is 200"));
        String tooDeep = "(".repeat(40) + "true" + ")".repeat(40);
        assertThat(errors(VALID.replace("resource.name == \"bad\"", tooDeep)))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("violation does not compile"));
    }

    private List<PolicyError> errors(String text) {
        return catchErrors(compiler, "bad.yaml", text);
    }

    private static List<PolicyError> catchErrors(PolicyCompiler compiler, String file, String text) {
        try {
            compiler.compile(file, text);
            return List.of();
        } catch (PolicyException e) {
            return e.errors();
        }
    }
}
