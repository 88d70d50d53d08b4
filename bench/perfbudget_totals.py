"""perfbudget's own totals, in the `key value` lines of bench/compare_pandas.py.

    perfbudget --format json monitor DIR --as-of D > monitor.json
    perfbudget --format json reclaim DIR --as-of D > reclaim.json
    python3 bench/perfbudget_totals.py monitor.json reclaim.json

Only reads perfbudget's JSON output (docs/cli.md); amounts (yuan with two
decimals) become integer fen by their text, never through a float.
"""

import json
import re
import sys

SOURCES = ["general_budget", "government_fund", "land_transfer", "state_capital", "transfer",
           "carry_over", "other"]
MONITOR_CODES = ["monitoring.gap_red", "monitoring.gap_yellow",
                 "monitoring.no_disbursement_after_quarter", "monitoring.q3_summons",
                 "monitoring.overspend_error", "monitoring.overspend_warning",
                 "monitoring.zero_budget"]


def fen(text):
    if not re.fullmatch(r"-?[0-9]+\.[0-9]{2}", text):
        raise ValueError(f"not yuan with two decimals: {text!r}")
    return int(text.replace(".", ""))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        mon = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        rec = json.load(f)
    out = []
    out.append(("as_of", mon["as_of"]))
    exact = mon["time_progress"]["exact"]  # "2/3", or "1" for a whole number
    out.append(("time_progress", exact if "/" in exact else exact + "/1"))
    t = mon["total"]
    out.append(("projects", t["projects"]))
    out.append(("approved_fen", fen(t["approved"])))
    out.append(("adjustments_fen", fen(t["adjustments"])))
    out.append(("current_fen", fen(t["current_budget"])))
    out.append(("executed_fen", fen(t["executed"])))
    out.append(("disbursements_to_date", t["disbursements"]))
    counts = {c: 0 for c in MONITOR_CODES}
    levels = {"red": 0, "yellow": 0, "none": 0}
    for row in mon["projects"]:
        levels[row["warning"]] += 1
        for r in row["reasons"]:
            if r["code"] in counts:
                counts[r["code"]] += 1
    for c in MONITOR_CODES:
        out.append((f"project_reason {c}", counts[c]))
    for lv in ("red", "yellow", "none"):
        out.append((f"project_level {lv}", levels[lv]))
    ulevels = {"red": 0, "yellow": 0, "none": 0}
    for row in mon["units"]:
        ulevels[row["warning"]] += 1
    for lv in ("red", "yellow", "none"):
        out.append((f"unit_level {lv}", ulevels[lv]))
    out.append(("jurisdiction_level", t["warning"]))

    if rec["as_of"] != mon["as_of"]:
        raise ValueError("monitor and reclaim were run at different dates")
    for r in rec["by_reason"]:
        out.append((f"reclaim {r['code']}", f"{r['count']} {fen(r['amount'])}"))
    rt = rec["total"]
    out.append(("reclaim_total",
                f"{rt['projects']} {rt['proposals']} {rt['warnings']} {fen(rt['amount'])}"))
    out.append(("reclaim_units", len(rec["units"])))
    for s in SOURCES:
        out.append((f"reclaim_source {s}", fen(rt["by_fund_source"].get(s, "0.00"))))
    for key, value in out:
        print(f"{key} {value}")


if __name__ == "__main__":
    main()
