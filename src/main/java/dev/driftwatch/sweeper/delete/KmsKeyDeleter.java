package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Schedules a customer managed key for deletion with the shortest window AWS allows. Scheduled is the end state for
 * the sweeper: the key can no longer be used, the collector no longer lists it, and within the window a person can
 * still cancel the deletion of a key swept by mistake.
 */
@ApplicationScoped
public class KmsKeyDeleter implements Deleter {

    /** The shortest pending window KMS accepts, in days. */
    static final int PENDING_WINDOW_DAYS = 7;

    @Override
    public String resourceType() {
        return "aws_kms_key";
    }

    @Override
    public List<String> iamActions() {
        return List.of("kms:ScheduleKeyDeletion");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource key) {
        session.kms().scheduleKeyDeletion(r -> r.keyId(key.id()).pendingWindowInDays(PENDING_WINDOW_DAYS));
        return Deletion.DONE;
    }
}
