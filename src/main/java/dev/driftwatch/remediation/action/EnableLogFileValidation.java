package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;

/**
 * Turns on a trail's log file validation (UpdateTrail with EnableLogFileValidation only: every other setting of the
 * trail is left out of the call, so it stays). Safe unattended: CloudTrail then also writes hourly digest files next
 * to the logs, nothing is removed or rerouted. The Terraform id is the trail's ARN, called in its home region.
 */
@ApplicationScoped
public class EnableLogFileValidation implements RemediationAction {

    @Override
    public String name() {
        return "enable-log-file-validation";
    }

    @Override
    public List<String> iamActions() {
        return List.of("cloudtrail:GetTrail", "cloudtrail:ListTags", "cloudtrail:UpdateTrail");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String arn = target.resourceId();
        Trail trail;
        try {
            trail = session.cloudTrail().getTrail(r -> r.name(arn)).trail();
        } catch (TrailNotFoundException e) {
            return Reading.gone();
        }
        Map<String, String> tags = new TreeMap<>();
        session.cloudTrail().listTags(r -> r.resourceIdList(arn)).resourceTagList().stream()
                .flatMap(t -> t.tagsList().stream())
                .forEach(t -> tags.put(t.key(), t.value()));
        if (Boolean.TRUE.equals(trail.logFileValidationEnabled())) {
            return Reading.fixed(tags);
        }
        PlannedCall call =
                new PlannedCall("cloudtrail:UpdateTrail", Map.of("Name", arn, "EnableLogFileValidation", true));
        return Reading.needs(tags, new Fix(call, s -> s.cloudTrail()
                .updateTrail(r -> r.name(arn).enableLogFileValidation(true))));
    }
}
