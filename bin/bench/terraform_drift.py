"""bin/bench-terraform: drift made out of band with boto3 on the applied estate of about N resources:
N/50 groups retagged, N/50 groups given an extra SSH rule, N/50 roles re-described.

   python3 bin/bench/terraform_drift.py MOTO_URL N
"""
import sys

import boto3

endpoint, n = sys.argv[1], int(sys.argv[2])
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
ec2, iam = boto3.client("ec2", **kw), boto3.client("iam", **kw)
k = max(1, n // 50)
groups = {g["GroupName"]: g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"]}
for i in range(k):
    ec2.create_tags(Resources=[groups[f"app-{i}"]], Tags=[{"Key": "Team", "Value": "changed-by-hand"}])
    ec2.authorize_security_group_ingress(GroupId=groups[f"app-{k + i}"], IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    iam.update_role(RoleName=f"bench{n}-app-{i}", Description="edited in the console")
print(f"drift made: {k} groups retagged, {k} groups with an extra rule, {k} roles re-described")
