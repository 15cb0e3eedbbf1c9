package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftIgnoreParserTest {

    private static DriftIgnoreParser.Parsed parse(String... lines) {
        return DriftIgnoreParser.parse(".driftignore", List.of(lines));
    }

    private static IgnoreRule only(String line) {
        DriftIgnoreParser.Parsed parsed = parse(line);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rules()).hasSize(1);
        return parsed.rules().get(0);
    }

    @Test
    void typeAndIdIgnoreTheWholeResource() {
        IgnoreRule rule = only("aws_s3_bucket.my-bucket");

        assertThat(rule)
                .extracting(IgnoreRule::type, IgnoreRule::id, IgnoreRule::path, IgnoreRule::negated)
                .containsExactly("aws_s3_bucket", "my-bucket", List.of(), false);
        assertThat(rule.origin()).isEqualTo(".driftignore:1");
    }

    @Test
    void segmentsAfterTheIdAreAnAttributePath() {
        assertThat(only("aws_iam_role.deployer.tags.Owner").path()).containsExactly("tags", "Owner");
    }

    @Test
    void escapedDotsBelongToTheIdAndDoubleBackslashIsABackslash() {
        IgnoreRule rule = only("aws_s3_bucket.logs\\.example\\.com.versioning");
        assertThat(rule.id()).isEqualTo("logs.example.com");
        assertThat(rule.path()).containsExactly("versioning");
        assertThat(only("aws_iam_user.odd\\\\name").id()).isEqualTo("odd\\name");
    }

    @Test
    void wildcardsAreKeptInAnySegmentAndDoubleStarsCollapse() {
        IgnoreRule rule = only("aws_*.**.tags.*");
        assertThat(rule)
                .extracting(IgnoreRule::type, IgnoreRule::id, IgnoreRule::path)
                .containsExactly("aws_*", "*", List.of("tags", "*"));
        assertThat(only("*")).extracting(IgnoreRule::type, IgnoreRule::id).containsExactly("*", "*");
    }

    @Test
    void bangNegates() {
        assertThat(only("!aws_s3_bucket.*").negated()).isTrue();
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndLineNumbersStayTrue() {
        DriftIgnoreParser.Parsed parsed = parse("# buckets owned by the data team", "", "   ", "aws_s3_bucket.data");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rules())
                .singleElement()
                .extracting(IgnoreRule::origin)
                .isEqualTo(".driftignore:4");
    }

    @Test
    void eachBadLineIsReportedWithFileAndLineWhileTheRestStillApplies() {
        DriftIgnoreParser.Parsed parsed = parse(
                "aws_vpc", // 1: no id
                "aws_vpc.vpc-1 aws_vpc.vpc-2 # inline", // 2: whitespace
                "aws_vpc..cidr_block", // 3: empty segment
                "aws_vpc.vpc-1.", // 4: trailing dot
                "!", // 5: negation of nothing
                "aws_vpc.vpc\\-1", // 6: escape of nothing
                "AWS::EC2::VPC.vpc-1", // 7: not a Terraform type
                "aws_vpc.vpc-1\\", // 8: dangling backslash
                "aws_vpc.vpc-ok"); // 9: fine

        assertThat(parsed.rules()).extracting(IgnoreRule::id).containsExactly("vpc-ok");
        assertThat(parsed.errors()).extracting(IgnoreError::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(parsed.errors()).allSatisfy(e -> assertThat(e.source()).isEqualTo(".driftignore"));
        assertThat(parsed.errors().get(0).toString())
                .isEqualTo(".driftignore:1: 'aws_vpc' is not type.id or type.id.attribute.path");
        assertThat(parsed.errors().get(1).reason()).contains("whitespace");
        assertThat(parsed.errors().get(2).reason()).contains("empty segment");
        assertThat(parsed.errors().get(3).reason()).contains("empty segment");
        assertThat(parsed.errors().get(4).reason()).contains("'!' needs a rule");
        assertThat(parsed.errors().get(5).reason()).contains("backslash");
        assertThat(parsed.errors().get(6).reason()).contains("not a Terraform resource type");
        assertThat(parsed.errors().get(7).reason()).contains("backslash");
    }

    @Test
    void escapeRoundTrips() {
        String id = "logs.example.com\\x";
        assertThat(only("aws_s3_bucket." + DriftIgnoreParser.escape(id)).id()).isEqualTo(id);
    }
}
