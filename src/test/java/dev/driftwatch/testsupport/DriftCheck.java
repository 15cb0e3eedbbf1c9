package dev.driftwatch.testsupport;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.drift.Comparison;
import dev.driftwatch.drift.DriftComparator;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.drift.IamAccountPasswordPolicyNormaliser;
import dev.driftwatch.drift.IamPolicyNormaliser;
import dev.driftwatch.drift.IamRoleNormaliser;
import dev.driftwatch.drift.Normaliser;
import dev.driftwatch.drift.S3BucketEncryptionNormaliser;
import dev.driftwatch.drift.S3BucketPolicyNormaliser;
import dev.driftwatch.drift.S3BucketVersioningNormaliser;
import dev.driftwatch.drift.SecurityGroupNormaliser;
import dev.driftwatch.resource.CloudResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one live resource with a state entry the way a scan does (same comparator, same
 * normalisers), for collector tests: "in sync" must give nothing, a change in the cloud a CHANGED.
 */
public final class DriftCheck {

    /** Every normaliser the service has: {@code DriftCheckIT} fails when a new one is missing here. */
    private static final List<Normaliser> NORMALISERS = List.of(
            new SecurityGroupNormaliser(),
            new IamRoleNormaliser(),
            new IamPolicyNormaliser(),
            new S3BucketPolicyNormaliser(),
            new S3BucketVersioningNormaliser(),
            new S3BucketEncryptionNormaliser(),
            new IamAccountPasswordPolicyNormaliser());

    private static final DriftComparator COMPARATOR = new DriftComparator(NORMALISERS, false);

    private DriftCheck() {}

    /** The normalisers {@link #comparator()} applies. */
    public static List<Normaliser> normalisers() {
        return NORMALISERS;
    }

    /** The comparator with every normaliser the service has, as a scan builds it. */
    public static DriftComparator comparator() {
        return COMPARATOR;
    }

    /**
     * @param stateAttributes the instance's {@code attributes} as the Terraform AWS provider writes them
     *                        into a state (include computed ones the provider stores, as a real state has)
     */
    public static List<DriftObservation> compare(CloudResource live, Map<String, Object> stateAttributes) {
        CloudResource expected = new CloudResource(
                live.type(), live.id(), live.account(), live.region(), live.arn(), stateAttributes, null);
        return COMPARATOR
                .compare(
                        List.of(live),
                        List.of(new ExpectedResource(expected, live.type() + ".this", "test.tfstate")),
                        Set.of(live.type()),
                        true)
                .observations();
    }

    /** Compares what collectors returned with state entries, as a scan that read {@code readTypes} completely does. */
    public static Comparison compare(List<CloudResource> live, List<ExpectedResource> expected, Set<String> readTypes) {
        return COMPARATOR.compare(live, expected, readTypes, true);
    }

    /** The one resource with this id among what a collector returned. */
    public static CloudResource find(List<CloudResource> collected, String id) {
        return collected.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("collector did not return " + id + "; got "
                        + collected.stream().map(CloudResource::id).toList()));
    }
}
