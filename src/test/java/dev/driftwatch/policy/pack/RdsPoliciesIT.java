package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.rds.DbInstanceCollector;
import dev.driftwatch.policy.PolicyViolation;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/**
 * Built-in RDS instance policies against databases collected from moto. "good" complies with all of them;
 * "bad" breaks one at a time, then is modified to comply.
 */
class RdsPoliciesIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final DbInstanceCollector collector = new DbInstanceCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void deletionProtectionOff() {
        create("good", r -> { });
        String bad = create("bad", r -> r.deletionProtection(false));
        assertOnlyBad("rds-deletion-protection", bad, "database bad can be deleted: deletion protection is off");
        fix("rds-deletion-protection", r -> r.deletionProtection(true));
    }

    @Test
    void storageUnencrypted() {
        create("good", r -> { });
        String bad = create("bad", r -> r.storageEncrypted(false).deletionProtection(false));
        assertOnlyBad("rds-storage-encrypted", bad, "database bad stores its data unencrypted");
        // Encryption cannot be turned on in place (AWS: restore an encrypted snapshot copy): replaced instead.
        session.rds().deleteDBInstance(r -> r.dbInstanceIdentifier("bad").skipFinalSnapshot(true));
        create("bad", r -> { });
        assertThat(BuiltInPolicies.violations("rds-storage-encrypted", collector.collect(session))).isEmpty();
    }

    @Test
    void publiclyAccessible() {
        create("good", r -> { });
        String bad = create("bad", r -> r.publiclyAccessible(true));
        assertOnlyBad("rds-not-public", bad, "database bad is reachable from the internet");
        fix("rds-not-public", r -> r.publiclyAccessible(false));
    }

    @Test
    void backupsKeptTooShortly() {
        create("good", r -> { });
        String bad = create("bad", r -> r.backupRetentionPeriod(1));
        assertOnlyBad("rds-backup-retention", bad, "database bad keeps backups for 1 days; at least 7 are required");
        fix("rds-backup-retention", r -> r.backupRetentionPeriod(7));
    }

    @Test
    void backupsOff() {
        String bad = create("bad", r -> r.backupRetentionPeriod(0));
        assertOnlyBad("rds-backup-retention", bad, "database bad keeps backups for 0 days; at least 7 are required");
    }

    /** A database compliant with every RDS policy, changed by {@code change}; its resource id. */
    private String create(String name, Consumer<CreateDbInstanceRequest.Builder> change) {
        return session.rds().createDBInstance(r -> change.accept(r.dbInstanceIdentifier(name).engine("postgres")
                .engineVersion("16.3").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin1")
                .masterUserPassword("secretsecret").storageEncrypted(true).deletionProtection(true)
                .publiclyAccessible(false).backupRetentionPeriod(14))).dbInstance().dbiResourceId();
    }

    private void assertOnlyBad(String policy, String bad, String message) {
        List<PolicyViolation> violations = BuiltInPolicies.violations(policy, collector.collect(session));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.resource().id()).isEqualTo(bad);
            assertThat(v.message()).isEqualTo(message);
        });
    }

    private void fix(String policy, Consumer<ModifyDbInstanceRequest.Builder> change) {
        RdsClient rds = session.rds();
        rds.modifyDBInstance(r -> change.accept(r.dbInstanceIdentifier("bad").applyImmediately(true)));
        assertThat(BuiltInPolicies.violations(policy, collector.collect(session))).isEmpty();
    }
}
