"""bin/bench-sweeper, moto's side: the sandbox account's alias, and every resource of the estate's 14 types in an
account, listed with boto3 through an assumed role (moto scopes the role's credentials to its account).

   python3 bin/bench/sweeper_moto.py alias MOTO_URL ACCOUNT ALIAS
   python3 bin/bench/sweeper_moto.py list MOTO_URL ACCOUNT OUT_JSON
   python3 bin/bench/sweeper_moto.py check BEFORE_JSON AFTER_JSON OUT_JSON

`list` writes {type: {id: {"protected": bool, "default": bool}}}: "protected" when tagged driftwatch:sweep=keep,
"default" for what AWS (moto) made itself (the default VPC, its subnets, every VPC's default security group,
service-linked roles, AWS-managed keys). A KMS key scheduled for deletion counts as deleted (the end state of
both `terraform destroy` and the sweeper). `check` compares a listing after the deletes with the one before:
resources of the estate (not default) still there although not protected ("left"), and protected ones gone
("protected_deleted").
"""

import sys

import boto3

from bench_common import aws_client, log, read_json, write_json

REGION = "us-east-1"
KEEP = ("driftwatch:sweep", "keep")


def session_for(moto, account):
    """Credentials of a role in the account (moto's AssumeRole makes them act in that account)."""
    sts = aws_client("sts", moto, REGION)
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/bench-check", RoleSessionName="bench")["Credentials"]
    return boto3.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name=REGION,
    )


def kept(tags):
    """Whether a tag list ([{Key, Value}] or {key: value}) holds driftwatch:sweep=keep."""
    if isinstance(tags, dict):
        return tags.get(KEEP[0]) == KEEP[1]
    return any((t.get("Key") or t.get("key")) == KEEP[0] and (t.get("Value") or t.get("value")) == KEEP[1]
               for t in tags or [])


def pages(client, op, key, **kw):
    for page in client.get_paginator(op).paginate(**kw):
        yield from page.get(key, [])


def listing(moto, account):
    s = session_for(moto, account)
    c = lambda name: s.client(name, endpoint_url=moto)  # noqa: E731
    out = {}

    def put(type_, id_, protected, default=False):
        out.setdefault(type_, {})[id_] = {"protected": bool(protected), "default": bool(default)}

    ec2 = c("ec2")
    for v in pages(ec2, "describe_vpcs", "Vpcs"):
        put("aws_vpc", v["VpcId"], kept(v.get("Tags")), v.get("IsDefault"))
    for sn in pages(ec2, "describe_subnets", "Subnets"):
        put("aws_subnet", sn["SubnetId"], kept(sn.get("Tags")), sn.get("DefaultForAz"))
    for g in pages(ec2, "describe_security_groups", "SecurityGroups"):
        put("aws_security_group", g["GroupId"], kept(g.get("Tags")), g["GroupName"] == "default")
    for v in pages(ec2, "describe_volumes", "Volumes"):
        put("aws_ebs_volume", v["VolumeId"], kept(v.get("Tags")))
    for a in ec2.describe_addresses()["Addresses"]:
        put("aws_eip", a["AllocationId"], kept(a.get("Tags")))
    for k in ec2.describe_key_pairs()["KeyPairs"]:
        put("aws_key_pair", k["KeyName"], kept(k.get("Tags")))

    sqs = c("sqs")
    for url in pages(sqs, "list_queues", "QueueUrls"):
        put("aws_sqs_queue", url.rsplit("/", 1)[1], kept(sqs.list_queue_tags(QueueUrl=url).get("Tags", {})))
    sns = c("sns")
    for t in pages(sns, "list_topics", "Topics"):
        arn = t["TopicArn"]
        put("aws_sns_topic", arn.rsplit(":", 1)[1], kept(sns.list_tags_for_resource(ResourceArn=arn)["Tags"]))
    logs = c("logs")
    for g in pages(logs, "describe_log_groups", "logGroups"):
        put("aws_cloudwatch_log_group", g["logGroupName"],
            kept(logs.list_tags_log_group(logGroupName=g["logGroupName"]).get("tags", {})))

    iam = c("iam")
    for r in pages(iam, "list_roles", "Roles"):
        put("aws_iam_role", r["RoleName"], kept(iam.list_role_tags(RoleName=r["RoleName"])["Tags"]),
            r["Path"].startswith("/aws-service-role/"))
    for p in pages(iam, "list_policies", "Policies", Scope="Local"):
        put("aws_iam_policy", p["PolicyName"], kept(iam.list_policy_tags(PolicyArn=p["Arn"])["Tags"]))

    s3 = c("s3")
    for b in s3.list_buckets()["Buckets"]:
        try:
            tags = s3.get_bucket_tagging(Bucket=b["Name"])["TagSet"]
        except s3.exceptions.ClientError:
            tags = []
        put("aws_s3_bucket", b["Name"], kept(tags))

    ddb = c("dynamodb")
    for name in pages(ddb, "list_tables", "TableNames"):
        arn = ddb.describe_table(TableName=name)["Table"]["TableArn"]
        put("aws_dynamodb_table", name, kept(ddb.list_tags_of_resource(ResourceArn=arn).get("Tags", [])))

    kms = c("kms")
    for k in pages(kms, "list_keys", "Keys"):
        meta = kms.describe_key(KeyId=k["KeyId"])["KeyMetadata"]
        if meta["KeyState"] in ("PendingDeletion", "PendingReplicaDeletion"):
            continue  # scheduled: deleted, for both tools
        tags = kms.list_resource_tags(KeyId=k["KeyId"]).get("Tags", [])
        tags = [{"Key": t["TagKey"], "Value": t["TagValue"]} for t in tags]
        put("aws_kms_key", k["KeyId"], kept(tags), meta.get("KeyManager") == "AWS")
    return out


def summary(inventory):
    """Per type: (estate resources, of which protected)."""
    return {
        t: {"estate": sum(1 for r in rs.values() if not r["default"]),
            "protected": sum(1 for r in rs.values() if r["protected"] and not r["default"]),
            "aws_default": sum(1 for r in rs.values() if r["default"])}
        for t, rs in sorted(inventory.items())
    }


def check(before, after):
    left, protected_deleted, to_delete, protected = [], [], 0, 0
    for t, rs in before.items():
        for id_, r in rs.items():
            if r["default"]:
                continue
            there = id_ in after.get(t, {})
            if r["protected"]:
                protected += 1
                if not there:
                    protected_deleted.append(f"{t} {id_}")
            else:
                to_delete += 1
                if there:
                    left.append(f"{t} {id_}")
    appeared = [f"{t} {i}" for t, rs in after.items() for i in rs if i not in before.get(t, {})]
    return {
        "to_delete": to_delete,
        "protected": protected,
        "deleted": to_delete - len(left),
        "left": len(left),
        "left_resources": left[:200],
        "protected_deleted": len(protected_deleted),
        "protected_deleted_resources": protected_deleted[:200],
        "appeared": appeared[:200],
    }


def main():
    cmd = sys.argv[1]
    if cmd == "alias":
        moto, account, alias = sys.argv[2:5]
        iam = session_for(moto, account).client("iam", endpoint_url=moto)
        if alias not in iam.list_account_aliases()["AccountAliases"]:
            iam.create_account_alias(AccountAlias=alias)
        log(f"account {account}: alias {iam.list_account_aliases()['AccountAliases']}")
    elif cmd == "list":
        moto, account, out = sys.argv[2:5]
        inventory = listing(moto, account)
        write_json(out, inventory)
        s = summary(inventory)
        log(f"account {account}: {sum(v['estate'] for v in s.values())} resources of the estate "
            f"({sum(v['protected'] for v in s.values())} protected): "
            + ", ".join(f"{t} {v['estate']}" for t, v in s.items()))
    elif cmd == "check":
        before, after, out = read_json(sys.argv[2]), read_json(sys.argv[3]), sys.argv[4]
        result = check(before, after)
        result["before"] = summary(before)
        result["after"] = summary(after)
        write_json(out, result)
        log(f"{result['deleted']} of {result['to_delete']} deleted, {result['left']} left, "
            f"{result['protected_deleted']} of {result['protected']} protected deleted"
            + (f"; left: {result['left_resources'][:10]}" if result["left"] else "")
            + (f"; protected deleted: {result['protected_deleted_resources'][:10]}" if result["protected_deleted"] else ""))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
