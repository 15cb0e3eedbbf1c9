package dev.driftwatch.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.ResourceKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolutionScopeTest {

    private static final String BUCKET = "aws_s3_bucket";

    private final ResolutionScope scope = new ResolutionScope(
            "123456789012",
            "global",
            Set.of(BUCKET),
            true,
            Set.of(),
            Set.of(),
            Set.of(new ResourceKey(BUCKET, "hidden")));

    @Test
    void noFindingOfAnUnknownResourceResolvesWhateverItsKind() {
        for (FindingKind kind : FindingKind.values()) {
            assertThat(scope.mayResolve(finding(kind, "hidden")))
                    .as(kind.name())
                    .isFalse();
        }
    }

    @Test
    void theOtherResourcesOfItsTypeResolveAsUsual() {
        for (FindingKind kind : FindingKind.values()) {
            assertThat(scope.mayResolve(finding(kind, "other"))).as(kind.name()).isTrue();
        }
    }

    private static FindingEntity finding(FindingKind kind, String id) {
        FindingEntity finding = new FindingEntity();
        finding.kind = kind;
        finding.resourceType = BUCKET;
        finding.resourceId = id;
        finding.policyId = kind == FindingKind.VIOLATION ? "bucket-owner-tag" : null;
        return finding;
    }
}
