package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/** Sets one yes/no setting of an RDS instance with ModifyDBInstance, at once. */
abstract class RdsFlagAction implements RemediationAction {

    /** ModifyDBInstance's parameter, e.g. {@code DeletionProtection}. */
    abstract String parameter();

    /** The value it must have. */
    abstract boolean wanted();

    /** The value it has now ({@code null} when AWS does not say). */
    abstract Boolean current(DBInstance db);

    abstract void set(ModifyDbInstanceRequest.Builder request, boolean value);

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
        Map<String, String> tags = RdsInstances.tags(db);
        if (Boolean.valueOf(wanted()).equals(current(db))) {
            return Reading.fixed(tags);
        }
        String identifier = db.dbInstanceIdentifier();
        PlannedCall call = new PlannedCall(
                "rds:ModifyDBInstance",
                Map.of("DBInstanceIdentifier", identifier, parameter(), wanted(), "ApplyImmediately", true));
        return Reading.needs(tags, new Fix(call, s -> s.rds().modifyDBInstance(r -> {
            r.dbInstanceIdentifier(identifier).applyImmediately(true);
            set(r, wanted());
        })));
    }
}
