package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateClaimsTest {

    private final DriftComparator comparator = new DriftComparator(List.of(), false);

    @Test
    void aResourceClaimedByTwoStatesIsOneProblemAndComparedOnce() {
        ExpectedResource main = vpc("a.tfstate", "aws_vpc.main");
        ExpectedResource copy = vpc("b.tfstate", "aws_vpc.copy");

        StateClaims claims =
                StateClaims.of(List.of(copy, main)); // as the sources listed them: the same claim wins either way

        assertThat(claims.unique()).containsExactly(main);
        assertThat(claims.doubleClaims())
                .singleElement()
                .extracting(StateClaims.DoubleClaim::describe)
                .isEqualTo("aws_vpc vpc-1 is claimed by a.tfstate:aws_vpc.main and b.tfstate:aws_vpc.copy");
        // Gone from the cloud: one MISSING, not one per claim.
        assertThat(comparator
                        .compare(List.of(), claims.unique(), Set.of("aws_vpc"), true)
                        .observations())
                .hasSize(1);
    }

    @Test
    void aDefaultTypeAndItsPlainTypeClaimOneResource() {
        ExpectedResource plain = vpc("a.tfstate", "aws_vpc.main");
        ExpectedResource asDefault = new ExpectedResource(
                new CloudResource("aws_default_vpc", "vpc-1", "111111111111", "us-east-1", null, Map.of(), null),
                "aws_default_vpc.this",
                "a.tfstate");

        assertThat(StateClaims.of(List.of(plain, asDefault)).doubleClaims())
                .singleElement()
                .extracting(StateClaims.DoubleClaim::describe)
                .isEqualTo("aws_vpc vpc-1 is claimed by a.tfstate:aws_default_vpc.this and a.tfstate:aws_vpc.main");
    }

    @Test
    void aLiveResourceThatAnEntryOfUnknownLocationMayDescribeIsNotUnmanaged() {
        CloudResource live = new CloudResource("aws_vpc", "vpc-1", "111111111111", "us-east-1", null, Map.of(), null);
        ExpectedResource unlocated = new ExpectedResource(
                new CloudResource("aws_vpc", "vpc-1", "", "", null, Map.of(), null),
                "aws_vpc.main",
                "a.tfstate",
                Set.of(),
                "cannot tell the region of aws_vpc.main");
        List<DriftObservation> observations = comparator
                .compare(List.of(live), List.of(), Set.of("aws_vpc"), true)
                .observations();
        assertThat(observations).extracting(DriftObservation::kind).containsExactly(DriftKind.UNMANAGED);

        assertThat(UnlocatedClaims.withoutUnmanagedClaimedBy(observations, List.of(unlocated)))
                .isEmpty();
    }

    private static ExpectedResource vpc(String state, String address) {
        return new ExpectedResource(
                new CloudResource("aws_vpc", "vpc-1", "111111111111", "us-east-1", null, Map.of(), null),
                address,
                state);
    }
}
