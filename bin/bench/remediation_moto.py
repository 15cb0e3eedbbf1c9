"""bin/bench-remediation, moto's side: seed N world-open SSH security groups over two accounts, and check
afterwards that none is still open.

   python3 bin/bench/remediation_moto.py seed  MOTO_URL REGION N SEED_JSON_OUT
   python3 bin/bench/remediation_moto.py check MOTO_URL REGION CHECK_JSON_OUT

Half the groups (the odd one out too) go to moto's default account, the rest to the second account, reached
the way driftwatch reaches it: STS AssumeRole of a role in that account (moto answers with credentials
scoped to the role's account; it checks neither that the role exists nor who may assume it).
"""

import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3

from bench_common import aws_client, log, write_json

ACCOUNTS = ("123456789012", "222222222222")  # moto's default account, then the second one
WORLD = "0.0.0.0/0"
SSH = 22


def ec2_of(endpoint, region, account):
    """An EC2 client acting in account: the test credentials for moto's default one, an assumed role's else."""
    if account == ACCOUNTS[0]:
        return aws_client("ec2", endpoint, region)
    creds = aws_client("sts", endpoint, region).assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/anything", RoleSessionName="bench-remediation"
    )["Credentials"]
    return boto3.client(
        "ec2",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )


def caller_account(ec2):
    """The account moto files this client's calls under (its security groups' OwnerId)."""
    groups = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": ["default"]}])["SecurityGroups"]
    return groups[0]["OwnerId"] if groups else None


def seed(endpoint, region, n, out):
    started = time.monotonic()
    shares = {ACCOUNTS[0]: n - n // 2, ACCOUNTS[1]: n // 2}
    seeded = {}
    for account, count in shares.items():
        ec2 = ec2_of(endpoint, region, account)
        owner = caller_account(ec2)
        if owner != account:  # a moto without multi-account support would put everything in one account
            sys.exit(f"moto files the calls meant for {account} under account {owner}")

        def one(i, ec2=ec2, account=account):
            group = ec2.create_security_group(
                GroupName=f"bench-ssh-{account[-4:]}-{i:05d}", Description=f"world-open SSH {i}"
            )["GroupId"]
            ec2.authorize_security_group_ingress(
                GroupId=group,
                IpPermissions=[{"IpProtocol": "tcp", "FromPort": SSH, "ToPort": SSH, "IpRanges": [{"CidrIp": WORLD}]}],
            )
            return group

        # A few threads: seeding is not measured, only waited for.
        with ThreadPoolExecutor(4) as pool:
            seeded[account] = list(pool.map(one, range(count)))
    seconds = round(time.monotonic() - started, 1)
    write_json(out, {"n": n, "region": region, "groups": seeded, "seed_seconds": seconds})
    log(f"seeded {n} world-open SSH groups in {seconds} s: " + ", ".join(f"{a} {len(g)}" for a, g in seeded.items()))


def open_to_world(group):
    """Whether a group still lets 0.0.0.0/0 reach port 22 (all traffic, or TCP with a range holding 22)."""
    for p in group["IpPermissions"]:
        reaches = p["IpProtocol"] == "-1" or (
            p["IpProtocol"] in ("tcp", "6") and p.get("FromPort", 0) <= SSH <= p.get("ToPort", -1)
        )
        if reaches and any(r.get("CidrIp") == WORLD for r in p.get("IpRanges", [])):
            return True
    return False


def check(endpoint, region, out):
    """Every group of both accounts, as moto has them now: which are still open to the world on 22."""
    result = {}
    for account in ACCOUNTS:
        groups = ec2_of(endpoint, region, account).describe_security_groups()["SecurityGroups"]
        still = sorted(g["GroupId"] for g in groups if open_to_world(g))
        result[account] = {"groups": len(groups), "still_open": still}
        log(f"moto, account {account}: {len(groups)} groups, {len(still)} still open to the world on port 22")
    write_json(out, result)


def main():
    command, endpoint, region = sys.argv[1:4]
    if command == "seed":
        seed(endpoint, region, int(sys.argv[4]), sys.argv[5])
    elif command == "check":
        check(endpoint, region, sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
