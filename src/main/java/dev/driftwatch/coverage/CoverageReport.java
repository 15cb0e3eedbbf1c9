package dev.driftwatch.coverage;

import java.util.List;

/**
 * Coverage rows and their totals, as the API answers.
 *
 * @param strict whether AWS-managed resources count against the ratio
 * @param states how much of each state is of types driftwatch does not read (as the states are now)
 */
public record CoverageReport(List<CoverageRow> rows, Totals totals, boolean strict, List<StateCoverage> states) {

    public record Totals(long managed, long unmanaged, long awsManaged, Double ratio) {}

    static CoverageReport of(List<CoverageRow> rows, boolean strict) {
        long managed = rows.stream().mapToLong(CoverageRow::managed).sum();
        long unmanaged = rows.stream().mapToLong(CoverageRow::unmanaged).sum();
        long awsManaged = rows.stream().mapToLong(CoverageRow::awsManaged).sum();
        return new CoverageReport(
                rows,
                new Totals(managed, unmanaged, awsManaged, CoverageRow.ratio(managed, unmanaged, awsManaged, strict)),
                strict,
                List.of());
    }

    public CoverageReport withStates(List<StateCoverage> states) {
        return new CoverageReport(rows, totals, strict, List.copyOf(states));
    }
}
