"""bin/bench-terraform: writes result-N.json, one estate's times and drift counts.

   python3 bin/bench/terraform_result.py OUT NAME=VALUE ...

Values are given as bash has them: lists of seconds space-separated (NAME_seconds), numbers as numbers
("null" when there is none), driftwatch_kinds as text.
"""
import json
import sys

LISTS = {"terraform_seconds", "driftwatch_seconds", "driftwatch_engine_seconds", "driftwatch_only_managed_seconds",
         "service_only_managed_seconds"}
TEXTS = {"driftwatch_kinds"}


def value(name, text):
    if name in LISTS:
        return text.split()
    if name in TEXTS:
        return text
    if text == "null":
        return None
    # bc writes ".5" for 0.5: a number for Python, not for JSON
    return int(text) if text.lstrip("-").isdigit() else float(text)


out = sys.argv[1]
result = {}
for arg in sys.argv[2:]:
    name, _, text = arg.partition("=")
    result[name] = value(name, text)
result["load_average"] = open("/proc/loadavg").read().split()[:3]
json.dump(result, open(out, "w"), indent=1)
