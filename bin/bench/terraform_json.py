"""bin/bench-terraform: figures read from a Terraform state or a driftwatch check report (--format json).

   python3 bin/bench/terraform_json.py state-instances STATE      instances in the state
   python3 bin/bench/terraform_json.py drift-count REPORT         drifts the check reported
   python3 bin/bench/terraform_json.py drift-summary REPORT       "<drifts> <engine seconds> <kind:type=count,...>"
"""
import collections
import json
import sys


def state_instances(path):
    return sum(len(r["instances"]) for r in json.load(open(path))["resources"])


def drift_count(path):
    return len(json.load(open(path))["drift"])


def drift_summary(path):
    report = json.load(open(path))
    kinds = collections.Counter(d["kind"] + ":" + d["type"] for d in report["drift"])
    return " ".join([str(len(report["drift"])), str(report["engineMillis"] / 1000),
                     ",".join(f"{k}={v}" for k, v in sorted(kinds.items()))])


COMMANDS = {"state-instances": state_instances, "drift-count": drift_count, "drift-summary": drift_summary}

if len(sys.argv) != 3 or sys.argv[1] not in COMMANDS:
    sys.exit(__doc__)
print(COMMANDS[sys.argv[1]](sys.argv[2]))
