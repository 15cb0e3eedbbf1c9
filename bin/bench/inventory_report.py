"""Compares the AWS requests one scan of every target sent (measured, per operation) with what each
collector's code calls for this estate, and with the fewest requests the APIs allow; prints the
tables (Markdown) and writes result-N.json. Then, if the other size was run too, the scaling.

Usage: inventory_report.py WORK_DIR N (env BENCH_PEAK_RSS, BENCH_DRAIN_SECONDS: shown when set)
"""

import os
import subprocess
import sys

import call_model
from bench_common import read_json, write_json


def main():
    work, n = sys.argv[1], int(sys.argv[2])
    REGION_NAME = "us-east-1"
    seed = read_json(os.path.join(work, f"seed-{n}.json"))
    run = read_json(os.path.join(work, f"run-{n}.json"))
    L, I = seed["lists"], seed["items"]
    res = run["resources"]
    measured = run["requests"]

    # The model: what each type's collector calls, from the descriptors (api-calls.json).
    model = call_model.load()
    missing = call_model.missing(model, L, I)
    if missing:
        sys.exit(
            f"api-calls.json names counts the seed did not take: {', '.join(missing)} (add them to inventory_seed.py)"
        )
    rows = call_model.rows(model, L, I, res)
    UNCOUNTED = call_model.uncounted(model)

    # Measured requests per (service, operation), shared out over the types in proportion to the calls
    # the code makes: exact where the measured count equals the count predicted from the code.
    predicted_op = {}
    for t, svc, op, calls, *_ in rows:
        predicted_op[(svc, op)] = predicted_op.get((svc, op), 0) + calls
    measured_op = {tuple(k.split(":", 1)): v for k, v in measured.items()}
    for k in UNCOUNTED:  # taken as the code makes it: once per scan of the account
        measured_op.setdefault(k, predicted_op[k])
    types = sorted({r[0] for r in rows} | set(res))  # a type the model does not know still shows, without a minimum
    per_type = {
        t: {"resources": res.get(t, 0), "requests": 0.0, "predicted": 0, "min_moto": 0.0, "min_aws": 0.0} for t in types
    }
    for t, svc, op, calls, mmin, amin, share in rows:
        p = per_type[t]
        total = predicted_op[(svc, op)]
        p["requests"] += measured_op.get((svc, op), 0) * calls / total if total else 0
        p["predicted"] += calls
        p["min_moto"] += mmin / share
        p["min_aws"] += amin / share
    others = {k: v for k, v in measured_op.items() if k not in predicted_op}  # e.g. STS GetCallerIdentity

    tot_req = sum(p["requests"] for p in per_type.values())
    tot_min = sum(p["min_moto"] for p in per_type.values())
    tot_aws = sum(p["min_aws"] for p in per_type.values())
    tot_res = sum(s["resources"] for s in run["scans"])
    wall = run["wall_seconds"]
    heap = run["heap"]
    peak_used = max(heap["metrics_max_mb"], heap["gc_max_before_mb"] or 0)

    def fmt(x):
        return f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"

    out = []
    p = out.append
    p(f"#### N = {n:,}\n")
    p(
        f"Seeded in {seed['seed_seconds']} s (not measured). Scans: "
        + "; ".join(
            f"`{s['region']}` {s['status']}, {s['resources']:,} resources in {s['seconds']:.1f} s" for s in run["scans"]
        )
        + "."
    )
    p(
        f"Wall time from `POST /api/scans` to the last scan seen finished: **{wall:.1f} s**, "
        f"**{tot_res / wall:.0f} resources/s**. AWS requests: **{fmt(tot_req + sum(others.values()))}** "
        f"(minimum against moto {fmt(tot_min)}, ratio **{tot_req / tot_min:.2f}**; minimum on AWS {fmt(tot_aws)})."
    )
    p(
        f"Heap (`-Xmx512m`): peak used **{peak_used:.0f} MB** (the larger of the GC log's heap before each collection, "
        f"{heap['gc_max_before_mb']} MB, and `jvm_memory_used_bytes{{area=\"heap\"}}` sampled every 0.5 s, "
        f"{heap['metrics_max_mb']} MB, {heap['metrics_samples']} samples); "
        f"max after a collection **{heap['gc_max_after_mb']} MB**; "
        f"{heap['gc_pauses']} GC pauses during the scans, {heap['gc_full']} of them full; heap committed at most "
        f"{heap['gc_max_committed_mb']} MB."
    )
    # The service's own limit: driftwatch.aws.requests-per-second (default 20) per account and service, after
    # a burst (default 40). That alone sets a floor under the scan time of a service with many requests.
    rps = float(os.environ.get("DRIFTWATCH_AWS_REQUESTS_PER_SECOND", "20"))
    burst = float(os.environ.get("DRIFTWATCH_AWS_BURST", "40"))
    by_service = {}
    for (svc, op), v in measured_op.items():
        by_service[svc] = by_service.get(svc, 0) + v
    GLOBAL = call_model.global_services(model)  # read in the account's global scan
    floors = {}
    for scope, svcs in (
        ("global", [s for s in by_service if s in GLOBAL]),
        (REGION_NAME, [s for s in by_service if s not in GLOBAL | {"sts"}]),
    ):
        if svcs:
            busiest = max(svcs, key=lambda s: by_service[s])
            floors[scope] = (busiest, by_service[busiest], max(0.0, (by_service[busiest] - burst) / rps))
    p(
        "Rate limit ("
        + f"{rps:g} requests/s per service after a burst of {burst:g}"
        + ") alone: "
        + "; ".join(f"`{scope}` at least {f:.1f} s ({svc}: {r} requests)" for scope, (svc, r, f) in floors.items())
        + "."
    )
    overrides = {
        k: v
        for k, v in os.environ.items()
        if k.startswith("DRIFTWATCH_")
        and k not in ("DRIFTWATCH_INVENTORY_REGIONS", "DRIFTWATCH_SCAN_INTERVAL", "DRIFTWATCH_SCAN_INITIAL_DELAY")
    }
    if overrides:
        p(
            "Settings changed from the defaults for this run: "
            + ", ".join(f"`{k}={v}`" for k, v in sorted(overrides.items()))
            + "."
        )
    if os.environ.get("BENCH_PEAK_RSS"):
        p(
            f"Service peak RSS (VmHWM, whole run): {os.environ['BENCH_PEAK_RSS']}. Outbox drained "
            f"{os.environ.get('BENCH_DRAIN_SECONDS', '?')} s after the last scan finished (not part of the wall time)."
        )
    moto_alone = os.path.join(work, f"moto-{n}.json")
    if os.path.exists(moto_alone):
        p(
            "moto alone, after the scans, one call each: "
            + ", ".join(f"{k} {v['items']:,} items in {v['seconds']} s" for k, v in read_json(moto_alone).items())
            + "."
        )
    c = run["cpu_seconds"]
    p(
        f"CPU seconds during the scans: service {c['service']}, moto {c['moto']}, PostgreSQL {c.get('postgres', '?')}, "
        f"Kafka {c.get('kafka', '?')}, other processes {c.get('other', '?')}; whole machine {c['machine']} "
        f"(of {os.cpu_count() * wall:.0f} on {os.cpu_count()} cores).\n"
    )
    p("| type | resources | requests | minimum (moto) | ratio | minimum (AWS) |")
    p("|---|--:|--:|--:|--:|--:|")
    for t in types:
        q = per_type[t]
        if not q["predicted"]:
            p(f"| `{t}` (not modelled) | {q['resources']:,} | | | | |")
            continue
        ratio = q["requests"] / q["min_moto"] if q["min_moto"] else float("nan")
        flag = " ⚠" if ratio > 1.2 + 1e-9 else ""
        note = " ¹" if any(r[0] == t and (r[1], r[2]) in UNCOUNTED for r in rows) else ""
        p(
            f"| `{t}` | {q['resources']:,} | {fmt(q['requests'])}{note} | {fmt(q['min_moto'])} | "
            f"{ratio:.2f}{flag} | {fmt(q['min_aws'])} |"
        )
    for (svc, op), v in sorted(others.items()):
        p(f"| (not a collector) `{svc}:{op}` | | {v} | | | |")
    p(
        f"| **total (collectors)** | **{sum(q['resources'] for q in per_type.values()):,}** | **{fmt(tot_req)}** | "
        f"**{fmt(tot_min)}** | "
        f"**{tot_req / tot_min:.2f}** | **{fmt(tot_aws)}** |"
    )
    p("")
    if UNCOUNTED:
        p(
            "¹ not counted by `driftwatch_aws_requests_total` (the descriptor says so): taken as the code makes it, "
            "once per scan."
        )
    p("⚠ marks a ratio above 1.2.\n")
    mismatch = [
        (k, measured_op.get(k, 0), v)
        for k, v in sorted(predicted_op.items())
        if measured_op.get(k, 0) != v and k not in UNCOUNTED
    ]
    if mismatch:
        p(
            "Measured ≠ predicted from the code for: "
            + ", ".join(f"`{s}:{o}` {m} vs {v}" for (s, o), m, v in mismatch)
            + " (the table shares the measured count out in proportion).\n"
        )
    else:
        p(
            f"Every one of the {len(predicted_op) - len(UNCOUNTED)} counted operations was called exactly as often as "
            "the collectors' code predicts "
            "for this estate, so the per-type split of shared operations is exact.\n"
        )
    table = "\n".join(out)
    print(table)

    ops = [
        {"service": s, "operation": o, "measured": measured_op.get((s, o), 0), "predicted": v}
        for (s, o), v in sorted(predicted_op.items())
    ]
    result = {
        "n": n,
        "seed": seed,
        "run": run,
        "per_type": per_type,
        "operations": ops,
        "others": {f"{s}:{o}": v for (s, o), v in others.items()},
        "totals": {
            "resources": tot_res,
            "wall_seconds": wall,
            "resources_per_second": round(tot_res / wall, 1),
            "requests": round(tot_req + sum(others.values())),
            "requests_collectors": round(tot_req, 1),
            "min_moto": round(tot_min, 1),
            "min_aws": round(tot_aws, 1),
            "ratio": round(tot_req / tot_min, 3),
            "heap_after_gc_mb": heap["gc_max_after_mb"],
            "heap_peak_used_mb": round(peak_used),
            "gc_pauses": heap["gc_pauses"],
        },
        "cores": os.cpu_count(),
        "free": subprocess.run(["free", "-h"], capture_output=True, text=True).stdout,
        "cpu_model": next(
            (l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"
        ),
    }
    result["settings"] = overrides
    result["rate_limit_floor_seconds"] = {k: round(v[2], 1) for k, v in floors.items()}
    write_json(os.path.join(work, f"result-{n}.json"), result)
    open(os.path.join(work, f"result-{n}.md"), "w").write(table + "\n")

    # Scaling, when both sizes have been run.
    small, large = os.path.join(work, "result-1000.json"), os.path.join(work, "result-10000.json")
    if os.path.exists(small) and os.path.exists(large):
        a, b = read_json(small)["totals"], read_json(large)["totals"]
        lines = ["| | N = 1,000 | N = 10,000 | × |", "|---|--:|--:|--:|"]
        for label, key, unit in (
            ("resources scanned", "resources", ""),
            ("wall time", "wall_seconds", " s"),
            ("resources/s", "resources_per_second", ""),
            ("AWS requests", "requests", ""),
            ("minimum against moto", "min_moto", ""),
            ("ratio actual/minimum", "ratio", ""),
            ("heap, peak used", "heap_peak_used_mb", " MB"),
            ("heap, max after GC", "heap_after_gc_mb", " MB"),
            ("GC pauses during the scans", "gc_pauses", ""),
        ):
            x, y = a[key], b[key]
            lines.append(
                f"| {label} | {x:,}{unit} | {y:,}{unit} | {y / x:.2f} |" if x else f"| {label} | {x} | {y} | |"
            )
        scaling = "\n".join(lines)
        open(os.path.join(work, "scaling.md"), "w").write(scaling + "\n")
        print("\n#### Scaling 1,000 → 10,000\n")
        print(scaling)
    incomplete = [s for s in run["scans"] if s["status"] != "COMPLETE"]
    for s in incomplete:
        print(
            f"\nWARNING: the {s['region']} scan is {s['status']}: "
            + "; ".join(f"{x['part']}: {x['reason']}" for x in s["problems"])
        )
    sys.exit(1 if incomplete else 0)


if __name__ == "__main__":
    sys.exit(main())
