"""bin/bench-sweeper, the timed parts.

   python3 bin/bench/sweeper_run.py destroy API_URL OUT_JSON MOTO_PID MOTO_LOG SERVICE_PID -- terraform ARGS...
   python3 bin/bench/sweeper_run.py sweep API_URL OUT_JSON MOTO_PID MOTO_LOG SERVICE_PID ACCOUNT TIMEOUT_SECONDS
   python3 bin/bench/sweeper_run.py warmup API_URL OUT_JSON MOTO_PID MOTO_LOG SERVICE_PID ACCOUNT TIMEOUT_SECONDS

`destroy` runs the command (terraform destroy) and records its wall time, the CPU seconds of it and its children
(the provider plugin), of moto, of the service and of the machine, and the requests moto answered meanwhile
(the lines moto's request log gained: werkzeug writes one per request) together with the service's own
driftwatch_aws_requests_total (which must not move: the service is idle then).

`sweep` sends POST /api/sweeps {"account": ACCOUNT} and polls GET /api/sweeps/{id} every 0.2 s until the sweep
has ended; records the wall time from the POST to the poll that saw it ended, the sweep's plannedAt/finishedAt,
driftwatch_aws_requests_total by operation over the run (from /q/metrics on the management port), moto's request
lines, the CPU seconds as above, and the sweep's report (totals by type, every item not DELETED).
`warmup` asks for a dry-run sweep of the account and waits until it is PLANNED (BENCH_WARMUP=1; not timed).
Environment as bench_common reads it: BENCH_TOKEN_FILE, BENCH_MANAGEMENT_URL.
"""

import json
import os
import resource
import subprocess
import sys
import time
import urllib.request

from bench_common import _token, log, write_json
from remediation_run import aws_requests, cpu_between, cpu_seconds, delta, instant


def moto_lines(path):
    """Requests moto has answered so far: one werkzeug line per request (`... "POST / HTTP/1.1" 200 -`)."""
    if not path or not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return sum(1 for line in f if b'" HTTP/1.1" ' in line or b' HTTP/1.1" ' in line)


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def api(url, method="GET", body=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, method=method, data=data)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    token = _token()
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=timeout) as r:
        return r.status, json.load(r)


def destroy(api_url, out, pids, moto_log, command):
    m0, c0, l0, k0 = aws_requests(api_url), cpu_seconds(pids), moto_lines(moto_log), children_cpu()
    t0 = time.monotonic()
    rc = subprocess.call(command)
    wall = time.monotonic() - t0
    m1, c1, l1, k1 = aws_requests(api_url), cpu_seconds(pids), moto_lines(moto_log), children_cpu()
    result = {
        "command": " ".join(command),
        "exit": rc,
        "wall_seconds": round(wall, 2),
        "moto_requests": None if l0 is None else l1 - l0,
        "service_aws_requests_meanwhile": delta(m0, m1),
        "cpu_seconds": {**cpu_between(c0, c1), "terraform": round(k1 - k0, 2)},
    }
    # terraform and its provider plugin are this script's children: not "other" load.
    result["cpu_seconds"]["other"] = round(result["cpu_seconds"]["other"] - result["cpu_seconds"]["terraform"], 2)
    write_json(out, result)
    log(f"terraform destroy: exit {rc}, {wall:.1f} s, {result['moto_requests']} requests to moto")
    return 0 if rc == 0 else 1


def sweep(api_url, out, pids, moto_log, account, timeout):
    m0, c0, l0 = aws_requests(api_url), cpu_seconds(pids), moto_lines(moto_log)
    t0 = time.monotonic()
    status, queued = api(f"{api_url}/api/sweeps", "POST", {"account": account})
    if status != 202:
        sys.exit(f"POST /api/sweeps answered {status}: {queued}")
    sweep_id = queued["id"]
    seen = None
    while True:
        _, detail = api(f"{api_url}/api/sweeps/{sweep_id}")
        view = detail["sweep"]
        if view["status"] != seen:
            seen = view["status"]
            log(f"sweep {sweep_id}: {seen} after {time.monotonic() - t0:.1f} s")
        if view["status"] in ("REFUSED", "PLANNED", "COMPLETED", "FAILED", "CAPPED"):
            break
        if time.monotonic() - t0 > timeout:
            log(f"sweep {sweep_id} still {view['status']} after {timeout} s")
            break
        time.sleep(0.2)
    wall = time.monotonic() - t0
    m1, c1, l1 = aws_requests(api_url), cpu_seconds(pids), moto_lines(moto_log)
    items = detail["items"]
    outcomes = {}
    for i in items:
        key = f"{i['decision']}/{i['outcome']}"
        outcomes[key] = outcomes.get(key, 0) + 1
    requests = delta(m0, m1)
    # When each type's deletes were recorded, in seconds after plannedAt: where the run's time went.
    timeline = {}
    if view.get("plannedAt"):
        planned = instant(view["plannedAt"])
        for i in items:
            if i["decision"] == "DELETE" and i.get("actedAt"):
                at = round((instant(i["actedAt"]) - planned).total_seconds(), 1)
                t = timeline.setdefault(i["type"], {"count": 0, "first": at, "last": at})
                t["count"] += 1
                t["first"], t["last"] = min(t["first"], at), max(t["last"], at)
    result = {
        "sweep": view,
        "wall_seconds": round(wall, 2),
        "totals_by_type": detail["totalsByType"],
        "decision_outcome": outcomes,
        "deletes_recorded_after_planned": dict(sorted(timeline.items(), key=lambda kv: kv[1]["first"])),
        "not_deleted": [i for i in items if i["decision"] == "DELETE" and i["outcome"] != "DELETED"][:200],
        "kept": [f"{i['type']} {i['id']} {i['decision']}" for i in items if i["decision"] != "DELETE"][:300],
        "aws_requests": requests,
        "aws_requests_total": sum(requests.values()),
        "moto_requests": None if l0 is None else l1 - l0,
        "cpu_seconds": cpu_between(c0, c1),
    }
    write_json(out, result)
    log(f"sweep {sweep_id}: {view['status']} after {wall:.1f} s; outcomes {view.get('outcomes')}; "
        f"{result['aws_requests_total']} AWS requests (driftwatch), {result['moto_requests']} (moto's log)")
    return 0


def warmup(api_url, out, account, timeout):
    """A dry-run sweep of the account (plans only, deletes nothing), not timed: the timed sweep is then not the
    first one of a fresh JVM."""
    t0 = time.monotonic()
    _, queued = api(f"{api_url}/api/sweeps", "POST", {"account": account, "dryRun": True})
    while True:
        _, detail = api(f"{api_url}/api/sweeps/{queued['id']}")
        view = detail["sweep"]
        if view["status"] in ("REFUSED", "PLANNED", "COMPLETED", "FAILED", "CAPPED") or time.monotonic() - t0 > timeout:
            break
        time.sleep(0.2)
    result = {"sweep": view, "wall_seconds": round(time.monotonic() - t0, 2)}
    write_json(out, result)
    log(f"warm-up dry run {view['id']}: {view['status']} after {result['wall_seconds']} s, {view.get('decisions')}")
    return 0 if view["status"] == "PLANNED" else 1


def main():
    cmd, api_url, out, moto_pid, moto_log, service_pid = sys.argv[1:7]
    pids = {"service": service_pid, "moto": moto_pid}
    if cmd == "destroy":
        rest = sys.argv[7:]
        return destroy(api_url, out, pids, moto_log, rest[1:] if rest[:1] == ["--"] else rest)
    if cmd == "warmup":
        return warmup(api_url, out, sys.argv[7], float(sys.argv[8]))
    if cmd == "sweep":
        return sweep(api_url, out, pids, moto_log, sys.argv[7], float(sys.argv[8]))
    sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    sys.exit(main())
