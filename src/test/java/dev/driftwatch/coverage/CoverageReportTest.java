package dev.driftwatch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageReportTest {

    @Test
    void awsManagedCountsAgainstTheRatioOnlyInStrictMode() {
        assertThat(CoverageRow.ratio(3, 1, 4, false)).isEqualTo(0.75);
        assertThat(CoverageRow.ratio(3, 1, 4, true)).isEqualTo(0.375);
        assertThat(CoverageRow.ratio(0, 0, 4, false))
                .as("nothing anyone could manage")
                .isNull();
    }

    @Test
    void totalsAddTheRowsUp() {
        List<CoverageRow> rows = List.of(row("aws_vpc", 1, 1, 1), row("aws_sqs_queue", 2, 0, 0));

        CoverageReport report = CoverageReport.of(rows, false);

        assertThat(report.totals()).isEqualTo(new CoverageReport.Totals(3, 1, 1, 0.75));
    }

    private static CoverageRow row(String type, long managed, long unmanaged, long awsManaged) {
        return new CoverageRow(
                "123456789012",
                "eu-west-1",
                type,
                managed,
                unmanaged,
                awsManaged,
                CoverageRow.ratio(managed, unmanaged, awsManaged, false),
                1,
                Instant.EPOCH);
    }
}
