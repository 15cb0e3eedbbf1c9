package dev.driftwatch.inventory.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

class DbInstanceCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final DbInstanceCollector collector = new DbInstanceCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByResourceIdInTheProviderShapeAndSeesDeletionProtectionTurnedOn() throws Exception {
        RdsClient rds = session.rds();
        DBInstance db = rds.createDBInstance(r -> r.dbInstanceIdentifier("db1")
                        .engine("postgres")
                        .engineVersion("16.3")
                        .dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20)
                        .masterUsername("admin1")
                        .masterUserPassword("secretsecret")
                        .storageEncrypted(true)
                        .backupRetentionPeriod(7)
                        .tags(t -> t.key("Team").value("data")))
                .dbInstance();
        String id = db.dbiResourceId();
        Map<String, Object> state = state(id, "16");

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(id).startsWith("db-");
        assertThat(live.arn()).isEqualTo("arn:aws:rds:us-east-1:" + Moto.ACCOUNT + ":db:db1");
        assertThat(live.attributes())
                .containsEntry("identifier", "db1")
                .containsEntry("tags", Map.of("Team", "data"))
                .doesNotContainKeys("password", "username");
        assertThat(live.createdAt()).isNotNull();
        // engine_version "16" in the state (a configured prefix) is not drift: the running version is compared
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        rds.modifyDBInstance(
                r -> r.dbInstanceIdentifier("db1").deletionProtection(true).applyImmediately(true));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("deletion_protection");
                assertThat(d.actual()).isEqualTo(true);
            });
        });
    }

    @Test
    void leavesAuroraClusterMembersToTheirOwnType() {
        RdsClient rds = session.rds();
        rds.createDBCluster(r -> r.dbClusterIdentifier("c1")
                .engine("aurora-postgresql")
                .masterUsername("admin1")
                .masterUserPassword("secretsecret"));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("c1-a")
                .dbClusterIdentifier("c1")
                .engine("aurora-postgresql")
                .dbInstanceClass("db.r6g.large"));

        assertThat(collector.collect(session)).isEmpty();
    }

    /** The instance as provider 5.100 wrote it (terraform apply against moto), ids replaced. */
    private static Map<String, Object> state(String id, String engineVersion) throws Exception {
        String json = """
                {"address": "db1.aaaaaaaaaa.us-east-1.rds.amazonaws.com", "allocated_storage": 20, "allow_major_version_upgrade": null,
                 "apply_immediately": false, "arn": "arn:aws:rds:us-east-1:123456789012:db:db1", "auto_minor_version_upgrade": true,
                 "availability_zone": "us-east-1a", "backup_retention_period": 7, "backup_target": "", "backup_window": "13:14-13:44",
                 "blue_green_update": [], "ca_cert_identifier": "rds-ca-default", "character_set_name": "", "copy_tags_to_snapshot": false,
                 "custom_iam_instance_profile": "", "customer_owned_ip_enabled": false, "database_insights_mode": "", "db_name": "",
                 "db_subnet_group_name": null, "dedicated_log_volume": false, "delete_automated_backups": true, "deletion_protection": false,
                 "domain": "", "domain_auth_secret_arn": "", "domain_dns_ips": null, "domain_fqdn": "", "domain_iam_role_name": "",
                 "domain_ou": "", "enabled_cloudwatch_logs_exports": null, "endpoint": "db1.aaaaaaaaaa.us-east-1.rds.amazonaws.com:5432",
                 "engine": "postgres", "engine_lifecycle_support": "", "engine_version": "%s", "engine_version_actual": "16.3",
                 "final_snapshot_identifier": null, "hosted_zone_id": "", "iam_database_authentication_enabled": false, "id": "%s",
                 "identifier": "db1", "identifier_prefix": "", "instance_class": "db.t3.micro", "iops": 0, "kms_key_id": "default_kms_key_id",
                 "latest_restorable_time": "2026-11-22T17:03:53Z", "license_model": "general-public-license", "listener_endpoint": [],
                 "maintenance_window": "wed:06:38-wed:07:08", "manage_master_user_password": null, "master_user_secret": [],
                 "master_user_secret_kms_key_id": null, "max_allocated_storage": 0, "monitoring_interval": 0, "monitoring_role_arn": "",
                 "multi_az": false, "nchar_character_set_name": "", "network_type": "", "option_group_name": "default:postgres-16-3",
                 "parameter_group_name": "default.postgres16", "password": "redacted-in-test", "password_wo": null, "password_wo_version": null,
                 "performance_insights_enabled": false, "performance_insights_kms_key_id": "", "performance_insights_retention_period": 0,
                 "port": 5432, "publicly_accessible": false, "replica_mode": "", "replicas": [], "replicate_source_db": "",
                 "resource_id": "%s", "restore_to_point_in_time": [], "s3_import": [], "skip_final_snapshot": true,
                 "snapshot_identifier": null, "status": "available", "storage_encrypted": true, "storage_throughput": 0, "storage_type": "gp2",
                 "tags": {"Team": "data"}, "tags_all": {"Team": "data"}, "timeouts": null, "timezone": "", "upgrade_storage_config": null,
                 "username": "admin1", "vpc_security_group_ids": ["sg-335d71c505a01ed49"]}
                """.formatted(engineVersion, id, id);
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
