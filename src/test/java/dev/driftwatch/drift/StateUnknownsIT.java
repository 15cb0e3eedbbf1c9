package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.baseline.StateResourceMapper;
import dev.driftwatch.baseline.TerraformStateParser;
import dev.driftwatch.inventory.ec2.EbsVolumeCollector;
import dev.driftwatch.inventory.ec2.VpcCollector;
import dev.driftwatch.inventory.kms.KmsKeyCollector;
import dev.driftwatch.inventory.rds.DbInstanceCollector;
import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import dev.driftwatch.testsupport.TerraformStates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * A state written by AWS provider 4.x lacks attributes later providers added; read through the state parser
 * and compared with what the collectors read from moto, those attributes are not known, and not drift.
 */
class StateUnknownsIT {

    private static final Set<String> TYPES = Set.of("aws_vpc", "aws_ebs_volume", "aws_db_instance", "aws_kms_key");

    private final MotoSession session = MotoSession.in("us-east-1");

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void attributesAnOlderProviderDidNotWriteAreNotComparedAndOnesItWroteAsNullAre() throws Exception {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        CreateVolumeResponse volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(10)
                .volumeType(VolumeType.GP3)
                .encrypted(true));
        DBInstance db = session.rds()
                .createDBInstance(r -> r.dbInstanceIdentifier("db1")
                        .engine("postgres")
                        .engineVersion("16.3")
                        .dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20)
                        .masterUsername("admin1")
                        .masterUserPassword("secretsecret"))
                .dbInstance();
        String key = session.kms()
                .createKey(r -> r.description("app key").keyUsage("ENCRYPT_DECRYPT"))
                .keyMetadata()
                .keyId();
        // Only what this test made (moto adds a default VPC and a key of its own for EBS).
        Set<String> made = Set.of(vpc, volume.volumeId(), db.dbiResourceId(), key);
        List<CloudResource> live =
                collect().stream().filter(r -> made.contains(r.id())).toList();
        // The values the cloud has for what a 4.x state lacks: the comparison would see them all as drift.
        assertThat(DriftCheck.find(live, vpc).attributes().get("dhcp_options_id"))
                .isNotNull();
        assertThat(DriftCheck.find(live, volume.volumeId()).attributes())
                .containsEntry("iops", 3000)
                .containsEntry("multi_attach_enabled", false);
        assertThat(DriftCheck.find(live, db.dbiResourceId()).attributes()).containsEntry("multi_az", false);
        assertThat(DriftCheck.find(live, key).attributes()).containsEntry("multi_region", false);

        TerraformStates older = TerraformStates.state()
                .resource("aws_vpc", "main", vpc4x(vpc))
                .resource("aws_ebs_volume", "data", volume4x(volume))
                .resource("aws_db_instance", "db", db4x(db.dbiResourceId()))
                .resource("aws_kms_key", "app", key4x(key));
        assertThat(DriftCheck.compare(live, read(older), TYPES).observations()).isEmpty();

        // The same attributes written as null (the provider knew them and had no value) are compared.
        Map<String, Object> vpcWithNull = vpc4x(vpc);
        vpcWithNull.put("dhcp_options_id", null);
        Map<String, Object> keyWithNull = key4x(key);
        keyWithNull.put("multi_region", null);
        TerraformStates withNulls = TerraformStates.state()
                .resource("aws_vpc", "main", vpcWithNull)
                .resource("aws_ebs_volume", "data", volume4x(volume))
                .resource("aws_db_instance", "db", db4x(db.dbiResourceId()))
                .resource("aws_kms_key", "app", keyWithNull);
        List<DriftObservation> drift =
                DriftCheck.compare(live, read(withNulls), TYPES).observations();
        assertThat(drift).extracting(DriftObservation::kind).containsOnly(DriftKind.CHANGED);
        assertThat(drift)
                .flatExtracting(DriftObservation::diffs)
                .extracting(AttributeDiff::path)
                .containsExactlyInAnyOrder("dhcp_options_id", "multi_region");
    }

    private List<CloudResource> collect() {
        List<CloudResource> live = new ArrayList<>();
        live.addAll(new VpcCollector().collect(session));
        live.addAll(new EbsVolumeCollector().collect(session));
        live.addAll(new DbInstanceCollector().collect(session));
        live.addAll(new KmsKeyCollector().collect(session));
        return live;
    }

    private static List<ExpectedResource> read(TerraformStates state) throws Exception {
        return new TerraformStateParser(new ObjectMapper())
                .parse(
                        "older.tfstate",
                        new ByteArrayInputStream(state.json().getBytes(StandardCharsets.UTF_8)),
                        new StateResourceMapper(Optional.of(Moto.ACCOUNT), Optional.of("us-east-1")),
                        header -> false)
                .resources();
    }

    /** aws_vpc as provider 4.x wrote it: no default_route_table_id, dhcp_options_id, ... */
    private static Map<String, Object> vpc4x(String id) {
        return StateAttributes.of(
                "arn",
                "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":vpc/" + id,
                "assign_generated_ipv6_cidr_block",
                false,
                "cidr_block",
                "10.0.0.0/16",
                "enable_dns_hostnames",
                false,
                "enable_dns_support",
                true,
                "id",
                id,
                "instance_tenancy",
                "default",
                "ipv6_association_id",
                "",
                "ipv6_cidr_block",
                "",
                "owner_id",
                Moto.ACCOUNT,
                "tags",
                null,
                "tags_all",
                Map.of());
    }

    /** aws_ebs_volume before iops, kms_key_id and multi_attach_enabled were written for every volume. */
    private static Map<String, Object> volume4x(CreateVolumeResponse volume) {
        String id = volume.volumeId();
        return StateAttributes.of(
                "arn",
                "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":volume/" + id,
                "availability_zone",
                "us-east-1a",
                "encrypted",
                true,
                "id",
                id,
                "outpost_arn",
                "",
                "size",
                10,
                "snapshot_id",
                "",
                "tags",
                null,
                "tags_all",
                Map.of(),
                "throughput",
                0,
                "type",
                "gp3",
                "create_time",
                volume.createTime().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** aws_db_instance without multi_az and storage_type. */
    private static Map<String, Object> db4x(String id) {
        return StateAttributes.of(
                "allocated_storage",
                20,
                "arn",
                "arn:aws:rds:us-east-1:" + Moto.ACCOUNT + ":db:db1",
                "backup_retention_period",
                1,
                "deletion_protection",
                false,
                "engine",
                "postgres",
                "engine_version",
                "16.3",
                "id",
                id,
                "identifier",
                "db1",
                "instance_class",
                "db.t3.micro",
                "publicly_accessible",
                false,
                "resource_id",
                id,
                "storage_encrypted",
                false,
                "tags",
                null,
                "tags_all",
                Map.of(),
                "username",
                "admin1");
    }

    /** aws_kms_key without multi_region. */
    private static Map<String, Object> key4x(String id) {
        return StateAttributes.of(
                "arn",
                "arn:aws:kms:us-east-1:" + Moto.ACCOUNT + ":key/" + id,
                "customer_master_key_spec",
                "SYMMETRIC_DEFAULT",
                "deletion_window_in_days",
                7,
                "description",
                "app key",
                "enable_key_rotation",
                false,
                "id",
                id,
                "is_enabled",
                true,
                "key_id",
                id,
                "key_usage",
                "ENCRYPT_DECRYPT",
                "tags",
                null,
                "tags_all",
                Map.of());
    }
}
