package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.sweeper.SweeperConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes an RDS instance (by its identifier: the collector's id is the resource id, which the API does not take).
 * Deletion protection is respected unless {@code driftwatch.sweeper.override-rds-deletion-protection} turns it off
 * first; a final snapshot is taken when {@code rds-final-snapshot} says so. While the modification applies, AWS may
 * refuse the delete ({@code InvalidDBInstanceState}, a dependency): the next pass reads protection off and deletes.
 * AWS deletes in the background, so the subnets and security groups the instance uses wait for {@link #finished}.
 */
@ApplicationScoped
public class DbInstanceDeleter implements Deleter {

    private final boolean overrideDeletionProtection;
    private final boolean finalSnapshot;
    private final Clock clock;

    @Inject
    DbInstanceDeleter(SweeperConfig config, Clock clock) {
        this(config.overrideRdsDeletionProtection(), config.rdsFinalSnapshot(), clock);
    }

    public DbInstanceDeleter(boolean overrideDeletionProtection, boolean finalSnapshot, Clock clock) {
        this.overrideDeletionProtection = overrideDeletionProtection;
        this.finalSnapshot = finalSnapshot;
        this.clock = clock;
    }

    @Override
    public String resourceType() {
        return "aws_db_instance";
    }

    @Override
    public List<String> iamActions() {
        List<String> actions = new ArrayList<>(List.of("rds:DeleteDBInstance", "rds:DescribeDBInstances"));
        if (overrideDeletionProtection) {
            actions.add("rds:ModifyDBInstance");
        }
        if (finalSnapshot) {
            // for the snapshot RDS takes on the caller's behalf (declared to be safe: moto checks no permissions)
            actions.add("rds:CreateDBSnapshot");
        }
        return List.copyOf(actions);
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource db) {
        String identifier = Attributes.required(db, "identifier");
        var rds = session.rds();
        if (Attributes.flag(db, "deletion_protection")) {
            if (!overrideDeletionProtection) {
                throw new DeletionProtectedException(
                        db.type(), identifier, "driftwatch.sweeper.override-rds-deletion-protection=false");
            }
            rds.modifyDBInstance(r ->
                    r.dbInstanceIdentifier(identifier).deletionProtection(false).applyImmediately(true));
        }
        if (finalSnapshot) {
            // unique per run, so a second sweep of a re-created instance does not collide with the first's snapshot
            String snapshot = identifier + "-final-" + clock.instant().getEpochSecond();
            rds.deleteDBInstance(r ->
                    r.dbInstanceIdentifier(identifier).skipFinalSnapshot(false).finalDBSnapshotIdentifier(snapshot));
        } else {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(identifier).skipFinalSnapshot(true));
        }
        return Deletion.STARTED;
    }

    @Override
    public boolean finished(AwsSession session, CloudResource db) {
        String identifier = Attributes.required(db, "identifier");
        // AWS lists the instance as "deleting" until it is gone, then answers DBInstanceNotFound
        return Background.finished(() -> session.rds()
                .describeDBInstances(r -> r.dbInstanceIdentifier(identifier))
                .dbInstances()
                .isEmpty());
    }
}
