package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/**
 * Drift revert of an RDS instance's {@code deletion_protection}, {@code backup_retention_period} and
 * {@code publicly_accessible}: one ModifyDBInstance, applied at once, with exactly the settings the finding names
 * that still read as the finding saw them.
 */
@ApplicationScoped
public class RevertRdsSettings implements RemediationAction {

    private static final String DELETION_PROTECTION = "deletion_protection";
    private static final String BACKUP_RETENTION = "backup_retention_period";
    private static final String PUBLICLY_ACCESSIBLE = "publicly_accessible";

    @Override
    public String name() {
        return "revert-rds-settings";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(DELETION_PROTECTION, BACKUP_RETENTION, PUBLICLY_ACCESSIBLE);
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
        Map<String, String> tags = RdsInstances.tags(db);
        // as the collector reads them: a flag AWS leaves out is false
        Map<String, Object> now = new LinkedHashMap<>();
        now.put(DELETION_PROTECTION, Boolean.TRUE.equals(db.deletionProtection()));
        now.put(BACKUP_RETENTION, db.backupRetentionPeriod());
        now.put(PUBLICLY_ACCESSIBLE, Boolean.TRUE.equals(db.publiclyAccessible()));
        RevertPlan plan = RevertPlan.of(target, now);
        if (plan.isMoved()) {
            return Reading.moved(tags);
        }
        if (plan.isDone()) {
            return Reading.fixed(tags);
        }
        String identifier = db.dbInstanceIdentifier();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("DBInstanceIdentifier", identifier);
        ModifyDbInstanceRequest.Builder request = ModifyDbInstanceRequest.builder()
                .dbInstanceIdentifier(identifier)
                .applyImmediately(true);
        try {
            plan.writes().forEach((setting, value) -> set(request, parameters, setting, value));
        } catch (IllegalArgumentException e) {
            return Reading.cannotFix(tags, e.getMessage());
        }
        parameters.put("ApplyImmediately", true);
        ModifyDbInstanceRequest modify = request.build();
        return Reading.needs(tags, new Fix(new PlannedCall("rds:ModifyDBInstance", parameters), s -> s.rds()
                .modifyDBInstance(modify)));
    }

    private static void set(
            ModifyDbInstanceRequest.Builder request, Map<String, Object> parameters, String setting, Object value) {
        switch (setting) {
            case DELETION_PROTECTION -> {
                boolean on = StateValues.bool(setting, value);
                request.deletionProtection(on);
                parameters.put("DeletionProtection", on);
            }
            case PUBLICLY_ACCESSIBLE -> {
                boolean on = StateValues.bool(setting, value);
                request.publiclyAccessible(on);
                parameters.put("PubliclyAccessible", on);
            }
            case BACKUP_RETENTION -> {
                int days = StateValues.whole(setting, value);
                request.backupRetentionPeriod(days);
                parameters.put("BackupRetentionPeriod", days);
            }
            default -> throw new IllegalArgumentException(setting + " is not a setting revert-rds-settings writes");
        }
    }
}
