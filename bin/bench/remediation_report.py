"""bin/bench-remediation, the report: times from the timelines, AWS requests per fix, CPU; a table on stdout and
target/bench/remediation-N.json. Exits 1 unless all N remediations ended VERIFIED and moto shows no group still
open to the world on port 22.

   python3 bin/bench/remediation_report.py WORK_DIR N RESULT_JSON_OUT

Environment (recorded when set): BENCH_LOAD_START, BENCH_KAFKA_SHARED, BENCH_APP_BUILT, BENCH_HEAD; DRIFTWATCH_*
settings given to the run.
"""

import math
import os
import sys
from datetime import datetime

from bench_common import read_json, write_json

DESCRIBE, REVOKE = "Ec2:DescribeSecurityGroups", "Ec2:RevokeSecurityGroupIngress"


def instant(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def percentile(values, p):
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def seconds_between(steps, first, last):
    return (instant(steps[last]) - instant(steps[first])).total_seconds()


def main():
    work, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    seed = read_json(os.path.join(work, f"seed-{n}.json"))
    run = read_json(os.path.join(work, f"run-{n}.json"))
    moto = read_json(os.path.join(work, f"check-{n}.json"))
    ok = True
    problems = []

    fixes = run["fixes"]
    done = [f for f in fixes if f["status"] == "VERIFIED" and "planned" in f["steps"] and "verified" in f["steps"]]
    latency = [seconds_between(f["steps"], "planned", "verified") for f in done]
    to_applied = [seconds_between(f["steps"], "planned", "applied") for f in done if "applied" in f["steps"]]
    to_verified = [seconds_between(f["steps"], "applied", "verified") for f in done if "applied" in f["steps"]]
    first_planned = min((instant(f["steps"]["planned"]) for f in fixes if "planned" in f["steps"]), default=None)
    last_verified = max((instant(f["steps"]["verified"]) for f in done), default=None)
    first_scan_finished = min(instant(s["finishedAt"]) for s in run["scans"])
    scans_seen = instant(run["scans_seen_finished_at"])

    # AWS requests. Over the whole measured run (POST to the last remediation ended) minus what a scan of both
    # accounts sends, measured by the control scan of the same estate afterwards ("subtract").
    # Cross-check: what was counted between "both scans seen finished" and the end ("snapshot"); the two agree
    # when no remediation ran before both scans were seen finished.
    scans, after, control = run["requests"]["scans"], run["requests"]["after_scans"], run["requests"]["control_scan"]
    total = {k: scans.get(k, 0) + after.get(k, 0) for k in set(scans) | set(after)}
    describe_fix = total.get(DESCRIBE, 0) - control.get(DESCRIBE, 0)
    revoke = total.get(REVOKE, 0)
    describe_snapshot = after.get(DESCRIBE, 0)
    early = sum(1 for f in fixes if "planned" in f["steps"] and instant(f["steps"]["planned"]) < scans_seen)
    per_fix = (describe_fix + revoke) / n
    # Requests of the remediation phase besides those two (e.g. the remediator role's STS AssumeRole).
    others = {k: v for k, v in after.items() if k not in (DESCRIBE, REVOKE)}

    verified = len(done)
    still_open = {a: v["still_open"] for a, v in moto.items() if v["still_open"]}
    if verified != n:
        ok = False
        problems.append(f"{verified} of {n} remediations VERIFIED" + (" (timed out)" if run["timed_out"] else ""))
    if sum(1 for f in fixes if f["listed_verified"]) != verified:
        problems.append("GET /api/remediations?status=VERIFIED does not list the same remediations as their details")
    if still_open:
        ok = False
        problems.append(f"moto still has groups open to the world on 22: {still_open}")
    if revoke != n:
        problems.append(f"{revoke} RevokeSecurityGroupIngress for {n} groups")
    for s in run["scans"] + run["control_scans"]:
        if s["status"] != "COMPLETE":
            problems.append(f"scan {s['id']} of {s['account']} ended {s['status']}")
    for f in fixes:
        if f["status"] != "VERIFIED":
            problems.append(f"remediation {f['id']} ({f['account']} {f['group']}): {f['status']}: {f['reason']}")

    # Where each account's fixes fell, from the first `planned` of all: the intake (one consumer of the findings
    # topic) records decisions in event order, so one account's can start well after the other's.
    accounts = {}
    for a in seed["groups"]:
        mine = [f for f in done if f["account"] == a]
        if mine and first_planned:
            at = lambda step: sorted((instant(f["steps"][step]) - first_planned).total_seconds() for f in mine)
            planned, verified_at = at("planned"), at("verified")
            accounts[a] = {"planned_from": round(planned[0], 3), "planned_to": round(planned[-1], 3),
                           "verified_from": round(verified_at[0], 3), "verified_to": round(verified_at[-1], 3)}
    # The floor the AWS rate limit alone sets (driftwatch.aws.requests-per-second per account and service, after
    # a burst): each account's fixes need their EC2 requests, the accounts in parallel.
    rps = float(os.environ.get("DRIFTWATCH_AWS_REQUESTS_PER_SECOND", "20"))
    burst = float(os.environ.get("DRIFTWATCH_AWS_BURST", "40"))
    floor = max(max(0.0, (per_fix * len(g) - burst) / rps) for g in seed["groups"].values())
    # Settings given to this run through the environment (the script's own are fixed; these change defaults).
    overrides = {k: v for k, v in sorted(os.environ.items())
                 if k.startswith("DRIFTWATCH_") and k != "DRIFTWATCH_AUTH_BOOTSTRAP_TOKEN_FILE"}

    cpu = run["cpu_seconds"]
    wall_fix = (last_verified - first_planned).total_seconds() if done else None
    result = {
        "n": n,
        "ok": ok,
        "service_built": os.environ.get("BENCH_APP_BUILT"),
        "git_head": os.environ.get("BENCH_HEAD"),
        "machine": {"cores": os.cpu_count(), "loadavg_start": os.environ.get("BENCH_LOAD_START"),
                    "loadavg_end": " ".join(open("/proc/loadavg").read().split()[:3])},
        "kafka_shared": os.environ.get("BENCH_KAFKA_SHARED") == "true",
        "seed_seconds": seed["seed_seconds"],
        "groups_per_account": {a: len(g) for a, g in seed["groups"].items()},
        "verified": verified,
        "statuses": run["statuses"],
        "wall_seconds_post_to_all_ended": run["wall_seconds"],
        "scans_wall_seconds": run["scans_wall_seconds"],
        "scans": run["scans"],
        "first_scan_finished_to_first_planned_seconds": round((first_planned - first_scan_finished).total_seconds(), 3)
        if first_planned else None,
        "wall_seconds_first_planned_to_last_verified": round(wall_fix, 3) if done else None,
        "per_account_seconds_after_first_planned": accounts,
        "settings_from_environment": overrides,
        "rate_limit_floor_seconds": round(floor, 1),
        "latency_seconds": {
            "planned_to_verified": summary(latency),
            "planned_to_applied": summary(to_applied),
            "applied_to_verified": summary(to_verified),
        },
        "aws_requests": {
            "revoke": revoke,
            "describe_whole_run": total.get(DESCRIBE, 0),
            "describe_control_scan": control.get(DESCRIBE, 0),
            "describe_remediation": describe_fix,
            "describe_after_scans_seen_finished": describe_snapshot,
            "remediations_planned_before_scans_seen_finished": early,
            "per_fix": round(per_fix, 3),
            "other_after_scans": others,
            "scans": scans,
            "control_scan": control,
        },
        "cpu_seconds": cpu,
        "problems": problems,
    }
    write_json(out, result)

    # The readable table.
    def s(x):
        return "–" if x is None else f"{x:.2f} s"

    lat = result["latency_seconds"]["planned_to_verified"]
    rows = [
        ("violations (groups world-open on 22)",
         f"{n:,} ({', '.join(f'{a}: {c}' for a, c in result['groups_per_account'].items())})"),
        ("VERIFIED", f"{verified:,} of {n:,}   statuses {run['statuses']}"),
        ("scans (POST to both finished)", f"{run['scans_wall_seconds']:.2f} s; "
         + "; ".join(f"{x['account']} {x['status']} {x['resourcesScanned']} resources" for x in run["scans"])),
        ("first scan finished → first planned", s(result["first_scan_finished_to_first_planned_seconds"])),
        ("wall, first planned → last verified", s(wall_fix)),
        ("   rate limit alone, at least", f"{floor:.1f} s ({rps:g} requests/s per account after a burst of {burst:g})"),
        ("wall, POST → all ended", f"{run['wall_seconds']:.2f} s"),
        ("per fix, planned → verified", f"p50 {s(lat['p50'])}, p95 {s(lat['p95'])}, max {s(lat['max'])}"),
        ("   of which planned → applied", f"p50 {s(lat_of(result, 'planned_to_applied', 'p50'))}, "
                                          f"p95 {s(lat_of(result, 'planned_to_applied', 'p95'))}"),
        ("   of which applied → verified", f"p50 {s(lat_of(result, 'applied_to_verified', 'p50'))}, "
                                           f"p95 {s(lat_of(result, 'applied_to_verified', 'p95'))}"),
        *((f"   account {a}", f"planned {w['planned_from']:.1f}–{w['planned_to']:.1f} s, "
                                f"verified {w['verified_from']:.1f}–{w['verified_to']:.1f} s after the first planned")
          for a, w in accounts.items()),
        ("RevokeSecurityGroupIngress", f"{revoke:,}"),
        ("DescribeSecurityGroups, remediation", f"{describe_fix:,} = {total.get(DESCRIBE, 0):,} in the run − "
         f"{control.get(DESCRIBE, 0):,} of a scan of both accounts (control scan); "
         f"{describe_snapshot:,} after both scans were seen finished ({early} planned before that)"),
        ("AWS requests per fix", f"{per_fix:.2f}   ((DescribeSecurityGroups + Revoke) / N; target ≤ 3)"),
        ("other requests, remediation phase", ", ".join(f"{k} {v}" for k, v in others.items()) or "none"),
        ("CPU s, scans: service / moto / PG / Kafka / other",
         " / ".join(str(cpu["scans"][k]) for k in ("service", "moto", "postgres", "kafka", "other"))),
        ("CPU s, remediation: service / moto / PG / Kafka / other",
         " / ".join(str(cpu["remediation"][k]) for k in ("service", "moto", "postgres", "kafka", "other"))),
        ("service", f"built {result['service_built']}, HEAD {result['git_head']}"),
        ("machine", f"{os.cpu_count()} cores; load average {result['machine']['loadavg_start']} at the start, "
                    f"{result['machine']['loadavg_end']} at the end"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"\nbin/bench-remediation {n}\n")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    if lat["p95"] is not None:
        p95 = f"{'met' if lat['p95'] < 5 else 'MISSED'} ({lat['p95']:.2f} s)" if n == 100 else "set for N = 100 only"
        print(f"\ntarget p95 < 5 s per fix at 100 violations: {p95}; "
              f"target ≤ 3 AWS requests per fix: {'met' if per_fix <= 3 else 'MISSED'} ({per_fix:.2f})")
    if overrides:
        print("settings changed from the defaults through the environment: "
              + ", ".join(f"{k}={v}" for k, v in overrides.items()))
    if result["kafka_shared"]:
        print("note: the Kafka broker was not started by this script and may be shared")
    for p in problems:
        print(f"WARNING: {p}")
    print(f"\nresults: {out}")
    return 0 if ok else 1


def summary(values):
    if not values:
        return {"count": 0, "p50": None, "p95": None, "max": None, "mean": None}
    return {"count": len(values), "p50": round(percentile(values, 50), 3), "p95": round(percentile(values, 95), 3),
            "max": round(max(values), 3), "mean": round(sum(values) / len(values), 3)}


def lat_of(result, name, p):
    return result["latency_seconds"][name][p]


if __name__ == "__main__":
    sys.exit(main())
