package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Raises an RDS instance's automated backup retention to the policy's {@code min_days}, never lowers it (approve
 * by default: turning backups on from 0 restarts the instance).
 */
@ApplicationScoped
public class SetRdsBackupRetention implements RemediationAction {

    @Override
    public String name() {
        return "set-backup-retention";
    }

    @Override
    public List<String> iamActions() {
        return List.of("rds:DescribeDBInstances", "rds:ModifyDBInstance");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        Optional<DBInstance> found = RdsInstances.find(session, target.resourceId());
        if (found.isEmpty()) {
            return Reading.gone();
        }
        DBInstance db = found.get();
        int wanted = target.intParameter("min_days");
        Integer now = db.backupRetentionPeriod();
        if (now != null && now >= wanted) {
            return Reading.fixed(RdsInstances.tags(db));
        }
        String identifier = db.dbInstanceIdentifier();
        PlannedCall call = new PlannedCall(
                "rds:ModifyDBInstance",
                Map.of("DBInstanceIdentifier", identifier, "BackupRetentionPeriod", wanted, "ApplyImmediately", true));
        return Reading.needs(RdsInstances.tags(db), new Fix(call, s -> s.rds()
                .modifyDBInstance(r -> r.dbInstanceIdentifier(identifier)
                        .backupRetentionPeriod(wanted)
                        .applyImmediately(true))));
    }
}
