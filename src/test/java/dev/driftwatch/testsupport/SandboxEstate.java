package dev.driftwatch.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A sandbox account's leftovers, made as a person trying things would, with one of every type the sweeper deletes:
 * a VPC with subnets, a route table, an internet gateway, a NAT gateway and its EIP, a gateway endpoint; instances
 * with a volume, an EIP and security groups that reference each other; an image of one; a network interface, a key
 * pair, a launch template, a snapshot; a versioned bucket with objects; a role with attached and inline policies in
 * an instance profile, a user with a key and a policy; a database, a KMS key, a function, a queue, a topic, a table,
 * a log group. Ids by a name of the test's.
 */
public final class SandboxEstate {

    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String READ = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    /** Type and id of each resource made, by name. */
    public record Made(String type, String id) {}

    private final Map<String, Made> made = new LinkedHashMap<>();

    private SandboxEstate() {}

    public static SandboxEstate build(String account, String cidrPrefix) {
        SandboxEstate estate = new SandboxEstate();
        estate.network(account, cidrPrefix);
        estate.iamAndServices(account);
        return estate;
    }

    public Map<String, Made> made() {
        return made;
    }

    public String id(String name) {
        return made.get(name).id();
    }

    private void network(String account, String prefix) {
        try (Ec2Client ec2 = Moto.ec2("us-east-1", account)) {
            String vpc = add(
                    "vpc",
                    "aws_vpc",
                    ec2.createVpc(r -> r.cidrBlock(prefix + ".0.0/16")).vpc().vpcId());
            String a = add(
                    "subnet-a",
                    "aws_subnet",
                    ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + ".1.0/24"))
                            .subnet()
                            .subnetId());
            String b = add(
                    "subnet-b",
                    "aws_subnet",
                    ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + ".2.0/24"))
                            .subnet()
                            .subnetId());
            String igw = add(
                    "igw",
                    "aws_internet_gateway",
                    ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId());
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
            String table = add(
                    "route-table",
                    "aws_route_table",
                    ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId());
            ec2.createRoute(
                    r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(a));
            String natAddress = add(
                    "nat-eip",
                    "aws_eip",
                    ec2.allocateAddress(r -> r.domain("vpc")).allocationId());
            add(
                    "nat",
                    "aws_nat_gateway",
                    ec2.createNatGateway(r -> r.subnetId(a).allocationId(natAddress))
                            .natGateway()
                            .natGatewayId());
            String web = add("web", "aws_security_group", group(ec2, vpc, "web"));
            String db = add("db", "aws_security_group", group(ec2, vpc, "db"));
            reference(ec2, web, db);
            reference(ec2, db, web);
            ec2.createKeyPair(r -> r.keyName("tried-once"));
            add("key-pair", "aws_key_pair", "tried-once");
            add(
                    "launch-template",
                    "aws_launch_template",
                    ec2.createLaunchTemplate(
                                    r -> r.launchTemplateName("tried").launchTemplateData(d -> d.imageId("ami-12c6146b")
                                            .instanceType("t3.micro")))
                            .launchTemplate()
                            .launchTemplateId());
            String app = add(
                    "instance-app",
                    "aws_instance",
                    ec2.runInstances(r -> r.imageId("ami-12c6146b")
                                    .minCount(1)
                                    .maxCount(1)
                                    .subnetId(a)
                                    .securityGroupIds(web)
                                    .keyName("tried-once"))
                            .instances()
                            .get(0)
                            .instanceId());
            add(
                    "instance-db",
                    "aws_instance",
                    ec2.runInstances(r -> r.imageId("ami-12c6146b")
                                    .minCount(1)
                                    .maxCount(1)
                                    .subnetId(b)
                                    .securityGroupIds(db))
                            .instances()
                            .get(0)
                            .instanceId());
            String zone =
                    ec2.describeSubnets(r -> r.subnetIds(a)).subnets().get(0).availabilityZone();
            String volume = add(
                    "volume",
                    "aws_ebs_volume",
                    ec2.createVolume(r -> r.availabilityZone(zone).size(8)).volumeId());
            ec2.attachVolume(r -> r.volumeId(volume).instanceId(app).device("/dev/sdf"));
            add(
                    "snapshot",
                    "aws_ebs_snapshot",
                    ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId());
            String address = add(
                    "app-eip",
                    "aws_eip",
                    ec2.allocateAddress(r -> r.domain("vpc")).allocationId());
            ec2.associateAddress(r -> r.allocationId(address).instanceId(app));
            add(
                    "ami",
                    "aws_ami",
                    ec2.createImage(r -> r.instanceId(app).name("tried-image")).imageId());
            add(
                    "endpoint",
                    "aws_vpc_endpoint",
                    ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                                    .serviceName("com.amazonaws.us-east-1.s3")
                                    .vpcEndpointType("Gateway")
                                    .routeTableIds(table))
                            .vpcEndpoint()
                            .vpcEndpointId());
            add(
                    "eni",
                    "aws_network_interface",
                    ec2.createNetworkInterface(r -> r.subnetId(b).groups(db))
                            .networkInterface()
                            .networkInterfaceId());
        }
    }

    private void iamAndServices(String account) {
        String role;
        try (IamClient iam = Moto.iam(account)) {
            String policy = add(
                    "policy",
                    "aws_iam_policy",
                    iam.createPolicy(r -> r.policyName("tried-read").policyDocument(READ))
                            .policy()
                            .arn());
            role = iam.createRole(r -> r.roleName("tried-role").assumeRolePolicyDocument(TRUST))
                    .role()
                    .arn();
            add("role", "aws_iam_role", "tried-role");
            iam.attachRolePolicy(r -> r.roleName("tried-role").policyArn(policy));
            iam.putRolePolicy(r -> r.roleName("tried-role").policyName("inline").policyDocument(READ));
            add(
                    "instance-profile",
                    "aws_iam_instance_profile",
                    iam.createInstanceProfile(r -> r.instanceProfileName("tried-profile"))
                            .instanceProfile()
                            .instanceProfileName());
            iam.addRoleToInstanceProfile(
                    r -> r.instanceProfileName("tried-profile").roleName("tried-role"));
            add(
                    "user",
                    "aws_iam_user",
                    iam.createUser(r -> r.userName("tried-user")).user().userName());
            iam.createAccessKey(r -> r.userName("tried-user"));
            iam.attachUserPolicy(r -> r.userName("tried-user").policyArn(policy));
        }
        try (S3Client s3 = Moto.in(account, S3Client.builder().forcePathStyle(true))) {
            String bucket = add("bucket", "aws_s3_bucket", "tried-bucket-" + account);
            s3.createBucket(r -> r.bucket(bucket));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            s3.putObject(r -> r.bucket(bucket).key("notes.txt"), RequestBody.fromString("one"));
            s3.putObject(r -> r.bucket(bucket).key("notes.txt"), RequestBody.fromString("two"));
            s3.deleteObject(r -> r.bucket(bucket).key("notes.txt"));
        }
        try (RdsClient rds = Moto.in(account, RdsClient.builder())) {
            add(
                    "database",
                    "aws_db_instance",
                    rds.createDBInstance(r -> r.dbInstanceIdentifier("tried-db")
                                    .engine("postgres")
                                    .dbInstanceClass("db.t3.micro")
                                    .allocatedStorage(20)
                                    .masterUsername("admin1")
                                    .masterUserPassword("not-a-secret-in-moto"))
                            .dbInstance()
                            .dbiResourceId());
        }
        try (KmsClient kms = Moto.in(account, KmsClient.builder())) {
            add(
                    "key",
                    "aws_kms_key",
                    kms.createKey(r -> r.description("tried")).keyMetadata().keyId());
        }
        try (LambdaClient lambda = Moto.in(account, LambdaClient.builder())) {
            add(
                    "function",
                    "aws_lambda_function",
                    lambda.createFunction(r -> r.functionName("tried-fn")
                                    .role(role)
                                    .handler("lambda.handler")
                                    .runtime(Runtime.PYTHON3_12)
                                    .code(c -> c.zipFile(LambdaCode.zip())))
                            .functionName());
        }
        try (SqsClient sqs = Moto.in(account, SqsClient.builder())) {
            add(
                    "queue",
                    "aws_sqs_queue",
                    sqs.createQueue(r -> r.queueName("tried-q")).queueUrl());
        }
        try (SnsClient sns = Moto.in(account, SnsClient.builder())) {
            add(
                    "topic",
                    "aws_sns_topic",
                    sns.createTopic(r -> r.name("tried-t")).topicArn());
        }
        try (DynamoDbClient dynamo = Moto.in(account, DynamoDbClient.builder())) {
            add(
                    "table",
                    "aws_dynamodb_table",
                    dynamo.createTable(r -> r.tableName("tried-table")
                                    .billingMode(BillingMode.PAY_PER_REQUEST)
                                    .attributeDefinitions(
                                            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)))
                            .tableDescription()
                            .tableName());
        }
        try (CloudWatchLogsClient logs = Moto.in(account, CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/tried/app"));
            add("log-group", "aws_cloudwatch_log_group", "/tried/app");
        }
    }

    private String add(String name, String type, String id) {
        made.put(name, new Made(type, id));
        return id;
    }

    private static String group(Ec2Client ec2, String vpc, String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name))
                .groupId();
    }

    /** Lets {@code source}'s members reach {@code group} on 5432: the group's rule names the other group. */
    public static void reference(Ec2Client ec2, String group, String source) {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(5432)
                        .toPort(5432)
                        .userIdGroupPairs(
                                UserIdGroupPair.builder().groupId(source).build())
                        .build()));
    }
}
