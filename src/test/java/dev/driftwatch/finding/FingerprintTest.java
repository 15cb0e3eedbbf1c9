package dev.driftwatch.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.AttributeDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final String TYPE = "aws_security_group";
    private static final String ID = "sg-1";

    @Test
    void sameInputGivesTheSameSha256Hex() {
        String first = Fingerprint.of(FindingKind.CHANGED, ACCOUNT, REGION, TYPE, ID, null);

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(Fingerprint.of(FindingKind.CHANGED, ACCOUNT, REGION, TYPE, ID, null))
                .isEqualTo(first);
    }

    @Test
    void everyIdentityPartChangesTheFingerprint() {
        String base = Fingerprint.of(FindingKind.VIOLATION, ACCOUNT, REGION, TYPE, ID, "open-ssh");

        assertThat(List.of(
                        Fingerprint.of(FindingKind.CHANGED, ACCOUNT, REGION, TYPE, ID, "open-ssh"),
                        Fingerprint.of(FindingKind.VIOLATION, "210987654321", REGION, TYPE, ID, "open-ssh"),
                        Fingerprint.of(FindingKind.VIOLATION, ACCOUNT, "us-east-1", TYPE, ID, "open-ssh"),
                        Fingerprint.of(
                                FindingKind.VIOLATION, ACCOUNT, REGION, "aws_default_security_group", ID, "open-ssh"),
                        Fingerprint.of(FindingKind.VIOLATION, ACCOUNT, REGION, TYPE, "sg-2", "open-ssh"),
                        Fingerprint.of(FindingKind.VIOLATION, ACCOUNT, REGION, TYPE, ID, "open-rdp"),
                        Fingerprint.of(FindingKind.VIOLATION, ACCOUNT, REGION, TYPE, ID, null)))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    @Test
    void partsDoNotRunIntoEachOther() {
        assertThat(Fingerprint.of(FindingKind.MISSING, "1234", "5eu-west-1", TYPE, ID, null))
                .isNotEqualTo(Fingerprint.of(FindingKind.MISSING, "12345", "eu-west-1", TYPE, ID, null));
    }

    @Test
    void observationFingerprintIgnoresDiffsAddressAndStateFile() {
        Observation before = observation(
                "aws_security_group.web",
                "/states/a.tfstate",
                List.of(new AttributeDiff("tags.Team", "net", "platform")));
        Observation after = observation(
                "module.net.aws_security_group.web[\"a\"]",
                "/states/b.tfstate",
                List.of(new AttributeDiff("ingress", List.of(), List.of("tcp 22-22 0.0.0.0/0"))));

        assertThat(after.fingerprint())
                .isEqualTo(before.fingerprint())
                .isEqualTo(Fingerprint.of(FindingKind.CHANGED, ACCOUNT, REGION, TYPE, ID, null));
    }

    private static Observation observation(String address, String stateFile, List<AttributeDiff> diffs) {
        return new Observation(FindingKind.CHANGED, ACCOUNT, REGION, TYPE, ID, null, address, stateFile, diffs);
    }
}
