package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.AttributeValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;

/**
 * Drift revert of a bucket's {@code versioning_configuration}: its status put back as the state has it, Enabled or
 * Suspended. Never back to Disabled (S3 cannot turn versioning off once it was on), and never a change of MFA
 * delete (only the root user's MFA device can make it): those are not written, and the reason says so.
 */
@ApplicationScoped
public class RevertBucketVersioning implements RemediationAction {

    private static final String VERSIONING = "versioning_configuration";

    @Override
    public String name() {
        return "revert-bucket-versioning";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(VERSIONING);
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:PutBucketVersioning");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String bucket = target.resourceId();
        Optional<Map<String, String>> tags = S3Buckets.tags(session, bucket);
        if (tags.isEmpty()) {
            return Reading.gone();
        }
        GetBucketVersioningResponse versioning = session.s3().getBucketVersioning(r -> r.bucket(bucket));
        // as the collector reads it: a bucket never versioned is Disabled
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("mfa_delete", Objects.toString(versioning.mfaDeleteAsString(), ""));
        now.put("status", versioning.status() == null ? "Disabled" : versioning.statusAsString());
        RevertPlan plan = RevertPlan.of(target, Map.of(VERSIONING, List.of(now)));
        if (plan.isMoved()) {
            return Reading.moved(tags.get());
        }
        if (plan.isDone()) {
            return Reading.fixed(tags.get());
        }
        Object expected = plan.writes().get(VERSIONING);
        if (!(expected instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> wanted)) {
            return Reading.cannotFix(tags.get(), "the state's " + VERSIONING + " is " + expected + ", not one block");
        }
        if (!AttributeValues.same(mfaDelete(wanted.get("mfa_delete")), mfaDelete(now.get("mfa_delete")))) {
            return Reading.cannotFix(
                    tags.get(), "MFA delete differs from the state's; only the root user's MFA device can change it");
        }
        Object status = wanted.get("status");
        if (!"Enabled".equals(status) && !"Suspended".equals(status)) {
            return Reading.cannotFix(
                    tags.get(),
                    "the state's versioning status is " + status
                            + "; S3 cannot turn versioning off once it was on, only suspend it");
        }
        String wantedStatus = (String) status;
        PlannedCall call = new PlannedCall(
                "s3:PutBucketVersioning",
                Map.of("Bucket", bucket, "VersioningConfiguration", Map.of("Status", wantedStatus)));
        return Reading.needs(tags.get(), new Fix(call, s -> s.s3().putBucketVersioning(
                        r -> r.bucket(bucket).versioningConfiguration(v -> v.status(wantedStatus)))));
    }

    /** Never configured and Disabled are one. */
    private static String mfaDelete(Object value) {
        return "Disabled".equals(value) ? "" : Objects.toString(value, "");
    }
}
