package dev.driftwatch.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the check says about state entries it did not compare: never "in sync". */
class CheckResultTest {

    private static final ScanTarget EAST = new ScanTarget("111111111111", "us-east-1");
    private static final List<ScanTarget> READ = List.of(EAST, new ScanTarget("111111111111", "global"));
    private static final Set<String> SUPPORTED = Set.of("aws_security_group", "aws_vpc");

    @Test
    void entriesInRegionsOrAccountsNotReadAreListedWithWhyAndFailTheCheck() {
        List<NotChecked> notChecked = NotCheckedEntries.of(
                List.of(
                        entry("aws_security_group", "sg-1", "111111111111", "ca-central-1"),
                        entry("aws_security_group", "sg-2", "222222222222", "us-east-1"),
                        entry("aws_security_group", "sg-3", "111111111111", "us-east-1")),
                READ,
                SUPPORTED);

        assertThat(notChecked)
                .extracting(n -> n.entry().resource().id(), NotChecked::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sg-1", NotChecked.Reason.OTHER_REGION),
                        org.assertj.core.groups.Tuple.tuple("sg-2", NotChecked.Reason.OTHER_ACCOUNT));
        assertThat(notChecked.get(0).detail())
                .isEqualTo("region ca-central-1 of account 111111111111 is not read (read: global, us-east-1)");
        assertThat(notChecked.get(1).detail()).isEqualTo("account 222222222222 is not read (read: 111111111111)");

        CheckResult result = result(notChecked, false);
        assertThat(result.exitCode()).isEqualTo(CheckResult.ERROR);
        assertThat(CheckReport.table(result))
                .contains(
                        "Not checked:",
                        "other-region",
                        "aws_security_group.sg-1",
                        "111111111111/ca-central-1",
                        "aws_security_group.sg-1",
                        "network.tfstate",
                        "region ca-central-1 of account")
                .doesNotContain("In sync")
                .contains("; not checked: 1 in accounts not read, 1 in regions not read");
        assertThat(CheckReport.json(result)).contains("\"reason\" : \"other-account\"", "\"status\" : \"error\"");
    }

    @Test
    void unsupportedTypesAreCountedButFailTheCheckOnlyWhenStrict() {
        List<NotChecked> notChecked = NotCheckedEntries.of(
                List.of(
                        entry("aws_route53_record", "Z1_www", "111111111111", "us-east-1"),
                        entry("aws_route53_record", "Z1_api", "111111111111", "us-east-1"),
                        entry("aws_vpc", "vpc-1", "111111111111", "us-east-1")),
                READ,
                SUPPORTED);

        assertThat(notChecked)
                .extracting(NotChecked::reason)
                .containsOnly(NotChecked.Reason.UNSUPPORTED_TYPE)
                .hasSize(2);
        CheckResult lenient = result(notChecked, false);
        assertThat(lenient.exitCode()).isEqualTo(CheckResult.IN_SYNC);
        assertThat(CheckReport.table(lenient))
                .contains("unsupported-type", "aws_route53_record (2)")
                .contains("In sync: no drift")
                .endsWith("; not checked: 2 of unsupported types\n");
        assertThat(result(notChecked, true).exitCode()).isEqualTo(CheckResult.ERROR);
    }

    @Test
    void anEntryOfUnknownLocationIsListedWithTheSettingThatLocatesIt() {
        ExpectedResource rule = new ExpectedResource(
                new CloudResource("aws_security_group", "sg-9", "", "", null, Map.of(), null),
                "aws_security_group.far",
                "network.tfstate",
                Set.of(),
                "cannot tell the region of aws_security_group.far (...); set X");

        List<NotChecked> notChecked = NotCheckedEntries.of(List.of(rule), READ, SUPPORTED);

        assertThat(notChecked)
                .singleElement()
                .extracting(NotChecked::reason)
                .isEqualTo(NotChecked.Reason.UNKNOWN_LOCATION);
        CheckResult result = result(notChecked, false);
        assertThat(result.exitCode()).isEqualTo(CheckResult.ERROR);
        assertThat(CheckReport.table(result)).contains("unknown-location", "?/?", "set X");
        assertThat(CheckReport.json(result)).contains("\"account\" : null", "\"detail\" : \"cannot tell the region");
    }

    private static CheckResult result(List<NotChecked> notChecked, boolean strict) {
        return new CheckResult(
                List.of(), List.of(new CheckResult.Checked(EAST, 3)), 1, List.of(), notChecked, strict, 5);
    }

    private static ExpectedResource entry(String type, String id, String account, String region) {
        return new ExpectedResource(
                new CloudResource(type, id, account, region, null, Map.of(), null), type + "." + id, "network.tfstate");
    }
}
