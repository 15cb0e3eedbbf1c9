package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.ResourceKey;
import dev.driftwatch.resource.ScanTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventorySnapshotTest {

    private static final String ACCOUNT = "123456789012";

    private final InventorySnapshot snapshot = new InventorySnapshot(
            new ScanTarget(ACCOUNT, "global"),
            List.of(),
            Set.of("aws_s3_bucket_policy"),
            List.of(
                    new ReadGap(
                            ACCOUNT,
                            "global",
                            "s3",
                            "aws_s3_bucket",
                            "hidden",
                            "GetBucketTagging: AWS refused the call"),
                    new ReadGap(
                            ACCOUNT, "global", "iam", "aws_iam_role", "not finished within the scan deadline of 10m")));

    @Test
    void aTypeWithOneUnknownResourceIsListedButNotReadCompletely() {
        assertThat(snapshot.readTypes()).containsExactly("aws_s3_bucket_policy");
        assertThat(snapshot.listedTypes()).containsExactlyInAnyOrder("aws_s3_bucket_policy", "aws_s3_bucket");
        assertThat(snapshot.unknown()).containsExactly(new ResourceKey("aws_s3_bucket", "hidden"));
        assertThat(snapshot.complete()).isFalse();
    }
}
