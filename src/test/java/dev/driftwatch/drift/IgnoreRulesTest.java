package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "eu-west-1";

    private static final DriftObservation STRAY_BUCKET = unmanaged("aws_s3_bucket", "stray");
    private static final DriftObservation DOTTED_BUCKET = unmanaged("aws_s3_bucket", "logs.example.com");
    private static final DriftObservation GONE_ROLE = new DriftObservation(
            DriftKind.MISSING, resource("aws_iam_role", "gone"), "aws_iam_role.gone", "iam.tfstate", List.of());
    private static final DriftObservation WEB = changed(
            "aws_security_group",
            "sg-1",
            new AttributeDiff("tags.Owner", "a", "b"),
            new AttributeDiff("tags.CostCentre", "1", "2"),
            new AttributeDiff("ingress", List.of(), List.of("tcp 22-22 0.0.0.0/0")));

    private static List<DriftObservation> apply(List<DriftObservation> drift, String... lines) {
        DriftIgnoreParser.Parsed parsed = DriftIgnoreParser.parse("test", List.of(lines));
        assertThat(parsed.errors()).isEmpty();
        return new IgnoreRules(parsed.rules()).apply(drift);
    }

    @Test
    void noRulesKeepEverything() {
        assertThat(apply(List.of(STRAY_BUCKET, GONE_ROLE, WEB))).containsExactly(STRAY_BUCKET, GONE_ROLE, WEB);
    }

    @Test
    void typeAndIdIgnoreUnmanagedMissingAndChangedResources() {
        assertThat(apply(
                        List.of(STRAY_BUCKET, GONE_ROLE, WEB),
                        "aws_s3_bucket.stray",
                        "aws_iam_role.gone",
                        "aws_security_group.sg-1"))
                .isEmpty();
    }

    @Test
    void attributeRulesNeverHideAWholeUnmanagedOrMissingResource() {
        assertThat(apply(List.of(STRAY_BUCKET, GONE_ROLE), "aws_s3_bucket.stray.tags", "aws_iam_role.*.tags"))
                .containsExactly(STRAY_BUCKET, GONE_ROLE);
    }

    @Test
    void attributeRuleTakesOnlyThatPathAndWhatIsBelowIt() {
        assertThat(apply(List.of(WEB), "aws_security_group.sg-1.tags"))
                .singleElement()
                .satisfies(o ->
                        assertThat(o.diffs()).extracting(AttributeDiff::path).containsExactly("ingress"));
        assertThat(apply(List.of(WEB), "aws_security_group.sg-1.TAGS.owner"))
                .singleElement()
                .satisfies(o -> assertThat(o.diffs())
                        .extracting(AttributeDiff::path)
                        .containsExactly("tags.CostCentre", "ingress"));
    }

    @Test
    void changedResourceWhoseEveryDiffIsIgnoredDisappears() {
        assertThat(apply(List.of(WEB), "aws_security_group.*.tags", "aws_security_group.sg-1.ingress"))
                .isEmpty();
    }

    @Test
    void wildcardsMatchWithinASegment() {
        assertThat(apply(List.of(STRAY_BUCKET, GONE_ROLE, WEB), "aws_s3_*.str*"))
                .containsExactly(GONE_ROLE, WEB);
        assertThat(apply(List.of(WEB), "aws_security_group.sg-1.tags.*"))
                .singleElement()
                .satisfies(o ->
                        assertThat(o.diffs()).extracting(AttributeDiff::path).containsExactly("ingress"));
        assertThat(apply(List.of(STRAY_BUCKET, GONE_ROLE, WEB), "*")).isEmpty();
    }

    @Test
    void escapedDotsMatchIdsWithDots() {
        assertThat(apply(List.of(STRAY_BUCKET, DOTTED_BUCKET), "aws_s3_bucket.logs\\.example\\.com"))
                .containsExactly(STRAY_BUCKET);
    }

    @Test
    void laterNegationWinsAndALaterRuleWinsOverIt() {
        assertThat(apply(List.of(STRAY_BUCKET, GONE_ROLE), "*", "!aws_s3_bucket.*"))
                .containsExactly(STRAY_BUCKET);
        assertThat(apply(List.of(STRAY_BUCKET, GONE_ROLE), "*", "!aws_s3_bucket.*", "aws_s3_bucket.stray"))
                .isEmpty();
        // Ignore all of a group's tags but Owner.
        assertThat(apply(List.of(WEB), "aws_security_group.sg-1.tags", "!aws_security_group.sg-1.tags.Owner"))
                .singleElement()
                .satisfies(o ->
                        assertThat(o.diffs()).extracting(AttributeDiff::path).containsExactly("tags.Owner", "ingress"));
    }

    @Test
    void rulesScopedToAnAccountAndRegionMatchOnlyThere() {
        IgnoreRule here =
                new IgnoreRule("accepted drift #1", false, "aws_s3_bucket", "stray", List.of(), ACCOUNT, REGION);
        IgnoreRule elsewhere =
                new IgnoreRule("accepted drift #2", false, "aws_iam_role", "gone", List.of(), "222222222222", REGION);

        assertThat(new IgnoreRules(List.of(here, elsewhere)).apply(List.of(STRAY_BUCKET, GONE_ROLE)))
                .containsExactly(GONE_ROLE);
    }

    private static DriftObservation unmanaged(String type, String id) {
        return new DriftObservation(DriftKind.UNMANAGED, resource(type, id), null, null, List.of());
    }

    private static DriftObservation changed(String type, String id, AttributeDiff... diffs) {
        return new DriftObservation(
                DriftKind.CHANGED, resource(type, id), type + "." + id, "net.tfstate", List.of(diffs));
    }

    private static CloudResource resource(String type, String id) {
        return new CloudResource(type, id, ACCOUNT, REGION, null, Map.of(), null);
    }
}
