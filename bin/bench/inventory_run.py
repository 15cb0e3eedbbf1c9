"""POST /api/scans (every target), polls each queued scan until it is finished, and meanwhile samples
the service's heap from /q/metrics. Reads the AWS request and resource counters before and after,
and the part of the GC log written during the scans. Writes OUT (JSON).

Usage: inventory_run.py API_URL OUT.json GC_LOG SERVICE_PID MOTO_PID KAFKA_PID (a pid may be empty)
Environment: BENCH_MANAGEMENT_URL (where /q/metrics is, default API_URL), BENCH_TOKEN_FILE (an API token
for the calls to /api; its value is sent as a header, never put on a command line).
"""

import json
import os
import re
import sys
import threading
import time
import urllib.request
from datetime import datetime

from bench_common import api_call, log, management_url, write_json


def main():
    api, out, gc_log, service_pid, moto_pid, kafka_pid = sys.argv[1:7]
    management = management_url(api)
    call = api_call

    TICK = os.sysconf("SC_CLK_TCK")
    SERIES = re.compile(r"^(\w+)\{(.*)\}\s+(\S+)$")
    LABEL = re.compile(r'(\w+)="([^"]*)"')

    def metrics():
        text = urllib.request.urlopen(f"{management}/q/metrics", timeout=30).read().decode()
        requests, resources, heap = {}, {}, 0.0
        for line in text.splitlines():
            m = SERIES.match(line)
            if not m:
                continue
            name, labels, value = m.group(1), dict(LABEL.findall(m.group(2))), float(m.group(3))
            if name == "driftwatch_aws_requests_total":
                key = f"{labels['service'].lower()}:{labels['operation']}"
                requests[key] = requests.get(key, 0) + value
            elif name == "driftwatch_resources_scanned_total":
                resources[labels["type"]] = resources.get(labels["type"], 0) + value
            elif name == "jvm_memory_used_bytes" and labels.get("area") == "heap":
                heap += value
        return requests, resources, heap

    def cpu(pid):
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / TICK
        except (OSError, IndexError, ValueError):
            return 0.0

    def postgres():
        total = 0.0
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    if open(f"/proc/{d}/comm").read().strip() == "postgres":
                        total += cpu(d)
                except OSError:
                    pass
        return total

    def cpu_now():
        return {
            "service": cpu(service_pid),
            "moto": cpu(moto_pid) if moto_pid else 0.0,
            "kafka": cpu(kafka_pid) if kafka_pid else 0.0,
            "postgres": postgres(),
            "poller": sum(os.times()[:2]),
            "machine": machine_busy(),
        }

    def machine_busy():
        f = list(map(int, open("/proc/stat").readline().split()[1:]))
        return (sum(f) - f[3] - f[4]) / TICK

    def instant(s):
        return datetime.fromisoformat(s.replace("Z", "+00:00"))

    # Heap sampled from /q/metrics every 0.5 s while the scans run (sum of the heap pools).
    samples, stop = [], threading.Event()

    def sample_heap():
        while not stop.is_set():
            try:
                samples.append(metrics()[2])
            except Exception:  # noqa: BLE001 - a missed sample is no reason to stop
                pass
            stop.wait(0.5)

    req_before, res_before, heap_before = metrics()
    gc_start = os.path.getsize(gc_log)
    cpu_before = cpu_now()
    sampler = threading.Thread(target=sample_heap, daemon=True)
    sampler.start()

    t0 = time.monotonic()
    with call(f"{api}/api/scans", method="POST", timeout=60) as r:
        assert r.status == 202, r.status
        queued = json.load(r)
    pending = {s["id"]: s for s in queued}
    finished = {}
    deadline = t0 + 3600
    while pending:
        for scan_id in list(pending):
            scan = json.load(call(f"{api}/api/scans/{scan_id}"))
            if scan["status"] not in ("QUEUED", "RUNNING"):
                scan["seen_finished_after"] = round(time.monotonic() - t0, 3)
                finished[scan_id] = scan
                del pending[scan_id]
        if time.monotonic() > deadline:
            sys.exit(f"scans {list(pending)} still unfinished after 3600 s")
        if (
            time.monotonic() - t0 > 120
            and finished
            and any(
                json.load(call(f"{api}/api/scans/{i}"))["status"] == "QUEUED"
                for i in pending
            )
        ):
            # Scans start within seconds of their request; one never started when another driftwatch on the
            # same Kafka (same consumer group) took its request off driftwatch.scan-requests.
            sys.exit(
                f"scans {list(pending)} still QUEUED 120 s after the request while the others finished: is another "
                "driftwatch using the Kafka on 127.0.0.1:9092? Its consumer group may have taken the request"
            )
        time.sleep(0.1)
    wall = time.monotonic() - t0
    cpu_after = cpu_now()
    stop.set()
    sampler.join()
    time.sleep(0.5)  # let the JVM's log writer catch up
    req_after, res_after, _ = metrics()

    with open(gc_log, errors="replace") as f:
        f.seek(gc_start)
        window = f.read()
    UNIT = {"K": 1 / 1024, "M": 1, "G": 1024}
    PAUSE = re.compile(r"GC\(\d+\) Pause (.*?) (\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)")
    pauses = [
        (
            m.group(1),
            int(m.group(2)) * UNIT[m.group(3)],
            int(m.group(4)) * UNIT[m.group(5)],
            int(m.group(6)) * UNIT[m.group(7)],
        )
        for m in PAUSE.finditer(window)
    ]

    scans = []
    for s in sorted(finished.values(), key=lambda s: s["region"]):
        scans.append(
            {
                "id": s["id"],
                "region": s["region"],
                "status": s["status"],
                "resources": s["resourcesScanned"],
                "findings_opened": s["findingsOpened"],
                "problems": s["problems"],
                "seconds": round((instant(s["finishedAt"]) - instant(s["startedAt"])).total_seconds(), 3),
                "queued_seconds": round((instant(s["startedAt"]) - instant(s["requestedAt"])).total_seconds(), 3),
                "seen_finished_after": s["seen_finished_after"],
            }
        )
    result = {
        "wall_seconds": round(wall, 3),
        "scans": scans,
        "requests": {k: int(v - req_before.get(k, 0)) for k, v in req_after.items() if v - req_before.get(k, 0) > 0},
        "resources": {k: int(v - res_before.get(k, 0)) for k, v in res_after.items()},
        "heap": {
            "metrics_samples": len(samples),
            "metrics_max_mb": round(max(samples, default=0) / 2**20, 1),
            "metrics_before_mb": round(heap_before / 2**20, 1),
            "gc_pauses": len(pauses),
            "gc_full": sum(1 for p in pauses if p[0].startswith("Full")),
            "gc_max_before_mb": max((p[1] for p in pauses), default=None),
            "gc_max_after_mb": max((p[2] for p in pauses), default=None),
            "gc_max_committed_mb": max((p[3] for p in pauses), default=None),
        },
        "cpu_seconds": {k: round(cpu_after[k] - cpu_before[k], 1) for k in cpu_before},
    }
    c = result["cpu_seconds"]
    c["other"] = round(c["machine"] - sum(v for k, v in c.items() if k != "machine"), 1)  # whatever else ran meanwhile
    write_json(out, result)
    log(
        f"{len(scans)} scans in {wall:.1f}s: "
        + "; ".join(f"{s['region']} {s['status']} {s['resources']} resources in {s['seconds']}s" for s in scans)
        + f"; {sum(result['requests'].values())} AWS requests; heap max {result['heap']}"
    )


if __name__ == "__main__":
    sys.exit(main())
