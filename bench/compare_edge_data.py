"""Turns a small synth CSV folder into one where every rule of the pass fires.

    perfbudget synth --seed 2 --units 20 --projects 2000 --disbursements-per-project 11 DIR
    /usr/bin/python3 bench/compare_edge_data.py DIR

synth data alone never fires some rules the pandas and DuckDB passes
reproduce (two-year carry-over: synth's carry-over lines are last year's;
zero budgets; cancelled projects; a unit without projects), so
bench/compare_check.sh runs on this folder too. Edits in place, plain CSV
(no quoted fields are touched): carry-over lines get an origin year two or
three years back; every 50th project is cancelled and every 37th
terminated; every 40th project's budget is adjusted to zero (every 80th
below zero) early in the year; one unit without projects is added.
"""

import csv
import sys
from pathlib import Path


def rewrite(path, fn):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows = fn(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def main():
    folder = Path(sys.argv[1])
    with open(folder / "dataset.csv", encoding="utf-8") as f:
        info = next(csv.DictReader(f))
    year = int(info["fiscal_year"])
    start_month = int(info["start_month"])
    named_by_end = info["named_by_end"] == "true"
    start_year = year - 1 if (named_by_end and start_month != 1) else year
    early = f"{start_year}-{start_month:02d}-10"

    def funds(rows):
        head = rows[0]
        s, o = head.index("source"), head.index("origin_year")
        k = 0
        for r in rows[1:]:
            if r[s] == "carry_over":
                r[o] = str(year - 2 - (k % 2)) if k % 3 != 2 else r[o]
                k += 1
        return rows

    approved = {}

    def read_approved(rows):
        head = rows[0]
        p, a = head.index("project"), head.index("approved")
        for r in rows[1:]:
            yuan, fen = r[a].split(".")
            approved[r[p]] = approved.get(r[p], 0) + int(yuan) * 100 + int(fen)
        return rows

    def projects(rows):
        head = rows[0]
        st = head.index("status")
        for i, r in enumerate(rows[1:], start=1):
            if i % 50 == 0:
                r[st] = "cancelled"
            elif i % 37 == 0:
                r[st] = "terminated"
        return rows

    ids = []

    def read_ids(rows):
        ids.extend(r[0] for r in rows[1:])
        return rows

    def adjustments(rows):
        head = rows[0]
        for i, pid in enumerate(ids, start=1):
            if i % 40 != 0 or pid not in approved:
                continue
            cut = approved[pid] + (100_000 if i % 80 == 0 else 0)
            row = {c: "" for c in head}
            row.update(project=pid, date=early, source="general_budget",
                       amount=f"-{cut // 100}.{cut % 100:02d}", reason="edge case")
            rows.append([row[c] for c in head])
        return rows

    def units(rows):
        rows.append(["U9999", "没有项目的单位"])
        return rows

    rewrite(folder / "funds.csv", funds)
    rewrite(folder / "funds.csv", read_approved)
    rewrite(folder / "projects.csv", read_ids)
    rewrite(folder / "projects.csv", projects)
    rewrite(folder / "adjustments.csv", adjustments)
    rewrite(folder / "units.csv", units)


if __name__ == "__main__":
    main()
