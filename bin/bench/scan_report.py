"""bin/bench-scan, the report: reads seed.json, moto.json, run-1.json and run-2.json from WORK_DIR, prints
the table, writes result-N.json and exits 1 when a check failed (see bin/bench-scan).

   BENCH_LOAD_START=... BENCH_SCANS_RUN=... BENCH_KAFKA_SHARED=... python3 bin/bench/scan_report.py WORK_DIR N
"""
import json, math, os, platform, subprocess, sys

work, n = sys.argv[1], int(sys.argv[2])
load = lambda name: json.load(open(os.path.join(work, name)))
seed, moto, runs = load("seed.json"), load("moto.json"), [load("run-1.json"), load("run-2.json")]
groups, rules = seed["groups_in_account"], seed.get("rules_in_account", 0)
aws_minimum = math.ceil(groups / 1000)  # DescribeSecurityGroups pages on AWS (MaxResults <= 1000)
# moto may ignore MaxResults and answer every group at once: then one request is the minimum here.
minimum = 1 if not moto["next_token"] and moto["groups_returned"] >= groups else aws_minimum
expected = {"UNMANAGED aws_security_group": seed["expected_unmanaged"],
            "CHANGED aws_security_group": seed["expected_changed"]}
load = open("/proc/loadavg").read().split()[:3]
mem = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.splitlines()[1].split()[1]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")

def requests(r, operation):
    return sum(v for k, v in r["aws_requests"].items() if k.split(":")[1] == operation)

print(f"\nbin/bench-scan {n}   on {os.cpu_count()} cores ({cpu}), {mem} RAM, {platform.system()} {platform.release()}")
print(f"load average at the start: {os.environ.get('BENCH_LOAD_START')}, at the end: {' '.join(load)}")
print(f"moto: {groups} groups in the account ({n} seeded in {seed['seed_seconds']}s + default groups), {rules} rules; "
      f"state: {seed['in_state']} groups, {seed['expected_changed']} deliberately different "
      f"({seed['changed_tags']} tags, {seed['changed_ingress']} ingress)")
print(f"expected open findings after the first scan: {seed['expected_unmanaged']} UNMANAGED + "
      f"{seed['expected_changed']} CHANGED aws_security_group\n")
rows = [("", "status", "scan time", "wall time", "queued", "resources", "opened", "updated", "resolved",
         "SG UNMANAGED/CHANGED", "AWS requests", "DescribeSecurityGroups", "min (moto)", "ratio", "min (AWS)")]
ok = True
for label, r in zip(("first (cold)", "second (warm)"), runs):
    sg = requests(r, "DescribeSecurityGroups")
    found = r.get("open_findings", {})
    rows.append((label, r["status"], f"{r['scan_seconds']:.3f}s", f"{r['wall_seconds']:.3f}s",
                 f"{r['queue_seconds']:.3f}s", str(r["resources_scanned"]), str(r["findings_opened"]),
                 str(r["findings_updated"]), str(r["findings_resolved"]),
                 f"{found.get('UNMANAGED aws_security_group', 0)}/{found.get('CHANGED aws_security_group', 0)}",
                 str(sum(r["aws_requests"].values())), str(sg), str(minimum), f"{sg / minimum:.2f}", str(aws_minimum)))
    ok &= r["status"] == "COMPLETE"
widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
for row in rows:
    print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
for label, r in zip(("first", "second"), runs):
    for p in r["problems"]:
        print(f"PROBLEM {label} scan: {p['part']}: {p['reason']}")
print()
for label, r in zip(("first", "second"), runs):
    reqs = ", ".join(f"{k.split(':')[1]} {v}" for k, v in sorted(r["aws_requests"].items(),
                                                                  key=lambda kv: kv[0].split(":")[1])) or "none"
    print(f"AWS requests of the {label} scan: {reqs}")
for label, r in zip(("first", "second"), runs):
    c = r["cpu_seconds"]
    print(f"CPU seconds during the {label} scan: service {c['service']}, moto {c['moto']}, postgres {c['postgres']}, "
          f"kafka {c['kafka']}, poller {c['poller']}, other processes {c['other']} "
          f"(of {os.cpu_count() * r['wall_seconds']:.1f} available)")
others = {k: v for k, v in runs[0].get("open_findings", {}).items() if k not in expected}
if others:
    print("other open findings (not planted by the benchmark): "
          + ", ".join(f"{v} {k}" for k, v in sorted(others.items())))
print(f"\nmin (moto) = fewest DescribeSecurityGroups requests that can read {groups} groups from this moto; "
      f"ratio = DescribeSecurityGroups requests / min (moto); min (AWS) = ceil({groups} / 1000) pages, MaxResults "
      f"being at most 1000. STS GetCallerIdentity is asked once per process.")
if requests(runs[0], "DescribeSecurityGroupRules"):
    print(f"DescribeSecurityGroupRules: {requests(runs[0], 'DescribeSecurityGroupRules')} and "
          f"{requests(runs[1], 'DescribeSecurityGroupRules')} requests for {rules} rules; "
          f"minimum ceil({rules} / 1000) = {math.ceil(rules / 1000)} per listing")
print(f"moto alone, one DescribeSecurityGroups(MaxResults=1000): {moto['groups_returned']} groups returned"
      f"{' with' if moto['next_token'] else ', no'} NextToken; {moto['boto3_seconds']:.3f}s with boto3; "
      f"{' and '.join(f'{t:.3f}s' for t in moto['http_seconds'])} to the last byte with curl "
      f"({moto['response_bytes'] / 1e6:.1f} MB)")
if not moto["next_token"] and moto["groups_returned"] > 1000:
    print("note: this moto ignores MaxResults and answers every group in one page, so against moto a scan "
          "needs one request whatever N is; on AWS, pages of at most 1000 make it 'min (AWS)'.")
scans_run = int(os.environ.get("BENCH_SCANS_RUN") or 0)
if os.environ.get("BENCH_KAFKA_SHARED") == "true":
    print("note: Kafka on 127.0.0.1:9092 belonged to another process and was shared")
if scans_run != 2:
    print(f"WARNING: the service ran {scans_run} scans for the 2 requested (scan requests from another instance "
          f"sharing Kafka?); the requests and times above include them")
    ok = False
for key, want in expected.items():
    got = runs[0].get("open_findings", {}).get(key, 0)
    if got != want:
        print(f"WARNING: {got} open {key} findings after the first scan, expected {want}")
        ok = False
if runs[1]["findings_opened"] or runs[1]["findings_updated"] or runs[1]["findings_resolved"]:
    print("WARNING: the second scan changed findings; it should have found the same drift")
    ok = False
result = {"n": n, "cores": os.cpu_count(), "cpu": cpu, "memory": mem,
          "loadavg_start": os.environ.get("BENCH_LOAD_START"), "loadavg_end": " ".join(load),
          "kafka_shared": os.environ.get("BENCH_KAFKA_SHARED") == "true", "scans_run": scans_run,
          "seed": seed, "moto": moto,
          "min_requests_moto": minimum, "min_requests_aws": aws_minimum, "runs": runs}
json.dump(result, open(os.path.join(work, f"result-{n}.json"), "w"), indent=2)
print(f"\nresults: {os.path.join(work, f'result-{n}.json')}")
sys.exit(0 if ok else 1)
