package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.awsOwned;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Beside the drift, a comparison counts per type what a state manages, what nobody does, and what AWS owns. */
class CoverageCountTest {

    private final List<CloudResource> live = List.of(
            live("aws_vpc", "vpc-1", attrs("id", "vpc-1")),
            live("aws_vpc", "vpc-2", attrs("id", "vpc-2")),
            awsOwned("aws_vpc", "vpc-default", attrs("id", "vpc-default")),
            live("aws_sqs_queue", "q", attrs("id", "q")),
            awsOwned("aws_account_root", Estate.ACCOUNT, attrs("id", Estate.ACCOUNT)),
            live("aws_security_group_rule", "sgrule-1", attrs("id", "sgrule-1")));
    private final List<ExpectedResource> states = List.of(
            expected("aws_vpc", "main", "vpc-1", attrs("id", "vpc-1")),
            expected("aws_vpc", "gone", "vpc-9", attrs("id", "vpc-9")));

    @Test
    void countsManagedUnmanagedAndAwsManagedPerTypeRead() {
        Comparison comparison = Estate.comparator(false)
                .compare(
                        live,
                        states,
                        Set.of(
                                "aws_vpc",
                                "aws_sqs_queue",
                                "aws_account_root",
                                "aws_security_group_rule",
                                "aws_sns_topic"),
                        true);

        assertThat(comparison.coverage())
                .containsExactly(
                        new TypeCoverage("aws_account_root", 0, 0, 0), // a pseudo-resource: nothing anyone could manage
                        new TypeCoverage("aws_sns_topic", 0, 0, 0), // read, and empty: a figure all the same
                        new TypeCoverage("aws_sqs_queue", 0, 1, 0),
                        new TypeCoverage("aws_vpc", 1, 1, 1));
    }

    @Test
    void strictModeCountsTheSame() {
        // The stored figures do not depend on the mode; the ratio does (coverage.CoverageRow).
        assertThat(Estate.comparator(true)
                        .compare(live, states, Set.of("aws_vpc"), true)
                        .coverage())
                .containsExactly(new TypeCoverage("aws_vpc", 1, 1, 1));
    }

    @Test
    void aTypeNotReadCompletelyHasNoFigure() {
        assertThat(Estate.comparator(false)
                        .compare(live, states, Set.of("aws_sqs_queue"), true)
                        .coverage())
                .containsExactly(new TypeCoverage("aws_sqs_queue", 0, 1, 0));
    }

    @Test
    void anUnreadableStateLeavesEveryFigureAsItWas() {
        // A resource of the unread state would count as unmanaged: no figure is better than a false drop.
        assertThat(Estate.comparator(false)
                        .compare(live, states, Set.of("aws_vpc", "aws_sqs_queue"), false)
                        .coverage())
                .isEmpty();
    }
}
