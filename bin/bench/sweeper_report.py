"""bin/bench-sweeper, the report: both sides' wall time, AWS requests per deleted resource, resources left and
protected resources deleted, CPU; a table on stdout and target/bench/sweeper-N.json. Exits 1 unless terraform
destroy succeeded, the sweep COMPLETED, and in both accounts nothing that should have gone is left and nothing
protected is gone.

   python3 bin/bench/sweeper_report.py WORK_DIR N TF_ACCOUNT SWEEP_ACCOUNT RESULT_JSON_OUT

Environment (recorded): BENCH_LOAD_START, BENCH_APP_BUILT, BENCH_HEAD, BENCH_IN_STATE, BENCH_IN_STATE_DESTROYED;
the DRIFTWATCH_* pacing settings when given.
"""

import os
import sys
from datetime import datetime

from bench_common import read_json, write_json

PACING = {  # setting: default (docs/configuration.md)
    "DRIFTWATCH_AWS_REQUESTS_PER_SECOND": "20",
    "DRIFTWATCH_AWS_BURST": "40",
    "DRIFTWATCH_AWS_MAX_CONCURRENCY": "4",
    "DRIFTWATCH_SWEEPER_CONCURRENCY": "8",
}


def instant(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def per(count, deleted):
    return round(count / deleted, 2) if count is not None and deleted else None


def main():
    work, n, tf_account, sweep_account, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    destroy = read_json(os.path.join(work, f"destroy-{n}.json"))
    sweep = read_json(os.path.join(work, f"sweep-{n}.json"))
    tf_check = read_json(os.path.join(work, f"check-{tf_account}-{n}.json"))
    sw_check = read_json(os.path.join(work, f"check-{sweep_account}-{n}.json"))
    view = sweep["sweep"]
    planned_to_finished = created_to_finished = created_to_planned = None
    if view.get("finishedAt") and view.get("plannedAt"):
        planned_to_finished = round((instant(view["finishedAt"]) - instant(view["plannedAt"])).total_seconds(), 2)
        created_to_finished = round((instant(view["finishedAt"]) - instant(view["createdAt"])).total_seconds(), 2)
        created_to_planned = round((instant(view["plannedAt"]) - instant(view["createdAt"])).total_seconds(), 2)

    terraform = {
        "account": tf_account,
        "exit": destroy["exit"],
        "wall_seconds": destroy["wall_seconds"],
        "state_resources_applied": int(os.environ.get("BENCH_IN_STATE", 0)) or None,
        "state_resources_destroyed": int(os.environ.get("BENCH_IN_STATE_DESTROYED", 0)) or None,
        "to_delete": tf_check["to_delete"],
        "deleted": tf_check["deleted"],
        "left": tf_check["left"],
        "protected": tf_check["protected"],
        "protected_deleted": tf_check["protected_deleted"],
        "aws_requests_moto_log": destroy["moto_requests"],
        "aws_requests_per_deleted": per(destroy["moto_requests"], tf_check["deleted"]),
        "service_aws_requests_meanwhile": destroy["service_aws_requests_meanwhile"],
        "cpu_seconds": destroy["cpu_seconds"],
        "left_resources": tf_check["left_resources"],
        "protected_deleted_resources": tf_check["protected_deleted_resources"],
    }
    sweeper = {
        "account": sweep_account,
        "status": view["status"],
        "wall_seconds": sweep["wall_seconds"],
        "created_to_planned_seconds": created_to_planned,
        "planned_to_finished_seconds": planned_to_finished,
        "created_to_finished_seconds": created_to_finished,
        "decisions": view.get("decisions"),
        "outcomes": view.get("outcomes"),
        "to_delete": sw_check["to_delete"],
        "deleted": sw_check["deleted"],
        "left": sw_check["left"],
        "protected": sw_check["protected"],
        "protected_deleted": sw_check["protected_deleted"],
        "aws_requests": sweep["aws_requests_total"],
        "aws_requests_per_deleted": per(sweep["aws_requests_total"], sw_check["deleted"]),
        "aws_requests_moto_log": sweep["moto_requests"],
        "aws_requests_by_operation": sweep["aws_requests"],
        "cpu_seconds": sweep["cpu_seconds"],
        "deletes_recorded_after_planned": sweep.get("deletes_recorded_after_planned"),
        "not_deleted": sweep["not_deleted"],
        "left_resources": sw_check["left_resources"],
        "protected_deleted_resources": sw_check["protected_deleted_resources"],
    }
    warm = os.path.join(work, f"warmup-{n}.json")
    sweeper["warmed_up_by_dry_run_seconds"] = read_json(warm)["wall_seconds"] if os.environ.get("BENCH_WARMUP") == "1" and os.path.exists(warm) else None
    ratio = round(terraform["wall_seconds"] / sweeper["wall_seconds"], 2) if sweeper["wall_seconds"] else None
    ok = (
        destroy["exit"] == 0
        and view["status"] == "COMPLETED"
        and terraform["left"] == 0 and terraform["protected_deleted"] == 0
        and sweeper["left"] == 0 and sweeper["protected_deleted"] == 0
    )
    result = {
        "n": n,
        "ok": ok,
        "ratio_terraform_over_sweeper": ratio,
        "target_ratio": 5,
        "terraform_destroy": terraform,
        "sweeper": sweeper,
        "estate_by_type": sw_check["before"],
        "pacing": {k: os.environ.get(k, v) + ("" if k in os.environ else " (default)") for k, v in PACING.items()},
        "load_start": os.environ.get("BENCH_LOAD_START"),
        "app_built": os.environ.get("BENCH_APP_BUILT"),
        "head": os.environ.get("BENCH_HEAD"),
        "at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    write_json(out, result)

    def row(name, t, s):
        print(f"| {name} | {t} | {s} |")

    print(f"\nN = {n}: {sweeper['to_delete']} resources to delete per copy "
          f"({len(sw_check['before'])} types), {sweeper['protected']} protected")
    print("| | terraform destroy | driftwatch sweeper |")
    print("|---|--:|--:|")
    row("wall time", f"{terraform['wall_seconds']} s", f"{sweeper['wall_seconds']} s "
        f"(plannedAt → finishedAt {planned_to_finished} s)")
    row("AWS requests / deleted", f"{terraform['aws_requests_per_deleted']} ({terraform['aws_requests_moto_log']}, moto's log)",
        f"{sweeper['aws_requests_per_deleted']} ({sweeper['aws_requests']}, driftwatch_aws_requests_total; "
        f"moto's log {sweeper['aws_requests_moto_log']})")
    row("deleted", terraform["deleted"], sweeper["deleted"])
    row("left (must be 0)", terraform["left"], sweeper["left"])
    row("protected deleted (must be 0)", f"{terraform['protected_deleted']} of {terraform['protected']}",
        f"{sweeper['protected_deleted']} of {sweeper['protected']}")
    row("CPU·s (tool / moto)", f"{terraform['cpu_seconds'].get('terraform')} / {terraform['cpu_seconds'].get('moto')}",
        f"{sweeper['cpu_seconds'].get('service')} / {sweeper['cpu_seconds'].get('moto')}")
    print(f"\nterraform destroy / sweeper: {ratio}x (target 5x); {'OK' if ok else 'FAILED'}; results in {out}")
    if not ok:
        print(f"sweep status {view['status']}; not deleted: {sweeper['not_deleted'][:5]}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
