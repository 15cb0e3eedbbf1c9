"""bin/bench-scan, step 1: seed moto with N security groups and write the Terraform state.

   python3 bin/bench/scan_seed.py MOTO_URL REGION N STATE_OUT SEED_JSON_OUT
"""
# Seeds moto and writes the Terraform state. Group i (0-based): tags Name and Team,
# ingress tcp 443 from 10.0.0.0/8, plus tcp 22 from 10.20.0.0/16 when i % 3 == 0.
# Even i are in the state ("managed"); among them every 20th differs on purpose:
# alternately the Team tag and the port of the first ingress rule.
import json, sys, time, uuid

from bench_common_scan import moto_ec2

endpoint, region, n, state_path, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
account = "123456789012"  # moto's default account
ec2 = moto_ec2(endpoint, region)

def rule(port, cidr):
    return {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [{"CidrIp": cidr}]}

def state_rule(protocol, port, cidr):
    return {"cidr_blocks": [cidr], "description": "", "from_port": port, "ipv6_cidr_blocks": [],
            "prefix_list_ids": [], "protocol": protocol, "security_groups": [], "self": False, "to_port": port}

started = time.monotonic()
vpc = ec2.create_vpc(CidrBlock="10.99.0.0/16")["Vpc"]["VpcId"]
resources, changed = [], {"tags": 0, "ingress": 0}
for i in range(n):
    name = f"bench-sg-{i:05d}"
    description = f"benchmark group {i}"
    team = f"team-{i % 10}"
    tags = {"Name": name, "Team": team}
    group = ec2.create_security_group(
        GroupName=name, Description=description, VpcId=vpc,
        TagSpecifications=[{"ResourceType": "security-group",
                            "Tags": [{"Key": k, "Value": v} for k, v in tags.items()]}])["GroupId"]
    ingress = [rule(443, "10.0.0.0/8")] + ([rule(22, "10.20.0.0/16")] if i % 3 == 0 else [])
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=ingress)
    if i % 2:
        continue  # odd groups are in no state: UNMANAGED
    state_tags, first_port = dict(tags), 443
    if (i // 2) % 20 == 19:
        if (i // 40) % 2 == 0:
            state_tags["Team"] = "team-expected"
            changed["tags"] += 1
        else:
            first_port = 8443
            changed["ingress"] += 1
    state_ingress = [state_rule("tcp", first_port, "10.0.0.0/8")]
    if i % 3 == 0:
        state_ingress.append(state_rule("tcp", 22, "10.20.0.0/16"))
    attributes = {
        "arn": f"arn:aws:ec2:{region}:{account}:security-group/{group}",
        "description": description,
        "egress": [state_rule("-1", 0, "0.0.0.0/0")],
        "id": group,
        "ingress": state_ingress,
        "name": name,
        "name_prefix": "",
        "owner_id": account,
        "revoke_rules_on_delete": False,
        "tags": state_tags,
        "tags_all": state_tags,
        "timeouts": None,
        "vpc_id": vpc,
    }
    resources.append({
        "mode": "managed", "type": "aws_security_group", "name": f"bench_{i:05d}",
        "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
        "instances": [{"schema_version": 1, "attributes": attributes, "sensitive_attributes": [],
                       "private": "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ=="}],
    })
seconds = time.monotonic() - started
state = {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": str(uuid.uuid4()),
         "outputs": {}, "resources": resources, "check_results": None}
with open(state_path, "w") as f:
    json.dump(state, f, indent=2)
# Every group moto returns, the default groups of the default VPC and of ours included.
total = len(ec2.describe_security_groups()["SecurityGroups"])
# Their rules, one per permission and source (ingress and egress), as DescribeSecurityGroupRules lists them.
rules = sum(len(page["SecurityGroupRules"]) for page in
            ec2.get_paginator("describe_security_group_rules").paginate(PaginationConfig={"PageSize": 1000}))
summary = {"n": n, "vpc": vpc, "groups_in_account": total, "rules_in_account": rules, "in_state": len(resources),
           "expected_unmanaged": n - len(resources), "expected_changed": changed["tags"] + changed["ingress"],
           "changed_tags": changed["tags"], "changed_ingress": changed["ingress"], "seed_seconds": round(seconds, 1)}
json.dump(summary, open(out, "w"))
print(f"==> seeded {n} groups in {vpc} in {seconds:.1f}s ({total} groups in the account with the default ones); "
      f"state: {len(resources)} groups, {summary['expected_changed']} of them different", file=sys.stderr)
