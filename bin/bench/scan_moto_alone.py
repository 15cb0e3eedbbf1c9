"""bin/bench-scan, step 6: moto alone answering one DescribeSecurityGroups (boto3 once, curl twice).

   python3 bin/bench/scan_moto_alone.py MOTO_URL REGION MOTO_JSON_OUT
"""
import json, subprocess, sys, time

from bench_common_scan import moto_ec2

endpoint, region, out = sys.argv[1:4]
ec2 = moto_ec2(endpoint, region)
t = time.monotonic()
page = ec2.describe_security_groups(MaxResults=1000)
boto_seconds = time.monotonic() - t
returned, next_token = len(page["SecurityGroups"]), "NextToken" in page
# The same call without boto3's XML parsing: time to the last byte of moto's answer, twice.
raw_times = []
for _ in range(2):
    r = subprocess.run(["curl", "-fsS", "-o", "/dev/null", "-w", "%{time_total} %{size_download}",
                        "--aws-sigv4", f"aws:amz:{region}:ec2", "--user", "test:test",
                        "--data", "Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=1000", endpoint + "/"],
                       check=True, capture_output=True, text=True)
    seconds, size = r.stdout.split()
    raw_times.append(float(seconds))
result = {"groups_returned": returned, "next_token": next_token,
          "boto3_seconds": round(boto_seconds, 3), "http_seconds": [round(t, 3) for t in raw_times],
          "response_bytes": int(size)}
json.dump(result, open(out, "w"))
