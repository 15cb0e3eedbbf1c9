"""The per-type API-call model of bin/bench-inventory, read from api-calls.json.

api-calls.json is generated from the resource type descriptors (dev.driftwatch.resource; regenerate with the
command in its "generated_by"), so the benchmark's idea of "the fewest requests the APIs allow" is the same as
the code's. Each call becomes one row: (type, service, operation, calls the code makes for this estate, minimum
against moto, minimum on AWS, share). A list that several types need (share > 1) is counted once in the minimum:
each of those types is charged 1/share of it.
"""

import json
import math
import os

MODEL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "api-calls.json")


def load(path=MODEL):
    with open(path) as f:
        return json.load(f)["types"]


def aws_pages(items, size):
    """Pages AWS needs at its largest page size (one call even for none)."""
    return max(1, math.ceil(items / size))


def rows(types, lists, items, resources):
    """One row per call of every type.

    lists: per list name {"pages", "items"} as the seed counted them at the collectors' page size;
    items: other counts the seed took (instances, customer-managed KMS keys, ...);
    resources: resources scanned per type (the scan's counter).
    """
    out = []
    for t in types:
        for c in t["calls"]:
            out.append(
                _listing(t["type"], c, lists, items, resources)
                if c["kind"] == "list"
                else _per_resource(t["type"], c, lists, items)
            )
    return out


def uncounted(types):
    """(service, operation) pairs driftwatch_aws_requests_total does not count."""
    return {
        (c["service"], c["operation"])
        for t in types
        for c in t["calls"]
        if c["kind"] == "per_resource" and not c["counted"]
    }


def global_services(types):
    """Services read in the account's global scan (their types' scope is GLOBAL or ACCOUNT_LEVEL)."""
    return {c["service"] for t in types if t["scope"] != "REGIONAL" for c in t["calls"]}


def _listing(type_, c, lists, items, resources):
    pages = lists[c["list"]]["pages"]
    frm = c["calls_from"]
    calls = pages if frm is None else 1 if frm == "once" else lists[frm]["pages"]
    aws = c["aws_items"]
    aws_items = (
        lists[c["list"]]["items"]
        if aws is None
        else 0 if aws == "none" else resources.get(type_, 0) if aws == "resources" else items[aws.removeprefix("item:")]
    )
    return type_, c["service"], c["operation"], calls, pages, aws_pages(aws_items, c["page_size"]), c["share"]


def _per_resource(type_, c, lists, items):
    per = c["per"]
    count = 1 if per == "once" else lists[per[5:]]["items"] if per.startswith("list:") else items[per[5:]]
    calls = math.ceil(count * c["times"] / c["batch"])
    return type_, c["service"], c["operation"], calls, calls, 0 if c["zero_on_aws"] else calls, 1


def missing(types, lists, items):
    """List and item names the model needs that the seed did not count (a descriptor naming a new list)."""
    need = set()
    for t in types:
        for c in t["calls"]:
            if c["kind"] == "list":
                need.add("list:" + c["list"])
                if c["calls_from"] not in (None, "once"):
                    need.add("list:" + c["calls_from"])
                if (c["aws_items"] or "").startswith("item:"):
                    need.add(c["aws_items"])
            elif c["per"] != "once":
                need.add(c["per"])
    have = {"list:" + k for k in lists} | {"item:" + k for k in items}
    return sorted(need - have)
