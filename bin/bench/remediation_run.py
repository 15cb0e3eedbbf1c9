"""bin/bench-remediation, the measured part: scan both accounts through the API, wait for every remediation to
end, read each one's timeline; then a control scan of the fixed estate, to count a scan's own AWS requests.

   python3 bin/bench/remediation_run.py API_URL N TIMEOUT_SECONDS RUN_JSON_OUT SERVICE_PID MOTO_PID KAFKA_PID

The AWS request counters (driftwatch_aws_requests_total) are read before the POST, when both scans are seen
finished, when every remediation has ended, and around the control scan; CPU times at the first three. Environment as bench_common
reads it: BENCH_TOKEN_FILE (the API token), BENCH_MANAGEMENT_URL (where /q/metrics is).
"""

import glob
import json
import os
import re
import sys
import time
import urllib.request
from datetime import datetime

from bench_common import api_call, log, management_url, write_json

REGION = "us-east-1"
ACCOUNTS = ("123456789012", "222222222222")
IN_FLIGHT = {"PLANNED", "AWAITING_APPROVAL", "APPROVED", "RUNNING", "WRITING"}
TICK = os.sysconf("SC_CLK_TCK")
SERIES = re.compile(r"^driftwatch_aws_requests_total\{(.*)\}\s+(\S+)$")


def get(api, path, timeout=60):
    with api_call(api + path, timeout=timeout) as r:
        return json.load(r)


def aws_requests(api):
    """driftwatch_aws_requests_total per "Service:Operation" (e.g. "Ec2:DescribeSecurityGroups")."""
    text = urllib.request.urlopen(f"{management_url(api)}/q/metrics", timeout=30).read().decode()
    counts = {}
    for line in text.splitlines():
        m = SERIES.match(line)
        if m:
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            key = f"{labels.get('service')}:{labels.get('operation')}"
            counts[key] = counts.get(key, 0) + float(m.group(2))
    return counts


def cpu_seconds(pids):
    """CPU seconds so far (user + system) of each named pid, of every postgres process, and of the machine."""

    def of(stat_path):
        try:
            text = open(stat_path).read()
        except OSError:
            return None, 0.0
        fields = text[text.rindex(")") + 2 :].split()
        return text[text.index("(") + 1 : text.rindex(")")], (int(fields[11]) + int(fields[12])) / TICK

    result = {name: of(f"/proc/{pid}/stat")[1] if pid else 0.0 for name, pid in pids.items()}
    # PostgreSQL per process: backends come and go, so a sum over pids at each moment.
    result["postgres"] = {p: t for p in glob.glob("/proc/[0-9]*/stat") for c, t in [of(p)] if c == "postgres"}
    machine = open("/proc/stat").readline().split()[1:]
    result["machine"] = (sum(map(int, machine)) - int(machine[3]) - int(machine[4])) / TICK  # minus idle, iowait
    result["poller"] = sum(os.times()[:2])  # this script
    return result


def cpu_between(before, after):
    d = {k: round(after[k] - before[k], 2) for k in before if k != "postgres"}
    d["postgres"] = round(sum(t - before["postgres"].get(p, 0.0) for p, t in after["postgres"].items()), 2)
    d["other"] = round(d["machine"] - sum(v for k, v in d.items() if k != "machine"), 2)
    return d


def delta(before, after):
    return {k: int(after[k] - before.get(k, 0)) for k in sorted(after) if after[k] - before.get(k, 0) > 0}


def instant(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def scan(api, deadline):
    """POST /api/scans for both accounts in us-east-1; polls until both are finished. Returns the scan records."""
    with api_call(f"{api}/api/scans?region={REGION}", method="POST") as r:
        assert r.status == 202, r.status
        queued = json.load(r)
    if sorted(s["account"] for s in queued) != sorted(ACCOUNTS):
        sys.exit(f"POST /api/scans queued {queued}, expected one scan of each of {ACCOUNTS}")
    done = {}
    while len(done) < len(queued):
        for s in queued:
            if s["id"] not in done:
                now = get(api, f"/api/scans/{s['id']}")
                if now["status"] not in ("QUEUED", "RUNNING"):
                    done[s["id"]] = now
        if time.monotonic() > deadline:
            sys.exit(f"scans still running at the deadline: {[s['id'] for s in queued if s['id'] not in done]}")
        time.sleep(0.1)
    return [done[s["id"]] for s in queued]


def remediations(api):
    """Every remediation, one list per account (a list answers at most 1,000: this covers N up to 2,000)."""
    return [r for a in ACCOUNTS for r in get(api, f"/api/remediations?account={a}")]


def main():
    api, n, timeout, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    pids = dict(zip(("service", "moto", "kafka"), sys.argv[5:8]))

    m0, c0 = aws_requests(api), cpu_seconds(pids)
    t0 = time.monotonic()
    deadline = t0 + timeout
    scans = scan(api, deadline)
    scans_wall = time.monotonic() - t0
    m1, c1 = aws_requests(api), cpu_seconds(pids)
    scans_done_at = datetime.now().astimezone()
    log(
        f"scans finished after {scans_wall:.1f} s: "
        + "; ".join(f"{s['account']} {s['status']}, {s['resourcesScanned']} resources" for s in scans)
    )

    # Wait for every remediation to end. Polled once a second: each poll lists them all, and the service's CPU
    # time is measured.
    while True:
        rows = remediations(api)
        statuses = {}
        for r in rows:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        verified = statuses.get("VERIFIED", 0)
        ended = len(rows) >= n and not IN_FLIGHT & statuses.keys()
        if verified >= n or ended or time.monotonic() > deadline:
            break
        time.sleep(1)
    wall = time.monotonic() - t0
    m2, c2 = aws_requests(api), cpu_seconds(pids)
    log(f"remediations after {wall:.1f} s: {statuses}")

    # Each remediation's timeline (not timed). Verified via the list too, as the brief's check.
    verified_ids = {r["id"] for a in ACCOUNTS for r in get(api, f"/api/remediations?status=VERIFIED&account={a}")}
    fixes = []
    for r in rows:
        detail = get(api, f"/api/remediations/{r['id']}")
        steps = {}
        for s in detail["timeline"]:
            steps.setdefault(s["step"], s["at"])  # the first of each step
        fixes.append(
            {
                "id": r["id"],
                "account": r["account"],
                "group": r["resourceId"],
                "status": detail["remediation"]["status"],
                "reason": detail["remediation"]["reason"],
                "listed_verified": r["id"] in verified_ids,
                "steps": steps,
                "timeline": detail["timeline"] if detail["remediation"]["status"] != "VERIFIED" else None,
            }
        )

    # The control scan: the same two scans of the same groups, now fixed. Its AWS requests are what the first
    # scans sent (the estate differs by one rule per group, which no page count depends on).
    m3 = aws_requests(api)
    control = scan(api, time.monotonic() + max(timeout, 300))
    m4 = aws_requests(api)

    write_json(
        out,
        {
            "n": n,
            "timed_out": verified < n and not ended,
            "scans": [
                {k: s[k] for k in ("id", "account", "status", "problems", "startedAt", "finishedAt",
                                   "resourcesScanned", "findingsOpened")}
                for s in scans
            ],
            "scans_wall_seconds": round(scans_wall, 3),
            "scans_seen_finished_at": scans_done_at.isoformat(),
            "wall_seconds": round(wall, 3),
            "statuses": statuses,
            "fixes": fixes,
            "requests": {"scans": delta(m0, m1), "after_scans": delta(m1, m2), "control_scan": delta(m3, m4)},
            "control_scans": [{k: s[k] for k in ("id", "account", "status", "resourcesScanned")} for s in control],
            "cpu_seconds": {"scans": cpu_between(c0, c1), "remediation": cpu_between(c1, c2),
                            "total": cpu_between(c0, c2)},
        },
    )


if __name__ == "__main__":
    sys.exit(main())
