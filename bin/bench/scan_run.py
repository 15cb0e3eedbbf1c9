"""bin/bench-scan, steps 4 and 5: one scan through the REST API, timed, with its AWS requests and CPU seconds.

POST /api/scans?region=..., polls until the scan is finished; the AWS requests come from /q/metrics before
and after. Writes RUN_JSON_OUT.

   python3 bin/bench/scan_run.py API_URL REGION RUN_JSON_OUT SERVICE_PID MOTO_PID KAFKA_PID
"""
import glob, json, os, re, sys, time, urllib.request
from datetime import datetime

from bench_common import api_call, management_url  # BENCH_TOKEN_FILE, BENCH_MANAGEMENT_URL

api, region, out, service_pid, moto_pid, kafka_pid = sys.argv[1:7]
TICK = os.sysconf("SC_CLK_TCK")

def cpu_seconds():
    """CPU time so far of the service, moto, all postgres processes and the whole machine."""
    def proc(path):
        try:
            text = open(path).read()
        except OSError:
            return None, 0.0
        comm, fields = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        return comm, (int(fields[11]) + int(fields[12])) / TICK
    postgres = {path: t for path in glob.glob("/proc/[0-9]*/stat") for c, t in [proc(path)] if c == "postgres"}
    machine = open("/proc/stat").readline().split()[1:]
    busy = (sum(map(int, machine)) - int(machine[3]) - int(machine[4])) / TICK  # minus idle and iowait
    own = sum(os.times()[:2])  # this poller
    return {"service": proc(f"/proc/{service_pid}/stat")[1],
            "moto": proc(f"/proc/{moto_pid}/stat")[1] if moto_pid else 0.0,
            "postgres": postgres, "kafka": proc(f"/proc/{kafka_pid}/stat")[1] if kafka_pid else 0.0,
            "poller": own, "machine": busy}
LINE = re.compile(r'^driftwatch_aws_requests_total\{(.*)\}\s+(\S+)$')

def aws_requests():
    text = urllib.request.urlopen(f"{management_url(api)}/q/metrics", timeout=30).read().decode()
    counts = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            counts[f"{labels.get('service')}:{labels.get('operation')}"] = float(m.group(2))
    return counts

def instant(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))

before = aws_requests()
cpu_before = cpu_seconds()
t0 = time.monotonic()
with api_call(f"{api}/api/scans?region={region}", method="POST") as r:
    assert r.status == 202, r.status
    queued = json.load(r)
if len(queued) != 1:
    sys.exit(f"POST /api/scans queued {len(queued)} scans, expected one: {queued}")
scan_id = queued[0]["id"]
deadline = t0 + 900
while True:
    scan = json.load(api_call(f"{api}/api/scans/{scan_id}"))
    if scan["status"] not in ("QUEUED", "RUNNING"):
        wall = time.monotonic() - t0
        cpu_after = cpu_seconds()
        break
    if time.monotonic() > deadline:
        sys.exit(f"scan {scan_id} still {scan['status']} after 900s")
    time.sleep(0.05)
after = aws_requests()
requests = {k: int(after[k] - before.get(k, 0)) for k in after if after[k] - before.get(k, 0) > 0}
result = {
    "scan_id": scan_id, "status": scan["status"], "problems": scan["problems"],
    "scan_seconds": round((instant(scan["finishedAt"]) - instant(scan["startedAt"])).total_seconds(), 3),
    "queue_seconds": round((instant(scan["startedAt"]) - instant(scan["requestedAt"])).total_seconds(), 3),
    "wall_seconds": round(wall, 3),
    "resources_scanned": scan["resourcesScanned"], "findings_opened": scan["findingsOpened"],
    "findings_updated": scan["findingsUpdated"], "findings_resolved": scan["findingsResolved"],
    "aws_requests": requests,
    # CPU seconds used from POST to finished; "other" is whatever else ran on the machine meanwhile.
    "cpu_seconds": {k: round(cpu_after[k] - cpu_before[k], 2) for k in cpu_before if k != "postgres"},
}
# PostgreSQL: per process (backends come and go); one that started meanwhile counts whole.
result["cpu_seconds"]["postgres"] = round(sum(
    t - cpu_before["postgres"].get(path, 0.0) for path, t in cpu_after["postgres"].items()), 2)
cpu = result["cpu_seconds"]
cpu["other"] = round(cpu["machine"] - sum(v for k, v in cpu.items() if k != "machine"), 2)
# Open findings by kind and type, after the scan (not timed).
census, offset = {}, 0
while True:
    page = json.load(api_call(f"{api}/api/findings?status=OPEN&limit=1000&offset={offset}", timeout=60))
    for f in page:
        census[f"{f['kind']} {f['type']}"] = census.get(f"{f['kind']} {f['type']}", 0) + 1
    if len(page) < 1000:
        break
    offset += 1000
result["open_findings"] = census
json.dump(result, open(out, "w"))
print(f"==> scan {scan_id}: {scan['status']}, {result['scan_seconds']}s (wall {result['wall_seconds']}s), "
      f"{result['resources_scanned']} resources, {result['findings_opened']} opened; AWS requests {requests}; "
      f"CPU seconds {cpu}", file=sys.stderr)
