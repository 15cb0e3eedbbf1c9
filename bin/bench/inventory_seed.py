"""Seeds moto with about N resources spread over every supported type, then counts what the
account holds, as the collectors' list calls will see it. Prints nothing but a summary line;
writes the plan, what was created and the counts to OUT (JSON).

Usage: inventory_seed.py MOTO_URL REGION N OUT.json
"""

import io
import json
import sys
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

from bench_common import aws_client, log, write_json


def main():
    endpoint, region, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    THREADS = 8
    c = {
        s: aws_client(s, endpoint, region, pool=THREADS * 2)
        for s in ("ec2", "s3", "iam", "sqs", "sns", "logs", "dynamodb", "kms", "lambda", "rds", "cloudtrail")
    }
    ec2 = c["ec2"]

    # What to create per 10,000 resources (scaled to N; a type never drops below 1). Several creations make
    # more than one resource: a VPC brings its main route table and default group (with its rules), a group's
    # rule is both an aws_security_group_rule and an aws_vpc_security_group_*_rule, an instance or a NAT gateway
    # brings a network interface, every bucket has an aws_s3_bucket_versioning, a role its policy attachment.
    PER_10K = {
        "vpcs": 100,
        "subnets_per_vpc": 6,
        "internet_gateways": 50,
        "route_tables": 200,
        "security_groups": 650,
        "ebs_volumes": 600,
        "ebs_snapshots": 300,
        "key_pairs": 300,
        "instances": 30,
        "launch_templates": 30,
        "amis": 20,
        "vpc_endpoints": 20,
        "nat_gateways": 10,
        "eips": 10,
        "network_interfaces": 30,
        "lambda_functions": 20,
        "db_instances": 10,
        "trails": 5,
        "sqs_queues": 300,
        "sns_topics": 200,
        "log_groups": 400,
        "dynamodb_tables": 100,
        "kms_keys": 100,
        "iam_roles": 500,
        "iam_policies": 150,
        "iam_users": 400,
        "iam_access_keys": 200,
        "iam_instance_profiles": 100,
        "s3_buckets": 200,
    }
    plan = {k: (v if k == "subnets_per_vpc" else max(1, round(v * n / 10000))) for k, v in PER_10K.items()}
    created = {k: 0 for k in PER_10K if k != "subnets_per_vpc"}
    created.update(
        subnets=0,
        security_group_rules=0,
        iam_attachments=0,
        s3_versioning=0,
        s3_policies=0,
        s3_public_access_blocks=0,
        s3_encryption=0,
        s3_tagged=0,
    )
    lock = threading.Lock()
    pool = ThreadPoolExecutor(THREADS)

    def count(key, k=1):
        with lock:
            created[key] += k

    def run(fn, items, threads=True):
        """fn(item) for every item, on the pool (or in this thread: moto's IAM is not thread-safe, it fails
        now and then with 'dictionary changed size during iteration'); the first error stops the seeding."""
        if not threads:
            for i in items:
                fn(i)
            return
        for f in [pool.submit(fn, i) for i in items]:
            f.result()

    def tags(resource_type, i, **more):
        t = {"Name": f"bench-{resource_type}-{i}", "Team": f"team-{i % 10}", **more}
        return [{"ResourceType": resource_type, "Tags": [{"Key": k, "Value": v} for k, v in t.items()]}]

    started = time.monotonic()

    # ---- network: VPCs, subnets, gateways, route tables, groups and their rules ------------------------
    AZS = [f"{region}{z}" for z in "abcdef"]
    vpcs = [None] * plan["vpcs"]
    subnets = []

    def make_vpc(i):
        vpc = ec2.create_vpc(CidrBlock=f"10.{i}.0.0/16", TagSpecifications=tags("vpc", i))["Vpc"]["VpcId"]
        vpcs[i] = vpc
        count("vpcs")
        for s in range(plan["subnets_per_vpc"]):
            sub = ec2.create_subnet(
                VpcId=vpc,
                CidrBlock=f"10.{i}.{s}.0/24",
                AvailabilityZone=AZS[s % len(AZS)],
                TagSpecifications=tags("subnet", i * 10 + s),
            )["Subnet"]["SubnetId"]
            with lock:
                subnets.append(sub)
                created["subnets"] += 1

    assert plan["vpcs"] <= 250, "VPC CIDRs 10.x.0.0/16 allow 250 VPCs"
    run(make_vpc, range(plan["vpcs"]))
    subnets.sort()

    def make_igw(i):
        igw = ec2.create_internet_gateway(TagSpecifications=tags("internet-gateway", i))["InternetGateway"][
            "InternetGatewayId"
        ]
        ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpcs[i % len(vpcs)])
        count("internet_gateways")

    run(make_igw, range(min(plan["internet_gateways"], len(vpcs))))
    plan["internet_gateways"] = min(plan["internet_gateways"], len(vpcs))  # one per VPC at most

    def make_route_table(i):
        ec2.create_route_table(VpcId=vpcs[i % len(vpcs)], TagSpecifications=tags("route-table", i))
        count("route_tables")

    run(make_route_table, range(plan["route_tables"]))

    def make_group(i):
        group = ec2.create_security_group(
            GroupName=f"bench-sg-{i:05d}",
            Description=f"benchmark group {i}",
            VpcId=vpcs[i % len(vpcs)],
            TagSpecifications=tags("security-group", i),
        )["GroupId"]
        rules = [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]
        if i % 3 == 0:
            rules.append({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.20.0.0/16"}]})
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=rules)
        count("security_groups")
        count("security_group_rules", len(rules))

    run(make_group, range(plan["security_groups"]))

    # ---- storage and compute -------------------------------------------------------------------------
    volumes = []

    def make_volume(i):
        v = ec2.create_volume(
            AvailabilityZone=AZS[i % len(AZS)], Size=1 + i % 8, VolumeType="gp3", TagSpecifications=tags("volume", i)
        )["VolumeId"]
        with lock:
            volumes.append(v)
            created["ebs_volumes"] += 1

    run(make_volume, range(plan["ebs_volumes"]))
    volumes.sort()

    def make_snapshot(i):
        ec2.create_snapshot(
            VolumeId=volumes[i % len(volumes)],
            Description=f"benchmark snapshot {i}",
            TagSpecifications=tags("snapshot", i),
        )
        count("ebs_snapshots")

    run(make_snapshot, range(plan["ebs_snapshots"]))

    # Importing one public key under many names: creating keys would make moto generate an RSA key each.
    PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGkD3m9yH8ZfYfS0m2b6QJ1oQm0JtG1sQ8VYk4oJYw9c bench@driftwatch"

    def make_key_pair(i):
        ec2.import_key_pair(
            KeyName=f"bench-key-{i:05d}", PublicKeyMaterial=PUBLIC_KEY.encode(), TagSpecifications=tags("key-pair", i)
        )
        count("key_pairs")

    run(make_key_pair, range(plan["key_pairs"]))

    image = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "architecture", "Values": ["x86_64"]}])["Images"][
        0
    ]["ImageId"]
    remaining, i = plan["instances"], 0
    while remaining:  # a few RunInstances calls, several instances each
        k = min(remaining, 10)
        ec2.run_instances(
            ImageId=image,
            InstanceType="t3.micro",
            MinCount=k,
            MaxCount=k,
            SubnetId=subnets[i % len(subnets)],
            TagSpecifications=tags("instance", i),
        )
        count("instances", k)
        remaining -= k
        i += 1

    def make_launch_template(i):
        ec2.create_launch_template(
            LaunchTemplateName=f"bench-lt-{i:04d}",
            VersionDescription="v1",
            LaunchTemplateData={"ImageId": image, "InstanceType": "t3.micro"},
            TagSpecifications=tags("launch-template", i),
        )
        count("launch_templates")

    run(make_launch_template, range(plan["launch_templates"]))

    def make_ami(i):  # each also brings a snapshot of its own (moto's, as AWS's CreateImage does)
        ec2.register_image(Name=f"bench-ami-{i:04d}", Description=f"benchmark image {i}", RootDeviceName="/dev/xvda")
        count("amis")

    run(make_ami, range(plan["amis"]))

    def make_vpc_endpoint(i):  # gateway endpoints: no interfaces, so the network interface count stays as it was
        ec2.create_vpc_endpoint(
            VpcId=vpcs[i % len(vpcs)],
            ServiceName=f"com.amazonaws.{region}.s3",
            VpcEndpointType="Gateway",
            TagSpecifications=tags("vpc-endpoint", i),
        )
        count("vpc_endpoints")

    run(make_vpc_endpoint, range(plan["vpc_endpoints"]))

    def make_nat_gateway(i):
        allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
        ec2.create_nat_gateway(
            SubnetId=subnets[i % len(subnets)], AllocationId=allocation, TagSpecifications=tags("natgateway", i)
        )
        count("nat_gateways")

    run(make_nat_gateway, range(plan["nat_gateways"]))

    def make_eip(i):
        ec2.allocate_address(Domain="vpc", TagSpecifications=tags("elastic-ip", i))
        count("eips")

    run(make_eip, range(plan["eips"]))

    def make_eni(i):
        ec2.create_network_interface(
            SubnetId=subnets[i % len(subnets)],
            Description=f"benchmark interface {i}",
            TagSpecifications=tags("network-interface", i),
        )
        count("network_interfaces")

    run(make_eni, range(plan["network_interfaces"]))

    # ---- IAM (global) ----------------------------------------------------------------------------------
    iam = c["iam"]
    TRUST = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}
            ],
        }
    )
    policies = [None] * plan["iam_policies"]

    def make_policy(i):
        doc = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"arn:aws:s3:::bench-{i}/*"}],
        }
        policies[i] = iam.create_policy(
            PolicyName=f"bench-policy-{i:04d}",
            PolicyDocument=json.dumps(doc),
            Description=f"benchmark policy {i}",
            Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}],
        )["Policy"]["Arn"]
        count("iam_policies")

    run(make_policy, threads=False, items=range(plan["iam_policies"]))
    roles = [None] * plan["iam_roles"]

    def make_role(i):
        roles[i] = iam.create_role(
            RoleName=f"bench-role-{i:05d}",
            AssumeRolePolicyDocument=TRUST,
            Description=f"benchmark role {i}",
            Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}],
        )["Role"]["Arn"]
        iam.attach_role_policy(RoleName=f"bench-role-{i:05d}", PolicyArn=policies[i % len(policies)])
        count("iam_roles")
        count("iam_attachments")

    run(make_role, threads=False, items=range(plan["iam_roles"]))

    def make_user(i):
        iam.create_user(UserName=f"bench-user-{i:05d}", Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}])
        count("iam_users")

    run(make_user, threads=False, items=range(plan["iam_users"]))

    def make_access_key(i):  # one key for every other user
        iam.create_access_key(UserName=f"bench-user-{2 * i % plan['iam_users']:05d}")
        count("iam_access_keys")

    run(make_access_key, threads=False, items=range(min(plan["iam_access_keys"], plan["iam_users"])))

    def make_profile(i):
        iam.create_instance_profile(
            InstanceProfileName=f"bench-profile-{i:04d}", Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}]
        )
        if i % 2 == 0:
            iam.add_role_to_instance_profile(
                InstanceProfileName=f"bench-profile-{i:04d}", RoleName=f"bench-role-{i % len(roles):05d}"
            )
        count("iam_instance_profiles")

    run(make_profile, threads=False, items=range(plan["iam_instance_profiles"]))

    # ---- S3 (global): every bucket has versioning as a resource; some get more -------------------------
    s3 = c["s3"]

    def make_bucket(i):
        name = f"bench-bucket-{i:05d}"
        s3.create_bucket(Bucket=name)
        count("s3_buckets")
        if i % 2 == 0:
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "Team", "Value": f"team-{i % 10}"}]})
            count("s3_tagged")
        if i % 3 == 0:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
            count("s3_versioning")
        if i % 4 == 0:
            policy = {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Deny",
                        "Principal": "*",
                        "Action": "s3:*",
                        "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"],
                        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                    }
                ],
            }
            s3.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))
            count("s3_policies")
        if i % 4 == 1:
            s3.put_public_access_block(
                Bucket=name,
                PublicAccessBlockConfiguration={
                    "BlockPublicAcls": True,
                    "IgnorePublicAcls": True,
                    "BlockPublicPolicy": True,
                    "RestrictPublicBuckets": True,
                },
            )
            count("s3_public_access_blocks")
        if i % 4 == 2:
            s3.put_bucket_encryption(
                Bucket=name,
                ServerSideEncryptionConfiguration={
                    "Rules": [
                        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}, "BucketKeyEnabled": True}
                    ]
                },
            )
            count("s3_encryption")

    run(make_bucket, range(plan["s3_buckets"]))

    # ---- the rest of the region ------------------------------------------------------------------------
    trail_bucket = "bench-bucket-00000"
    for i in range(plan["trails"]):
        c["cloudtrail"].create_trail(
            Name=f"bench-trail-{i}",
            S3BucketName=trail_bucket,
            IsMultiRegionTrail=i % 2 == 0,
            TagsList=[{"Key": "Team", "Value": f"team-{i % 10}"}],
        )
        if i % 2 == 0:
            c["cloudtrail"].start_logging(Name=f"bench-trail-{i}")
        count("trails")

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return event\n")
    CODE = buf.getvalue()

    def make_function(i):
        c["lambda"].create_function(
            FunctionName=f"bench-fn-{i:04d}",
            Runtime="python3.12",
            Role=roles[i % len(roles)],
            Handler="index.handler",
            Code={"ZipFile": CODE},
            Description=f"benchmark function {i}",
            Tags={"Team": f"team-{i % 10}"},
        )
        count("lambda_functions")

    run(make_function, range(plan["lambda_functions"]))

    def make_db(i):
        c["rds"].create_db_instance(
            DBInstanceIdentifier=f"bench-db-{i:03d}",
            Engine="postgres",
            DBInstanceClass="db.t3.micro",
            AllocatedStorage=20,
            MasterUsername="bench",
            MasterUserPassword="bench-password-1",
            Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}],
        )
        count("db_instances")

    run(make_db, range(plan["db_instances"]))

    def make_queue(i):
        c["sqs"].create_queue(
            QueueName=f"bench-queue-{i:05d}",
            Attributes={"VisibilityTimeout": str(30 + i % 5)},
            tags={"Team": f"team-{i % 10}"},
        )
        count("sqs_queues")

    run(make_queue, range(plan["sqs_queues"]))

    def make_topic(i):
        c["sns"].create_topic(Name=f"bench-topic-{i:05d}", Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}])
        count("sns_topics")

    run(make_topic, range(plan["sns_topics"]))

    def make_log_group(i):
        name = f"/bench/group-{i:05d}"
        c["logs"].create_log_group(logGroupName=name, tags={"Team": f"team-{i % 10}"})
        if i % 2 == 0:
            c["logs"].put_retention_policy(logGroupName=name, retentionInDays=30)
        count("log_groups")

    run(make_log_group, range(plan["log_groups"]))

    def make_table(i):
        c["dynamodb"].create_table(
            TableName=f"bench-table-{i:04d}",
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            Tags=[{"Key": "Team", "Value": f"team-{i % 10}"}],
        )
        count("dynamodb_tables")

    run(make_table, range(plan["dynamodb_tables"]))

    def make_key(i):
        spec = "SYMMETRIC_DEFAULT" if i % 4 else "RSA_2048"
        usage = "ENCRYPT_DECRYPT"
        key = c["kms"].create_key(
            Description=f"benchmark key {i}",
            KeySpec=spec,
            KeyUsage=usage,
            Tags=[{"TagKey": "Team", "TagValue": f"team-{i % 10}"}],
        )["KeyMetadata"]["KeyId"]
        if spec == "SYMMETRIC_DEFAULT" and i % 2:
            c["kms"].enable_key_rotation(KeyId=key)
        count("kms_keys")

    run(make_key, range(plan["kms_keys"]))
    seed_seconds = time.monotonic() - started
    pool.shutdown()

    # ---- what the account holds now, read as the collectors read it ------------------------------------
    # pages(...) walks a list the way the service does (same page size) and counts pages and items, which
    # also shows which page sizes moto honours.

    def pages(
        client,
        method,
        key,
        page_size_param=None,
        page_size=None,
        token_in="NextToken",
        token_out="NextToken",
        items=None,
        **params,
    ):
        n_pages, n_items, collected, token = 0, 0, [], None
        while True:
            p = dict(params)
            if page_size_param:
                p[page_size_param] = page_size
            if token:
                p[token_in] = token
            r = getattr(client, method)(**p)
            n_pages += 1
            got = r.get(key, [])
            n_items += len(got)
            collected.extend(got)
            token = r.get(token_out)
            if not token or (token_out == "Marker" and not r.get("IsTruncated")):
                break
        return {
            "pages": n_pages,
            "items": n_items,
            "page_size": page_size,
            "max_page": n_items if n_pages == 1 else None,
        }, collected

    lists, item = {}, {}
    L = lists
    L["DescribeSecurityGroups"], _ = pages(ec2, "describe_security_groups", "SecurityGroups", "MaxResults", 1000)
    L["DescribeSecurityGroupRules"], rules = pages(
        ec2, "describe_security_group_rules", "SecurityGroupRules", "MaxResults", 1000
    )
    item["ingress_rules"] = sum(1 for r in rules if not r["IsEgress"])
    item["egress_rules"] = sum(1 for r in rules if r["IsEgress"])
    L["DescribeVpcs"], vs = pages(ec2, "describe_vpcs", "Vpcs", "MaxResults", 1000)
    L["DescribeRouteTables(main)"], _ = pages(
        ec2,
        "describe_route_tables",
        "RouteTables",
        "MaxResults",
        100,
        Filters=[{"Name": "association.main", "Values": ["true"]}],
    )
    L["DescribeRouteTables"], _ = pages(ec2, "describe_route_tables", "RouteTables", "MaxResults", 100)
    L["DescribeSubnets"], _ = pages(ec2, "describe_subnets", "Subnets", "MaxResults", 1000)
    L["DescribeInternetGateways"], _ = pages(ec2, "describe_internet_gateways", "InternetGateways", "MaxResults", 1000)
    L["DescribeVolumes"], _ = pages(ec2, "describe_volumes", "Volumes", "MaxResults", 500)
    L["DescribeSnapshots"], _ = pages(ec2, "describe_snapshots", "Snapshots", "MaxResults", 1000, OwnerIds=["self"])
    L["DescribeSnapshots(public)"], public = pages(
        ec2, "describe_snapshots", "Snapshots", "MaxResults", 1000, OwnerIds=["self"], RestorableByUserIds=["all"]
    )
    ACCOUNT = "123456789012"  # moto's default account
    item["own_snapshots_listed_as_public"] = sum(1 for x in public if x.get("OwnerId") in (None, ACCOUNT))
    L["DescribeKeyPairs"], _ = pages(ec2, "describe_key_pairs", "KeyPairs")
    L["DescribeInstances"], res = pages(ec2, "describe_instances", "Reservations", "MaxResults", 1000)
    item["instances"] = sum(len(r["Instances"]) for r in res)
    L["DescribeLaunchTemplateVersions"], _ = pages(
        ec2, "describe_launch_template_versions", "LaunchTemplateVersions", "MaxResults", 200, Versions=["$Latest"]
    )
    L["DescribeLaunchTemplates"], _ = pages(ec2, "describe_launch_templates", "LaunchTemplates", "MaxResults", 200)
    L["DescribeImages"], _ = pages(ec2, "describe_images", "Images", "MaxResults", 1000, Owners=["self"])
    L["DescribeVpcEndpoints"], _ = pages(ec2, "describe_vpc_endpoints", "VpcEndpoints", "MaxResults", 1000)
    L["DescribeNatGateways"], _ = pages(ec2, "describe_nat_gateways", "NatGateways", "MaxResults", 1000)
    L["DescribeAddresses"], _ = pages(ec2, "describe_addresses", "Addresses")
    L["DescribeNetworkInterfaces"], _ = pages(
        ec2, "describe_network_interfaces", "NetworkInterfaces", "MaxResults", 1000
    )
    L["ListFunctions"], _ = pages(
        c["lambda"], "list_functions", "Functions", "MaxItems", 50, token_in="Marker", token_out="NextMarker"
    )
    L["DescribeDBInstances"], _ = pages(
        c["rds"], "describe_db_instances", "DBInstances", "MaxRecords", 100, token_in="Marker", token_out="Marker"
    )
    L["DescribeTrails"], _ = pages(c["cloudtrail"], "describe_trails", "trailList", includeShadowTrails=False)
    L["ListQueues"], _ = pages(c["sqs"], "list_queues", "QueueUrls", "MaxResults", 1000)
    L["ListTopics"], _ = pages(c["sns"], "list_topics", "Topics")
    L["DescribeLogGroups"], _ = pages(
        c["logs"], "describe_log_groups", "logGroups", "limit", 50, token_in="nextToken", token_out="nextToken"
    )
    L["ListTables"], _ = pages(
        c["dynamodb"],
        "list_tables",
        "TableNames",
        "Limit",
        100,
        token_in="ExclusiveStartTableName",
        token_out="LastEvaluatedTableName",
    )
    L["ListKeys"], keys = pages(c["kms"], "list_keys", "Keys", "Limit", 1000, token_in="Marker", token_out="NextMarker")
    customer = rotatable = 0
    for k in keys:
        md = c["kms"].describe_key(KeyId=k["KeyId"])["KeyMetadata"]
        if (
            md["KeyManager"] == "CUSTOMER"
            and md["KeyState"] not in ("PendingDeletion", "PendingReplicaDeletion")
            and md.get("Origin") != "EXTERNAL"
        ):
            customer += 1
        if (
            md.get("KeySpec") == "SYMMETRIC_DEFAULT"
            and md.get("Origin") == "AWS_KMS"
            and md["KeyState"] in ("Enabled", "Disabled")
        ):
            rotatable += 1
    item["kms_customer_keys"], item["kms_rotatable_keys"] = customer, rotatable
    L["ListRoles"], _ = pages(iam, "list_roles", "Roles", "MaxItems", 1000, token_in="Marker", token_out="Marker")
    L["GetAccountAuthorizationDetails(Role)"], _ = pages(
        iam,
        "get_account_authorization_details",
        "RoleDetailList",
        "MaxItems",
        1000,
        token_in="Marker",
        token_out="Marker",
        Filter=["Role"],
    )
    L["GetAccountAuthorizationDetails(User)"], _ = pages(
        iam,
        "get_account_authorization_details",
        "UserDetailList",
        "MaxItems",
        1000,
        token_in="Marker",
        token_out="Marker",
        Filter=["User"],
    )
    L["GetAccountAuthorizationDetails(LocalManagedPolicy)"], _ = pages(
        iam,
        "get_account_authorization_details",
        "Policies",
        "MaxItems",
        1000,
        token_in="Marker",
        token_out="Marker",
        Filter=["LocalManagedPolicy"],
    )
    L["ListUsers"], _ = pages(iam, "list_users", "Users", "MaxItems", 1000, token_in="Marker", token_out="Marker")
    L["ListInstanceProfiles"], _ = pages(
        iam, "list_instance_profiles", "InstanceProfiles", "MaxItems", 1000, token_in="Marker", token_out="Marker"
    )
    L["ListBuckets"], buckets = pages(
        s3, "list_buckets", "Buckets", "MaxBuckets", 10000, token_in="ContinuationToken", token_out="ContinuationToken"
    )
    item["buckets_without_region"] = sum(1 for b in buckets if not b.get("BucketRegion"))

    # Does moto honour a small page size? One call per list with a page of 5 (where the list has more).
    SMALL = {
        "DescribeSecurityGroupRules": (ec2.describe_security_group_rules, "SecurityGroupRules", "MaxResults", {}),
        "DescribeSecurityGroups": (ec2.describe_security_groups, "SecurityGroups", "MaxResults", {}),
        "DescribeSubnets": (ec2.describe_subnets, "Subnets", "MaxResults", {}),
        "DescribeVolumes": (ec2.describe_volumes, "Volumes", "MaxResults", {}),
        "DescribeSnapshots": (ec2.describe_snapshots, "Snapshots", "MaxResults", {"OwnerIds": ["self"]}),
        "DescribeRouteTables": (ec2.describe_route_tables, "RouteTables", "MaxResults", {}),
        "DescribeVpcs": (ec2.describe_vpcs, "Vpcs", "MaxResults", {}),
        "DescribeNetworkInterfaces": (ec2.describe_network_interfaces, "NetworkInterfaces", "MaxResults", {}),
        "DescribeInternetGateways": (ec2.describe_internet_gateways, "InternetGateways", "MaxResults", {}),
        "DescribeLaunchTemplates": (ec2.describe_launch_templates, "LaunchTemplates", "MaxResults", {}),
        "DescribeImages": (ec2.describe_images, "Images", "MaxResults", {"Owners": ["self"]}),
        "DescribeVpcEndpoints": (ec2.describe_vpc_endpoints, "VpcEndpoints", "MaxResults", {}),
        "ListQueues": (c["sqs"].list_queues, "QueueUrls", "MaxResults", {}),
        "DescribeLogGroups": (c["logs"].describe_log_groups, "logGroups", "limit", {}),
        "ListTables": (c["dynamodb"].list_tables, "TableNames", "Limit", {}),
        "ListKeys": (c["kms"].list_keys, "Keys", "Limit", {}),
        "ListRoles": (iam.list_roles, "Roles", "MaxItems", {}),
        "GetAccountAuthorizationDetails(User)": (
            iam.get_account_authorization_details,
            "UserDetailList",
            "MaxItems",
            {"Filter": ["User"]},
        ),
        "ListInstanceProfiles": (iam.list_instance_profiles, "InstanceProfiles", "MaxItems", {}),
        "ListFunctions": (c["lambda"].list_functions, "Functions", "MaxItems", {}),
        "DescribeDBInstances": (c["rds"].describe_db_instances, "DBInstances", "MaxRecords", {}),
        "ListBuckets": (s3.list_buckets, "Buckets", "MaxBuckets", {}),
    }
    honours = {}
    for name, (fn, key, param, extra) in SMALL.items():
        if lists[name]["items"] <= 5:
            honours[name] = None  # too few items to tell
            continue
        try:
            size = 20 if param == "MaxRecords" else 5  # RDS refuses a page under 20
            got = len(fn(**{param: size}, **extra).get(key, []))
            honours[name] = got <= size
        except Exception as e:  # noqa: BLE001 - an error is an answer too
            honours[name] = f"error: {type(e).__name__}"

    result = {
        "n": n,
        "plan": plan,
        "created": created,
        "seed_seconds": round(seed_seconds, 1),
        "lists": lists,
        "items": item,
        "moto_honours_page_size": honours,
        "image": image,
    }
    write_json(out, result)
    log(f"seeded moto in {seed_seconds:.1f}s: " + ", ".join(f"{k} {v}" for k, v in created.items()))


if __name__ == "__main__":
    sys.exit(main())
