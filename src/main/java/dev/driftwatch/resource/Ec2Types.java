package dev.driftwatch.resource;

import static dev.driftwatch.resource.ApiCall.eachCounted;
import static dev.driftwatch.resource.ApiCall.list;
import static dev.driftwatch.resource.ApiCall.once;
import static dev.driftwatch.resource.ResourceTypeDescriptor.builder;
import static dev.driftwatch.resource.Scope.REGIONAL;

import java.util.List;

/** EC2 compute and block storage, and the region's EBS settings. */
final class Ec2Types {

    /** The one id of the account and region's EBS encryption setting (Terraform stores a random one). */
    static final String EBS_ENCRYPTION_BY_DEFAULT_ID = "ebs-encryption-by-default";

    static final List<ResourceTypeDescriptor> ALL = List.of(
            builder("aws_instance", "ec2", REGIONAL)
                    .sweptAfter()
                    .remediatedBy("add-required-tags", "require-imdsv2", "revert-metadata-options", "revert-tags")
                    .created()
                    .calls(list("ec2", "DescribeInstances", 1000).onAws("item:instances"))
                    .doc(
                            "instance id",
                            "ami, instance_type, availability_zone, subnet_id, vpc_security_group_ids,"
                                    + " metadata_options, iam_instance_profile, key_name, ebs_optimized, monitoring,"
                                    + " placement_group, private_ip, source_dest_check, tenancy, arn, tags (never user"
                                    + " data)",
                            "–")
                    .build(),
            builder("aws_ebs_volume", "ec2", REGIONAL)
                    .sweptAfter("aws_instance")
                    .remediatedBy("revert-tags")
                    .created()
                    .calls(list("ec2", "DescribeVolumes", 500))
                    .doc(
                            "vol id",
                            "availability_zone, size, type, iops, throughput, encrypted, kms_key_id,"
                                    + " snapshot_id, multi_attach_enabled, arn, tags; also read, not in the provider's schema:"
                                    + " attachments (instance_id, device_name, delete_on_termination, attach_time)",
                            "–")
                    .build(),
            builder("aws_ebs_snapshot", "ec2", REGIONAL)
                    // an AMI's snapshots are refused (InvalidSnapshot.InUse) until the AMI is deregistered
                    .sweptAfter("aws_ebs_volume", "aws_ami")
                    .created()
                    // moto ignores OwnerIds=self and also lists the snapshots of its built-in AMIs: on AWS only our own
                    .calls(list("ec2", "DescribeSnapshots", 1000).onAws("resources"))
                    .doc(
                            "snap id",
                            "volume_id, volume_size, description, encrypted, kms_key_id, storage_tier,"
                                    + " owner_id, arn, tags",
                            "–")
                    .build(),
            builder("aws_ebs_snapshot_public_access", "ec2", REGIONAL)
                    .created()
                    .awsManaged(AwsManaged.PSEUDO_TYPE)
                    .importId(ImportRule.cannot("driftwatch's view of a snapshot's sharing, not a Terraform resource"
                            + " (share with aws_snapshot_create_volume_permission)"))
                    // one list filtered to "restorable by all", then one DescribeSnapshotAttribute per own snapshot it
                    // names; moto ignores the filter and names every snapshot, AWS only the public ones (none here)
                    .calls(
                            list("ec2", "DescribeSnapshots", 1000)
                                    .of("DescribeSnapshots(public)")
                                    .onAws("none"),
                            eachCounted("ec2", "DescribeSnapshotAttribute", "own_snapshots_listed_as_public")
                                    .noneOnAws())
                    .doc(
                            "snap id",
                            "public",
                            "one DescribeSnapshots(self, restorable by all) per region,"
                                    + " DescribeSnapshotAttribute per snapshot it returns (only public ones)")
                    .build(),
            builder("aws_ebs_encryption_by_default", "ec2", REGIONAL)
                    .remediatedBy("enable-ebs-encryption-by-default")
                    .awsManaged(AwsManaged.DEFAULT_SETTING)
                    .stateId(StateIdRule.fixed(EBS_ENCRYPTION_BY_DEFAULT_ID))
                    .importId(ImportRule.REGION)
                    .calls(once("ec2", "GetEbsEncryptionByDefault"))
                    .doc(
                            "`ebs-encryption-by-default` (one per region; the state's random id is mapped to it)",
                            "enabled",
                            "one GetEbsEncryptionByDefault per region")
                    .build(),
            builder("aws_key_pair", "ec2", REGIONAL)
                    .sweptAfter("aws_instance")
                    .created()
                    .calls(once("ec2", "DescribeKeyPairs"))
                    .doc(
                            "key name",
                            "key_name, key_pair_id, key_type, fingerprint, arn, tags (never key material)",
                            "–")
                    .build(),
            builder("aws_ami", "ec2", REGIONAL)
                    // deregistered after the instances launched from it are gone; its snapshots are swept after it
                    .sweptAfter("aws_instance")
                    .created()
                    // moto ignores Owners=self and also lists its stock images: on AWS only our own
                    .calls(list("ec2", "DescribeImages", 1000).onAws("resources"))
                    .doc(
                            "ami id (images the account owns)",
                            "name, description, architecture, boot_mode, deprecation_time, ena_support, image_location,"
                                    + " imds_support, kernel_id, ramdisk_id, root_device_name, root_snapshot_id,"
                                    + " sriov_net_support, tpm_support, virtualization_type, ebs_block_device,"
                                    + " ephemeral_block_device, owner_id, arn, tags",
                            "–")
                    .build(),
            builder("aws_launch_template", "ec2", REGIONAL)
                    .sweptAfter()
                    .created()
                    .calls(
                            list("ec2", "DescribeLaunchTemplateVersions", 200),
                            list("ec2", "DescribeLaunchTemplates", 200))
                    .doc(
                            "lt id",
                            "name, default_version, latest_version, and the latest version's image_id,"
                                    + " instance_type, key_name, security groups, metadata_options, iam_instance_profile,"
                                    + " monitoring, shutdown/stop/termination settings, arn, tags (never user data)",
                            "–")
                    .build());

    private Ec2Types() {}
}
