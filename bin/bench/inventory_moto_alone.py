"""moto alone, no scan running: how long its biggest answers take (the scan's share of moto's time).

Usage: inventory_moto_alone.py MOTO_URL REGION OUT.json
"""

import sys
import time

from bench_common import aws_client, log, write_json


def main():
    endpoint, region, out = sys.argv[1:4]
    ec2 = aws_client("ec2", endpoint, region)
    calls = (
        (
            "DescribeSecurityGroupRules",
            lambda: ec2.describe_security_group_rules(MaxResults=1000),
            "SecurityGroupRules",
        ),
        ("DescribeSecurityGroups", lambda: ec2.describe_security_groups(MaxResults=1000), "SecurityGroups"),
        ("DescribeSnapshots", lambda: ec2.describe_snapshots(OwnerIds=["self"], MaxResults=1000), "Snapshots"),
    )
    timed = {}
    for name, call, key in calls:
        t = time.monotonic()
        items = len(call()[key])
        timed[name] = {"items": items, "seconds": round(time.monotonic() - t, 2)}
    write_json(out, timed, indent=None)
    log("moto alone: " + ", ".join(f"{k} {v['items']} items in {v['seconds']} s" for k, v in timed.items()))


if __name__ == "__main__":
    sys.exit(main())
