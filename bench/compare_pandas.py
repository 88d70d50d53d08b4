"""The monitoring + reclaim pass of `perfbudget reclaim` written in pandas.

    /usr/bin/python3 bench/compare_pandas.py CSV_FOLDER --as-of 2022-08-31

A benchmark-only reference (issue 9, "Speed and memory"): it reads the same
CSV folder as perfbudget (docs/format.md "CSV") and recomputes, with the
built-in defaults (docs/monitoring.md, src/monitoring/rule_catalog_monitoring.cc;
no --policy), the figures of `perfbudget monitor` and `perfbudget reclaim`
that bench/compare_check.sh compares:

- per project (status ≠ cancelled): approved (Σ fund lines), adjustments
  dated ≤ as-of, current budget, executed (Σ disbursements dated ≤ as-of);
- execution rate vs time progress (序时进度, the default method: whole fiscal
  months completed ÷ 12; `days` too), gap warnings (yellow > 10 pp, red > 20
  pp), no disbursement after a quarter, the Q3 summons, over-spend, zero
  budget; a row's level is the worst of its rules;
- the unit and jurisdiction roll-up with the same common rules;
- reclaim: unimplemented, surplus of finished/terminated projects, two-year
  carry-over, lagging with a payment plan (amount) and without (a warning),
  and each proposal's exact split across fund sources (largest remainder,
  ties to the lower source), summed per source.

Every amount is read as exact integer fen from its yuan text (the writer's
form: an optional '-', digits, '.', two digits; anything else is refused),
never through a float; every rule comparison is an integer
cross-multiplication. It prints `key value` lines (bench/README.md says the
format); bench/perfbudget_totals.py prints the same lines from perfbudget's
JSON output.

Not covered (say so rather than guess): policy profiles other than the
defaults (the thresholds below are constants), the `priority` split method,
enum values written as Chinese labels or aliases (the writer writes codes),
amounts in other textual forms (万元, grouping commas) or padded with white
space, the goal side (indicator_behind), the fund-source rows of `monitor`,
and perfbudget's validation of the dataset (it is assumed valid).
"""

import argparse
import os
import sys
import time
from fractions import Fraction

import numpy as np
import pandas as pd

# Fund sources in the library's enum order (src/model/enums.cc); splits break
# ties towards the lower number.
SOURCES = ["general_budget", "government_fund", "land_transfer", "state_capital", "transfer",
           "carry_over", "other"]
SOURCE_NO = {s: i for i, s in enumerate(SOURCES)}
CARRY_OVER = SOURCE_NO["carry_over"]
STATUSES = {"planned", "in_progress", "finished", "terminated", "not_implemented", "cancelled"}

# The rule catalog's defaults (src/monitoring/rule_catalog_monitoring.cc).
GAP_YELLOW_PP = Fraction(10)
GAP_RED_PP = Fraction(20)
NO_DISB_MIN_PROGRESS_PERCENT = Fraction(25)
Q3_FISCAL_MONTH = 9
Q3_MIN_RATE_PERCENT = Fraction(60)
OVERSPEND_WARN_PERCENT = Fraction(90)
OVERSPEND_ERROR_PERCENT = Fraction(100)
CARRY_OVER_MIN_YEARS = 2

INT64_SAFE = 2**62


class InputError(Exception):
    pass


def read_table(folder, name, columns, required=False):
    path = os.path.join(folder, name + ".csv")
    if not os.path.exists(path):
        if required:
            raise InputError(f"{path}: missing (a required table)")
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    frame = pd.read_csv(path, usecols=columns, dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    return frame


def _bytes(column, width):
    """The column as a fixed-width byte matrix (one row per value, NUL-padded);
    a value longer than width − 1 bytes is refused."""
    try:
        arr = np.asarray(column.to_numpy(), dtype=f"S{width}")
    except UnicodeEncodeError as e:  # not ASCII: no amount or date the writer writes
        raise InputError(f"{column.name}: a value is not ASCII ({e.object!r})") from None
    m = arr.view(np.uint8).reshape(len(arr), width)
    return arr, m


def _refuse(column, bad, table, what):
    row = int(np.flatnonzero(bad)[0])
    raise InputError(f"{table}.csv line {row + 2}: {column.iloc[row]!r} is not {what}")


def to_fen(column, table, field):
    """Yuan text as the writer writes it (an optional '-', digits, '.', exactly two
    digits) → int64 fen, exactly: the digits on both sides of the '.' read as one
    integer, byte column by byte column (no float, no per-value Python)."""
    width = 21
    if len(column) == 0:
        return np.zeros(0, dtype=np.int64)
    _, m = _bytes(column, width)
    length = (m != 0).sum(axis=1)
    rows = np.arange(len(m))
    neg = m[:, 0] == ord("-")
    digit = (m >= ord("0")) & (m <= ord("9"))
    dot_at = length - 3
    ok = (length >= 4 + neg) & (length < width) & (m[rows, np.maximum(dot_at, 0)] == ord("."))
    cols = np.arange(width)[None, :]
    body = (cols >= neg[:, None]) & (cols < length[:, None]) & (cols != dot_at[:, None])
    ok &= ~(body & ~digit).any(axis=1) & ((length - neg) <= 16 + 3)  # < 10^16 yuan: no overflow
    if not ok.all():
        _refuse(column, ~ok, table, f"a {field} in yuan with two decimals")
    value = np.zeros(len(m), dtype=np.int64)
    for c in range(width):
        take = body[:, c]
        value = np.where(take, value * 10 + (m[:, c].astype(np.int64) - ord("0")), value)
    return np.where(neg, -value, value)


def check_dates(column, table, field):
    """YYYY-MM-DD texts as a byte array (compared as bytes: ISO dates sort as text)."""
    arr, m = _bytes(column, 11)
    digit = (m >= ord("0")) & (m <= ord("9"))
    ok = (m[:, 10] == 0) & (m[:, 4] == ord("-")) & (m[:, 7] == ord("-")) & \
        digit[:, [0, 1, 2, 3, 5, 6, 8, 9]].all(axis=1)
    if len(arr) and not ok.all():
        _refuse(column, ~ok, table, f"a {field} YYYY-MM-DD")
    return arr.astype("S10")


def source_numbers(column, table):
    nums = column.map(SOURCE_NO)
    if nums.isna().any():
        bad = column[nums.isna()].iloc[0]
        raise InputError(f"{table}.csv: source {bad!r} is not one of {', '.join(SOURCES)}")
    return nums.astype(np.int8)


def fiscal_year(info):
    year = int(info["fiscal_year"])
    start_month = int(info["start_month"] or 1)
    named_by_end = info.get("named_by_end", "false").strip().lower() in ("true", "1", "y", "yes",
                                                                         "是")
    start_year = year - 1 if (named_by_end and start_month != 1) else year
    return year, start_month, start_year


def month_end(year, month):
    nxt = pd.Timestamp(year=year + (month == 12), month=month % 12 + 1, day=1)
    return (nxt - pd.Timedelta(days=1)).strftime("%Y-%m-%d")


def time_progress(as_of, start_month, start_year, method):
    """序时进度 as an exact fraction (FiscalYear::TimeProgress)."""
    first = pd.Timestamp(year=start_year, month=start_month, day=1)
    last_month = 12 if start_month == 1 else start_month - 1
    end_year = start_year if start_month == 1 else start_year + 1
    last = month_end(end_year, last_month)
    d = pd.Timestamp(as_of)
    if not (first <= d <= pd.Timestamp(last)):
        raise InputError(f"as-of date {as_of} is outside the fiscal year "
                         f"({first.strftime('%Y-%m-%d')} .. {last})")
    if method == "days":
        return Fraction((d - first).days + 1, (pd.Timestamp(last) - first).days + 1)
    if as_of >= last:
        months = 12
    else:
        m = (d.month - start_month + 12) % 12 + 1
        months = m if as_of == month_end(d.year, d.month) else m - 1
    return Fraction(months, 12)


def fiscal_month_end(start_month, start_year, m):
    offset = start_month - 1 + m - 1
    return month_end(start_year + offset // 12, offset % 12 + 1)


def exact(*arrays, factor=1):
    """The arrays as int64 when every |value| × factor stays below 2^62 (so the
    cross-multiplications below cannot overflow), else as Python-int object arrays."""
    arrays = [np.asarray(a) for a in arrays]
    big = max((int(np.abs(a).max(initial=0)) for a in arrays if len(a)), default=0)
    dtype = np.int64 if big * factor < INT64_SAFE else object
    return [a.astype(dtype) for a in arrays]


def compare(num, den, t, op):
    """op(num/den, t) elementwise for den > 0 and t a Fraction, exactly."""
    tn, td = t.numerator, t.denominator
    num, den = exact(num, den, factor=max(abs(tn), td))
    return np.asarray(op(num * td, den * tn), dtype=bool)


def common_rules(current, executed, tp, after_q3):
    """Zero budget, gap bands and Q3 summons (EvaluateCommon). Returns boolean
    arrays (zero, red, yellow, q3); the others are only assessed where current > 0."""
    pn, pd_ = tp.numerator, tp.denominator
    current, executed = exact(current, executed, factor=200 * max(pn, pd_) * 100)
    positive = np.asarray(current > 0, dtype=bool)
    c = np.where(positive, current, 1)
    # gap (pp) = 100 (pn c − e pd) / (pd c)
    gap_num = 100 * (pn * c - executed * pd_)
    gap_den = pd_ * c
    red = positive & compare(gap_num, gap_den, GAP_RED_PP, np.greater)
    yellow = positive & ~red & compare(gap_num, gap_den, GAP_YELLOW_PP, np.greater)
    q3 = np.zeros(len(current), dtype=bool)
    if after_q3:  # rate % = 100 e / c below the line
        q3 = positive & compare(100 * executed, c, Q3_MIN_RATE_PERCENT, np.less)
    return ~positive, red, yellow, q3


def run(folder, as_of, method):
    info_frame = read_table(folder, "dataset", None, required=True)
    if len(info_frame) != 1:
        raise InputError("dataset.csv: expected one row")
    info = info_frame.iloc[0].to_dict()
    year, start_month, start_year = fiscal_year(info)
    if as_of is None:
        as_of = (info.get("as_of") or "").strip()
        if not as_of:
            raise InputError("no --as-of and dataset.csv states none")
    tp = time_progress(as_of, start_month, start_year, method)
    after_q3 = as_of >= fiscal_month_end(start_month, start_year, Q3_FISCAL_MONTH)

    units = read_table(folder, "units", ["id"], required=True)
    projects = read_table(folder, "projects", ["id", "unit", "status"], required=True)
    funds = read_table(folder, "funds", ["project", "source", "approved", "origin_year"])
    adjustments = read_table(folder, "adjustments", ["project", "date", "source", "amount"])
    plan = read_table(folder, "payment_plan", ["project", "date", "amount"])
    disb = read_table(folder, "disbursements", ["project", "date", "source", "amount"])

    projects["status"] = projects["status"].replace("", "planned")
    bad = ~projects["status"].isin(STATUSES)
    if bad.any():
        raise InputError(f"projects.csv: status {projects['status'][bad].iloc[0]!r} is not a code")
    projects = projects[projects["status"] != "cancelled"].reset_index(drop=True)
    n = len(projects)
    pid = pd.Index(projects["id"])
    unit_index = pd.Index(units["id"])
    proj_unit = unit_index.get_indexer(projects["unit"])
    if (proj_unit < 0).any():
        raise InputError("projects.csv: a project names an unknown unit")

    def project_pos(frame, table):
        pos = pid.get_indexer(frame["project"])
        return pos  # −1: a cancelled project's row (unknown ids are perfbudget's to report)

    as_of_b = as_of.encode()
    # Fund lines.
    f_pos = project_pos(funds, "funds")
    f_src = source_numbers(funds["source"], "funds").to_numpy()
    f_amt = to_fen(funds["approved"], "funds", "approved")
    f_origin = pd.to_numeric(funds["origin_year"].replace("", "0")).to_numpy()
    keep = f_pos >= 0
    f_pos, f_src, f_amt, f_origin = f_pos[keep], f_src[keep], f_amt[keep], f_origin[keep]

    # Adjustments dated on or before as-of.
    a_dates = check_dates(adjustments["date"], "adjustments", "date")
    a_pos = project_pos(adjustments, "adjustments")
    a_src = source_numbers(adjustments["source"].replace("", "general_budget"),
                           "adjustments").to_numpy()
    a_amt = to_fen(adjustments["amount"], "adjustments", "amount")
    keep = (a_pos >= 0) & (a_dates <= as_of_b)
    a_pos, a_src, a_amt = a_pos[keep], a_src[keep], a_amt[keep]

    # Disbursements dated on or before as-of.
    d_dates = check_dates(disb["date"], "disbursements", "date")
    d_pos = project_pos(disb, "disbursements")
    d_src = source_numbers(disb["source"].replace("", "general_budget"),
                           "disbursements").to_numpy()
    d_amt = to_fen(disb["amount"], "disbursements", "amount")
    keep = (d_pos >= 0) & (d_dates <= as_of_b)
    d_pos, d_src, d_amt = d_pos[keep], d_src[keep], d_amt[keep]

    # Payment plan: who has one, and what is planned after as-of.
    p_dates = check_dates(plan["date"], "payment_plan", "date")
    p_pos = project_pos(plan, "payment_plan")
    p_amt = to_fen(plan["amount"], "payment_plan", "amount")
    keep = p_pos >= 0
    has_plan = np.bincount(p_pos[keep], minlength=n) > 0
    after = keep & (p_dates > as_of_b)
    planned_after = sum_by(p_pos[after], p_amt[after], n)

    # Per project and source (7 columns): current budget and executed.
    S = len(SOURCES)
    approved = sum_by(f_pos, f_amt, n)
    adj = sum_by(a_pos, a_amt, n)
    current = approved + adj
    executed = sum_by(d_pos, d_amt, n)
    disb_count = np.bincount(d_pos, minlength=n)
    cur_src = sum_by(f_pos * S + f_src, f_amt, n * S) + sum_by(a_pos * S + a_src, a_amt, n * S)
    exe_src = sum_by(d_pos * S + d_src, d_amt, n * S)
    cur_src = cur_src.reshape(n, S)
    exe_src = exe_src.reshape(n, S)
    present = np.zeros(n * S, dtype=bool)
    present[f_pos * S + f_src] = True
    present[a_pos * S + a_src] = True
    present_budget = present.reshape(n, S).copy()
    present[d_pos * S + d_src] = True
    present_all = present.reshape(n, S)

    # Project rules.
    zero, red, yellow, q3 = common_rules(current, executed, tp, after_q3)
    no_disb = (current > 0) & (disb_count == 0) & (tp * 100 >= NO_DISB_MIN_PROGRESS_PERCENT)
    spent = executed > 0
    c1 = np.where(current > 0, current, 1)
    over_err = spent & ((current <= 0) |
                        compare(100 * executed, c1, OVERSPEND_ERROR_PERCENT, np.greater))
    over_warn = spent & (current > 0) & ~over_err & \
        compare(100 * executed, c1, OVERSPEND_WARN_PERCENT, np.greater_equal)
    p_red = red | no_disb | q3 | over_err
    p_yellow = ~p_red & (yellow | over_warn)

    out = []
    out.append(("as_of", as_of))
    out.append(("time_progress", f"{tp.numerator}/{tp.denominator}"))
    # Jurisdiction.
    t_cur, t_exe = int(current.sum(dtype=object)), int(executed.sum(dtype=object))
    out.append(("projects", n))
    out.append(("approved_fen", int(approved.sum(dtype=object))))
    out.append(("adjustments_fen", int(adj.sum(dtype=object))))
    out.append(("current_fen", t_cur))
    out.append(("executed_fen", t_exe))
    out.append(("disbursements_to_date", int(disb_count.sum())))
    for name, mask in (("monitoring.gap_red", red), ("monitoring.gap_yellow", yellow),
                       ("monitoring.no_disbursement_after_quarter", no_disb),
                       ("monitoring.q3_summons", q3), ("monitoring.overspend_error", over_err),
                       ("monitoring.overspend_warning", over_warn),
                       ("monitoring.zero_budget", zero)):
        out.append((f"project_reason {name}", int(mask.sum())))
    out.append(("project_level red", int(p_red.sum())))
    out.append(("project_level yellow", int(p_yellow.sum())))
    out.append(("project_level none", int(n - p_red.sum() - p_yellow.sum())))

    # Unit roll-up (every unit; rules only where it has projects).
    U = len(unit_index)
    u_cur = sum_by_obj(proj_unit, current, U)
    u_exe = sum_by_obj(proj_unit, executed, U)
    u_n = np.bincount(proj_unit, minlength=U)
    uz, ur, uy, uq = common_rules(u_cur, u_exe, tp, after_q3)
    has = u_n > 0
    u_red = has & (ur | uq)
    u_yellow = has & ~u_red & uy
    out.append(("unit_level red", int(u_red.sum())))
    out.append(("unit_level yellow", int(u_yellow.sum())))
    out.append(("unit_level none", int(U - u_red.sum() - u_yellow.sum())))
    jz, jr, jy, jq = common_rules(np.array([t_cur], dtype=object), np.array([t_exe], dtype=object),
                                  tp, after_q3)
    level = "none" if n == 0 else ("red" if (jr | jq)[0] else ("yellow" if jy[0] else "none"))
    out.append(("jurisdiction_level", level))

    # Reclaim.
    status = projects["status"].to_numpy()
    unspent = current - executed
    unimpl = (status == "not_implemented") & (unspent > 0)
    closed = np.isin(status, ["finished", "terminated"])
    surplus = closed & (unspent > 0)
    other = ~((status == "not_implemented") | closed)
    # Carry-over lines from min_years ago or earlier (oldest spent first).
    old = (f_src == CARRY_OVER) & (f_origin != 0) & (year - f_origin >= CARRY_OVER_MIN_YEARS)
    old_budget = sum_by(f_pos[old], f_amt[old], n)
    co_amount = np.maximum(0, np.minimum(old_budget - exe_src[:, CARRY_OVER],
                                         cur_src[:, CARRY_OVER] - exe_src[:, CARRY_OVER]))
    carry = other & (old_budget > 0) & (co_amount > 0)
    co_reclaimed = np.where(carry, co_amount, 0)
    lagging = other & (red | no_disb | q3)
    lag_amount = unspent - planned_after - co_reclaimed
    lag_plan = lagging & has_plan & (lag_amount > 0)
    lag_no_plan = lagging & ~has_plan

    total_amount = 0
    by_source = np.zeros(S, dtype=object)
    rules = (("reclaim.unimplemented", unimpl, unspent),
             ("reclaim.surplus_finished", surplus, unspent),
             ("reclaim.carry_over_two_years", carry, co_amount),
             ("reclaim.lagging_with_plan", lag_plan, lag_amount))
    for code, mask, amount in rules:
        amt = int(amount[mask].sum(dtype=object))
        out.append((f"reclaim {code}", f"{int(mask.sum())} {amt}"))
        total_amount += amt
        if code == "reclaim.carry_over_two_years":
            by_source[CARRY_OVER] += amt
            continue
        cur = cur_src[mask].copy()
        if code == "reclaim.lagging_with_plan":  # the carry-over proposed is gone from its source
            cur[:, CARRY_OVER] -= co_reclaimed[mask]
        by_source += split_sums(amount[mask], cur, present_budget[mask], present_all[mask])
    out.append(("reclaim reclaim.lagging_without_plan", f"{int(lag_no_plan.sum())} 0"))
    proposals = int(unimpl.sum() + surplus.sum() + carry.sum() + lag_plan.sum())
    warnings = int(lag_no_plan.sum())
    with_any = unimpl | surplus | carry | lag_plan | lag_no_plan
    out.append(("reclaim_total", f"{int(with_any.sum())} {proposals} {warnings} {total_amount}"))
    out.append(("reclaim_units", int(len(np.unique(proj_unit[with_any])))))
    for s in range(S):
        out.append((f"reclaim_source {SOURCES[s]}", int(by_source[s])))
    return out


def sum_by(pos, values, n):
    """Σ values per position, exact int64 (checked against overflow)."""
    pos = np.asarray(pos, dtype=np.int64)
    values = np.asarray(values, dtype=np.int64)
    if len(values) and int(np.abs(values).max()) * len(values) >= INT64_SAFE:
        out = np.zeros(n, dtype=object)
        for p, v in zip(pos, values):
            out[p] += int(v)
        return out
    return pd.Series(values).groupby(pos).sum().reindex(range(n), fill_value=0).to_numpy(
        dtype=np.int64) if len(values) else np.zeros(n, dtype=np.int64)


def sum_by_obj(pos, values, n):
    out = pd.Series(values.astype(object)).groupby(pos).sum()
    full = np.zeros(n, dtype=object)
    full[out.index.to_numpy()] = out.to_numpy()
    return full


def split_sums(amounts, current, present_budget, present_all):
    """Σ over proposals of the proportional split (AllocateByWeights: floor, then the
    remaining fen to the largest remainders, ties to the lower source), per source."""
    S = len(SOURCES)
    if len(amounts) == 0:
        return np.zeros(S, dtype=object)
    weights = np.where(present_budget, np.maximum(current, 0), 0)
    wsum = weights.sum(axis=1)
    # No positive budget: all of it on the first source present (executed sources
    # count then), general_budget when none is.
    none = wsum == 0
    if none.any():
        pa = present_all[none]
        first = np.where(pa.any(axis=1), pa.argmax(axis=1), 0)
        w = np.zeros((int(none.sum()), S), dtype=np.int64)
        w[np.arange(len(first)), first] = 1
        weights[none] = w
        wsum = weights.sum(axis=1)
    a = np.asarray(amounts, dtype=object)[:, None]
    prod = a * weights.astype(object)  # exact: Python ints
    ws = wsum.astype(object)[:, None]
    parts = prod // ws
    rem = prod % ws
    left = (np.asarray(amounts, dtype=object) - parts.sum(axis=1)).astype(np.int64)
    # Largest remainder first; a stable sort keeps the lower source first on ties.
    order = np.argsort(_sort_keys(rem), axis=1, kind="stable")
    ranks = np.empty_like(order)
    rows = np.arange(len(order))[:, None]
    ranks[rows, order] = np.arange(S)[None, :]
    parts = parts + (ranks < left[:, None]).astype(object)
    return parts.sum(axis=0)


def _sort_keys(rem):
    """Keys that sort the remainders largest first, exactly: −remainder when it
    fits int64, else each row's rank computed with Python ints."""
    flat = rem.ravel()
    if all(int(x) < INT64_SAFE for x in flat):
        return -rem.astype(np.int64)
    keys = np.empty(rem.shape, dtype=np.int64)
    for i, row in enumerate(rem):
        order = sorted(range(len(row)), key=lambda j: (-int(row[j]), j))
        for r, j in enumerate(order):
            keys[i, j] = r
    return keys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--as-of")
    parser.add_argument("--time-progress", choices=["months", "days"], default="months")
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        out = run(args.folder, args.as_of, args.time_progress)
    except InputError as e:
        print(f"compare_pandas: {e}", file=sys.stderr)
        sys.exit(3)
    for key, value in out:
        print(f"{key} {value}")
    print(f"# pandas pass {time.perf_counter() - start:.2f} s wall", file=sys.stderr)


if __name__ == "__main__":
    main()
