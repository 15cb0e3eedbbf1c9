package dev.driftwatch.policy.pack;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/**
 * Built-in RDS instance policies in the running service, on databases in moto. "good" complies with all
 * of them; "bad" breaks one at a time (one VIOLATION, on it), then is modified to comply (resolved).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class RdsPoliciesIT {

    private static final String REGION = "us-east-1";

    private final RdsClient rds = MotoSession.in(REGION).rds();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void deletionProtectionOff() {
        create("good", r -> {});
        String bad = create("bad", r -> r.deletionProtection(false));
        try (PolicyInService policy = PolicyInService.load("rds-deletion-protection", REGION)) {
            String finding = policy.assertOnlyViolation(bad, "database bad can be deleted: deletion protection is off");
            modify(r -> r.deletionProtection(true));
            policy.assertResolved(finding);
        }
    }

    @Test
    void storageUnencrypted() {
        create("good", r -> {});
        String bad = create("bad", r -> r.storageEncrypted(false).deletionProtection(false));
        try (PolicyInService policy = PolicyInService.load("rds-storage-encrypted", REGION)) {
            policy.assertOnlyViolation(bad, "database bad stores its data unencrypted");
            // Encryption cannot be turned on in place (AWS: restore an encrypted snapshot copy): replaced instead.
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier("bad").skipFinalSnapshot(true));
            create("bad", r -> {});
            policy.assertNoViolation();
        }
    }

    @Test
    void publiclyAccessible() {
        create("good", r -> {});
        String bad = create("bad", r -> r.publiclyAccessible(true));
        try (PolicyInService policy = PolicyInService.load("rds-not-public", REGION)) {
            String finding = policy.assertOnlyViolation(bad, "database bad is reachable from the internet");
            modify(r -> r.publiclyAccessible(false));
            policy.assertResolved(finding);
        }
    }

    @Test
    void backupsKeptTooShortly() {
        create("good", r -> {});
        String bad = create("bad", r -> r.backupRetentionPeriod(1));
        try (PolicyInService policy = PolicyInService.load("rds-backup-retention", REGION)) {
            String finding =
                    policy.assertOnlyViolation(bad, "database bad keeps backups for 1 days; at least 7 are required");
            modify(r -> r.backupRetentionPeriod(7));
            policy.assertResolved(finding);
        }
    }

    @Test
    void backupsOff() {
        String bad = create("bad", r -> r.backupRetentionPeriod(0));
        try (PolicyInService policy = PolicyInService.load("rds-backup-retention", REGION)) {
            policy.assertOnlyViolation(bad, "database bad keeps backups for 0 days; at least 7 are required");
        }
    }

    /** A database compliant with every RDS policy, changed by {@code change}; its resource id. */
    private String create(String name, Consumer<CreateDbInstanceRequest.Builder> change) {
        return rds.createDBInstance(r -> change.accept(r.dbInstanceIdentifier(name)
                        .engine("postgres")
                        .engineVersion("16.3")
                        .dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20)
                        .masterUsername("admin1")
                        .masterUserPassword("secretsecret")
                        .storageEncrypted(true)
                        .deletionProtection(true)
                        .publiclyAccessible(false)
                        .backupRetentionPeriod(14)))
                .dbInstance()
                .dbiResourceId();
    }

    private void modify(Consumer<ModifyDbInstanceRequest.Builder> change) {
        rds.modifyDBInstance(r -> change.accept(r.dbInstanceIdentifier("bad").applyImmediately(true)));
    }
}
