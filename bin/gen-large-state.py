#!/usr/bin/env python3
"""Writes a realistic Terraform state (format 4, as Terraform 1.11 writes it) of about SIZE_MB megabytes:
many resource types with nested attributes (rules, block devices, policies, tags), modules with for_each,
count, an aliased provider, sensitive attributes and a few deposed objects. Usage: gen-large-state.py OUT SIZE_MB"""
import json, random, sys

out, size_mb = sys.argv[1], float(sys.argv[2])
rnd = random.Random(42)
ACCOUNT = "111122223333"
AWS = 'provider["registry.terraform.io/hashicorp/aws"]'

def hexid(n=17):
    return "".join(rnd.choice("0123456789abcdef") for _ in range(n))

def tags(i):
    t = {"Name": f"svc-{i}", "Team": rnd.choice(["web", "data", "platform", "payments"]), "Env": rnd.choice(["prod", "staging"]),
         "CostCenter": str(rnd.randint(1000, 1100))}
    return t

def rule(port):
    return {"cidr_blocks": [f"10.{rnd.randint(0,255)}.0.0/16", f"172.16.{rnd.randint(0,255)}.0/24"], "description": f"port {port}",
            "from_port": port, "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "tcp", "security_groups": [],
            "self": False, "to_port": port}

def security_group(i, region):
    sg = "sg-" + hexid()
    return sg, {"arn": f"arn:aws:ec2:{region}:{ACCOUNT}:security-group/{sg}", "description": "Managed by Terraform",
            "egress": [rule(0)], "id": sg, "ingress": [rule(p) for p in rnd.sample([22, 80, 443, 5432, 6379, 8080, 9090], 4)],
            "name": f"sg-{i}", "name_prefix": "", "owner_id": ACCOUNT, "revoke_rules_on_delete": False,
            "tags": tags(i), "tags_all": tags(i), "timeouts": None, "vpc_id": "vpc-" + hexid()}

def instance(i, region):
    iid = "i-" + hexid()
    return iid, {"ami": "ami-" + hexid(), "arn": f"arn:aws:ec2:{region}:{ACCOUNT}:instance/{iid}", "associate_public_ip_address": False,
            "availability_zone": region + "a", "cpu_options": [{"amd_sev_snp": "", "core_count": 1, "threads_per_core": 2}],
            "ebs_block_device": [], "iam_instance_profile": "", "id": iid, "instance_state": "running", "instance_type": "t3.micro",
            "metadata_options": [{"http_endpoint": "enabled", "http_put_response_hop_limit": 1, "http_tokens": "required",
                                  "instance_metadata_tags": "disabled"}],
            "private_ip": f"10.0.{rnd.randint(0,255)}.{rnd.randint(0,255)}", "root_block_device": [{"delete_on_termination": True,
                "device_name": "/dev/xvda", "encrypted": True, "iops": 3000, "kms_key_id": "", "tags": {}, "throughput": 125,
                "volume_id": "vol-" + hexid(), "volume_size": 8, "volume_type": "gp3"}],
            "subnet_id": "subnet-" + hexid(), "tags": tags(i), "tags_all": tags(i), "user_data": hexid(40),
            "vpc_security_group_ids": ["sg-" + hexid() for _ in range(2)]}

def policy(i, region):
    name = f"policy-{i}"
    doc = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [f"s3:Get{x}" for x in ("Object", "Bucket", "Acl")],
           "Resource": [f"arn:aws:s3:::bucket-{i}/*"]} for _ in range(3)]}
    return name, {"arn": f"arn:aws:iam::{ACCOUNT}:policy/{name}", "description": "", "id": f"arn:aws:iam::{ACCOUNT}:policy/{name}",
            "name": name, "path": "/", "policy": json.dumps(doc), "policy_id": "ANPA" + hexid(16).upper(), "tags": tags(i), "tags_all": tags(i)}

def db(i, region):
    name = f"db-{i}"
    return name, {"arn": f"arn:aws:rds:{region}:{ACCOUNT}:db:{name}", "allocated_storage": 20, "engine": "postgres",
            "engine_version": "15.4", "id": "db-" + hexid(26).upper(), "identifier": name, "instance_class": "db.t3.micro",
            "password": "s3cr3t-" + hexid(8), "username": "admin", "storage_encrypted": True, "deletion_protection": True,
            "tags": tags(i), "tags_all": tags(i), "vpc_security_group_ids": ["sg-" + hexid()]}

def route(i, region):  # no ARN: located by its provider
    rid = "r-rtb-" + hexid() + "1080289494"
    return rid, {"id": rid, "route_table_id": "rtb-" + hexid(), "destination_cidr_block": f"10.{i % 256}.0.0/16",
                 "nat_gateway_id": "nat-" + hexid(), "timeouts": None}

KINDS = [("aws_security_group", security_group, 1), ("aws_instance", instance, 1), ("aws_iam_policy", policy, 0),
         ("aws_db_instance", db, 1), ("aws_route", route, 1)]

def resource(n, kind, gen, schema):
    module = f'module.svc["{rnd.choice(["a", "b", "c", "d"])}-{n}"]' if n % 3 else ""
    west = n % 5 == 0
    region = "us-west-2" if west else "eu-west-1"
    instances = []
    for k in range(rnd.randint(1, 4)):
        _, attrs = gen(n * 10 + k, region)
        inst = {"index_key": k, "schema_version": schema, "attributes": attrs,
                "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]] if kind == "aws_db_instance" else [],
                "private": "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==", "dependencies": [f"module.net.aws_vpc.main"]}
        instances.append(inst)
    if n % 97 == 0:
        deposed = dict(instances[0]); deposed["deposed"] = hexid(8); instances.append(deposed)
    r = {"mode": "managed", "type": kind, "name": f"r{n}", "provider": AWS + (".west" if west else ""), "instances": instances}
    if module:
        r["module"] = module
    return r

target = size_mb * 1024 * 1024
with open(out, "w") as f:
    f.write('{\n  "version": 4,\n  "terraform_version": "1.11.4",\n  "serial": 812,\n  "lineage": "8a3c1f7e-bench",\n'
            '  "outputs": {},\n  "resources": [\n')
    written, n = 0, 0
    while written < target:
        kind, gen, schema = KINDS[n % len(KINDS)]
        text = json.dumps(resource(n, kind, gen, schema), indent=2)
        f.write(("" if n == 0 else ",\n") + text)
        written += len(text) + 2
        n += 1
    f.write('\n  ],\n  "check_results": null\n}\n')
print(f"{out}: {n} resources, {written / 1048576:.1f} MB")
