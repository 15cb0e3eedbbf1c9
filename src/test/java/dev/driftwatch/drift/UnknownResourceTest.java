package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A resource listed but not read completely (one bucket refusing GetBucketTagging) is unknown: nothing is said
 * about it, while the rest of its type is compared as usual.
 */
class UnknownResourceTest {

    private static final String BUCKET = "aws_s3_bucket";
    private static final String VERSIONING = "aws_s3_bucket_versioning";
    private static final Set<String> LISTED = Set.of(BUCKET, VERSIONING);
    private static final Set<ResourceKey> HIDDEN = Set.of(new ResourceKey(BUCKET, "hidden"));

    private final DriftComparator comparator = Estate.comparator(false);
    private final List<ExpectedResource> states = List.of(
            expected(BUCKET, "hidden", "hidden", bucket("hidden", "a")),
            expected(BUCKET, "drifted", "drifted", bucket("drifted", "a")),
            expected(BUCKET, "gone", "gone", bucket("gone", "a")));
    private final List<CloudResource> live = List.of(
            live(BUCKET, "drifted", bucket("drifted", "b")),
            live(
                    VERSIONING,
                    "hidden",
                    attrs(
                            "id",
                            "hidden",
                            "bucket",
                            "hidden",
                            "versioning_configuration",
                            List.of(Map.of("status", "Enabled")))));

    @Test
    void anUnknownResourceIsNeitherMissingNorChangedAndTheRestOfItsTypeIsCompared() {
        List<DriftObservation> drift =
                comparator.compare(live, states, LISTED, HIDDEN, true).observations();

        assertThat(drift)
                .extracting(o -> o.kind() + " " + o.resource().type() + " "
                        + o.resource().id())
                .containsExactlyInAnyOrder(
                        "CHANGED aws_s3_bucket drifted",
                        "MISSING aws_s3_bucket gone",
                        // a state manages the hidden bucket: a part of it nobody manages is reported as for any managed
                        // bucket
                        "UNMANAGED aws_s3_bucket_versioning hidden");
    }

    @Test
    void withoutTheUnknownItWouldBeMissing() {
        assertThat(comparator.compare(live, states, LISTED, Set.of(), true).observations())
                .anySatisfy(o -> assertThat(o.kind() + " " + o.resource().id()).isEqualTo("MISSING hidden"));
    }

    @Test
    void aTypeWithAnUnknownResourceGetsNoCoverageFigure() {
        Comparison comparison = comparator.compare(live, states, LISTED, HIDDEN, true);

        assertThat(comparison.coverage()).extracting(TypeCoverage::type).containsExactly(VERSIONING);
    }

    private static Map<String, Object> bucket(String name, String team) {
        return attrs("id", name, "bucket", name, "tags", Map.of("team", team), "tags_all", Map.of("team", team));
    }
}
