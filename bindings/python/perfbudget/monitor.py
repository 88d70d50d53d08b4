"""Dual monitoring (双监控), in-year reclaim (收回) and the execution curve
(执行进度曲线) over the C ABI (pfb_monitor.h).

    from perfbudget import Dataset
    from perfbudget.monitor import Monitor, Reclaim
    with Dataset.load("examples/suma-park-2022/dataset.json") as ds:
        m = Monitor.run(ds, datetime.date(2022, 8, 31))      # policy_json=None: default policy
        print(m.time_progress, m.total.executed, m.total.rate)  # Decimal("66.67"), Decimal yuan, ...
        for r in m.reasons(lang="en"): print(r.code, r.message)
        rc = Reclaim.run(ds, datetime.date(2022, 8, 31))
        print(rc.total, [(p.project_id, p.code, p.amount, p.split) for p in rc.proposals()])
        curve = ExecutionCurve.run(ds, datetime.date(2022, 8, 31))
        print([(p.month, p.rate, p.time_progress) for p in curve.total.points])
        open("curve.svg", "w", encoding="utf-8").write(curve.svg(lang="zh"))

Money is Decimal yuan; rates and gaps are Decimal percent / percentage points
rounded half-up to the policy's decimals (exact values stay in the library).
"""

from __future__ import annotations

import ctypes
import datetime
from ctypes import c_int32, c_int64, c_uint32
from decimal import Decimal
from typing import TYPE_CHECKING, List, NamedTuple, Optional, Tuple, Union

from . import _lib, _render, money
from ._lib import BUF, HANDLE, I32, OUT_HANDLE, OUT_OWNED_STR, OUT_STR, STR, U32, Out
from .dataset import DateLike, date_to_int, int_to_date
from .enums import FundSource

if TYPE_CHECKING:
    from .review import Policy

ROW_PROJECT, ROW_UNIT, ROW_FUND_SOURCE, ROW_JURISDICTION = 0, 1, 2, 3
ROW_KIND_NAMES = ("project", "unit", "fund", "jurisdiction")  # by ROW_* value
WARNING_NAMES = ("none", "yellow", "red")
SEVERITY_NAMES = ("info", "warning", "error", "blocker")
_LANGS = {"zh": 0, "en": 1}

_run = _lib.fn("pfb_monitor_run", HANDLE, BUF, I32, OUT_HANDLE)
_destroy = _lib.getter("pfb_monitor_destroy", None, HANDLE)
_progress = _lib.getter("pfb_monitor_time_progress", _lib.BORROWED_STR, HANDLE)
_row_count = _lib.getter("pfb_monitor_row_count", c_uint32, HANDLE, I32)
_row = _lib.fn("pfb_monitor_row", HANDLE, I32, U32, OUT_STR, OUT_STR, Out(c_int64), Out(c_int64),
               OUT_STR, OUT_STR, Out(c_int32), Out(c_uint32), Out(c_uint32))
_reason_count = _lib.getter("pfb_monitor_reason_count", c_uint32, HANDLE)
_reason = _lib.fn("pfb_monitor_reason", HANDLE, U32, I32, OUT_STR, Out(c_int32), Out(c_int32),
                  Out(c_uint32), OUT_STR)

_rc_run = _lib.fn("pfb_reclaim_run", HANDLE, BUF, I32, OUT_HANDLE)
_rc_destroy = _lib.getter("pfb_reclaim_destroy", None, HANDLE)
_rc_total = _lib.getter("pfb_reclaim_total_fen", c_int64, HANDLE)
_rc_count = _lib.getter("pfb_reclaim_proposal_count", c_uint32, HANDLE)
_rc_proposal = _lib.fn("pfb_reclaim_proposal", HANDLE, U32, I32, OUT_STR, OUT_STR, Out(c_int64),
                       Out(c_int32), OUT_STR, Out(c_uint32))
_rc_split = _lib.fn("pfb_reclaim_split", HANDLE, U32, U32, Out(c_int32), Out(c_int64))
_rc_unit_count = _lib.getter("pfb_reclaim_unit_count", c_uint32, HANDLE)
_rc_unit = _lib.fn("pfb_reclaim_unit", HANDLE, U32, OUT_STR, Out(c_int64))

_cv_run = _lib.fn("pfb_curve_run", HANDLE, BUF, I32, OUT_HANDLE)
_cv_destroy = _lib.getter("pfb_curve_destroy", None, HANDLE)
_cv_series_count = _lib.getter("pfb_curve_series_count", c_uint32, HANDLE)
_cv_series = _lib.fn("pfb_curve_series", HANDLE, U32, OUT_STR, OUT_STR, Out(c_uint32))
_cv_point = _lib.fn("pfb_curve_point", HANDLE, U32, U32, Out(c_int32), Out(c_int32), Out(c_int64),
                    Out(c_int64), OUT_STR, OUT_STR)
_cv_svg = _lib.fn("pfb_curve_svg", HANDLE, I32, STR, U32, OUT_OWNED_STR)


class _RunOptions(ctypes.Structure):
    """pfb_run_options (pfb_monitor.h), version 1."""
    _fields_ = [("version", c_uint32), ("as_of", c_int32)]


class _Options(_lib.Param):
    """A ``const pfb_run_options*`` built from an as-of date (yyyymmdd, 0 = the dataset's)."""

    argtypes = (ctypes.POINTER(_RunOptions),)

    def encode(self, value):
        (as_of,) = _lib.I32.encode(value)
        return (ctypes.pointer(_RunOptions(1, as_of)),)


class _RowInfo(ctypes.Structure):
    """pfb_monitor_row_info (pfb_monitor.h), version 1."""
    _fields_ = [("version", c_uint32), ("project_count", c_uint32),
                ("id", ctypes.c_char_p), ("name", ctypes.c_char_p), ("unit_id", ctypes.c_char_p),
                ("approved_fen", c_int64), ("adjustments_fen", c_int64),
                ("current_fen", c_int64), ("executed_fen", c_int64),
                ("disbursement_count", c_uint32), ("level", c_int32),
                ("rate_percent", ctypes.c_char_p), ("gap_pp", ctypes.c_char_p),
                ("first_reason", c_uint32), ("reason_count", c_uint32)]


class _OutRowInfo(_lib.Param):
    """A ``pfb_monitor_row_info*`` the library fills (version 1)."""

    is_output = True
    argtypes = (ctypes.POINTER(_RowInfo),)

    def make(self):
        info = _RowInfo()
        info.version = 1
        return (ctypes.byref(info),), info

    def result(self, storage):
        return storage


_row_detail = _lib.fn("pfb_monitor_row_detail", HANDLE, I32, U32, _OutRowInfo())
_run_p = _lib.fn("pfb_monitor_run_with_policy", HANDLE, HANDLE, _Options(), OUT_HANDLE)
_rc_run_p = _lib.fn("pfb_reclaim_run_with_policy", HANDLE, HANDLE, _Options(), OUT_HANDLE)
_cv_run_p = _lib.fn("pfb_curve_run_with_policy", HANDLE, HANDLE, _Options(), OUT_HANDLE)
_render_monitor = _render.render_fn("pfb_monitor_render")
_render_reclaim = _render.render_fn("pfb_reclaim_render")
_render_curve = _render.render_fn("pfb_curve_render")


def _policy_handle(policy):
    """A Policy object as it is; a str as a built-in name or a file (Policy.load)."""
    from .review import Policy  # review imports nothing of this module
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, str):
        return Policy.load(policy)
    raise TypeError(f"policy must be a Policy or a name/path str, got {type(policy).__name__}")


def _run_either(text_fn, handle_fn, dataset, as_of, policy_json, policy):
    if policy is not None and policy_json is not None:
        raise ValueError("give policy or policy_json, not both")
    if policy is not None:
        return handle_fn(dataset, _policy_handle(policy), date_to_int(as_of))
    return text_fn(dataset, policy_json, date_to_int(as_of))
_CHART_NO_UNITS = 1


def _lang(lang: str) -> int:
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    return _LANGS[lang]


class Row(NamedTuple):
    kind: int
    index: int
    id: str
    name: str
    current: Decimal  # yuan
    executed: Decimal  # yuan
    rate: Decimal  # percent, rounded
    gap: Optional[Decimal]  # percentage points; None for a zero budget
    level: str  # none | yellow | red
    first_reason: int
    reason_count: int
    # Added with pfb_monitor_row_detail (at the end, so positions above stay).
    unit: str = ""  # the project's unit (project rows), the unit (unit rows), else ""
    approved: Decimal = Decimal(0)  # yuan, 年初预算
    adjustments: Decimal = Decimal(0)  # yuan, dated on or before as_of
    disbursement_count: int = 0
    project_count: int = 0


class Reason(NamedTuple):
    code: str
    severity: str
    row_kind: int
    row_index: int
    message: str


class Monitor(_lib.Handle):
    """A monitoring result as of a date (immutable)."""

    _destroy = _destroy

    @classmethod
    def run(cls, dataset, as_of: DateLike = None, policy_json: Optional[str] = None,
            policy: Union["Policy", str, None] = None) -> "Monitor":
        """`as_of`: a date or ISO text; None = the dataset's own as-of date
        (Dataset.as_of; InvalidArgumentError when it states none). The policy:
        `policy`, a loaded Policy (or a built-in name / file path), or
        `policy_json`, a profile's JSON text; neither = the default policy."""
        return cls(_run_either(_run, _run_p, dataset, as_of, policy_json, policy))

    @property
    def time_progress(self) -> Decimal:
        return Decimal(_progress(self))

    def row(self, kind: int, index: int) -> Row:
        d = _row_detail(self, kind, index)

        def text(b: Optional[bytes]) -> str:
            return "" if b is None else b.decode("utf-8")

        gap = text(d.gap_pp)
        return Row(kind, index, text(d.id), text(d.name), money.from_fen(d.current_fen),
                   money.from_fen(d.executed_fen), Decimal(text(d.rate_percent)),
                   Decimal(gap) if gap else None, WARNING_NAMES[d.level], d.first_reason,
                   d.reason_count, text(d.unit_id), money.from_fen(d.approved_fen),
                   money.from_fen(d.adjustments_fen), d.disbursement_count, d.project_count)

    def to_frame(self, kind: Optional[int] = None, money: str = "decimal"):
        """The rows as a pandas DataFrame: one kind (ROW_*), or every row
        (projects, units, fund sources, the total) when None. Money columns
        are Decimal yuan, or int64 fen with money="fen"."""
        from . import frames
        kinds = [ROW_PROJECT, ROW_UNIT, ROW_FUND_SOURCE, ROW_JURISDICTION] if kind is None \
            else [kind]
        rows = [r for k in kinds for r in self.rows(k)]
        return frames.records_frame(
            rows, ["kind", "id", "name", "unit", "project_count", "approved", "adjustments",
                   "current", "executed", "disbursement_count", "rate", "gap", "level"],
            ["approved", "adjustments", "current", "executed"], money).assign(
                kind=lambda f: f["kind"].map(dict(enumerate(ROW_KIND_NAMES))))

    def rows(self, kind: int) -> List[Row]:
        return [self.row(kind, i) for i in range(_row_count(self, kind))]

    def to_json(self, lang: str = "zh", rows: Optional[str] = None, curve: bool = True) -> str:
        """The result as `perfbudget monitor --format json` prints it (reason
        messages in `lang`; `rows` None, "project", "unit" or "fund" as
        --level; with the execution curve unless curve=False)."""
        return _render_monitor(self, _render.options(
            _render.FORMAT_JSON, lang, rows=rows, flags=0 if curve else _render.NO_CURVE))

    def to_csv(self, lang: str = "zh", unit: Union[str, int] = "wan",
               rows: Optional[str] = None) -> str:
        """The rows as `perfbudget monitor --format csv` prints them (RFC 4180,
        CRLF; amounts exact in `unit`)."""
        return _render_monitor(self, _render.options(_render.FORMAT_CSV, lang, unit, rows))

    def to_text(self, lang: str = "zh", unit: Union[str, int] = "wan",
                rows: Optional[str] = None) -> str:
        """The tables `perfbudget monitor` prints."""
        return _render_monitor(self, _render.options(_render.FORMAT_TEXT, lang, unit, rows))

    @property
    def total(self) -> Row:
        return self.row(ROW_JURISDICTION, 0)

    def projects(self) -> List[Row]:
        return self.rows(ROW_PROJECT)

    def units(self) -> List[Row]:
        return self.rows(ROW_UNIT)

    def fund_sources(self) -> List[Row]:
        return self.rows(ROW_FUND_SOURCE)

    def reason(self, index: int, lang: str = "zh") -> Reason:
        code, sev, kind, row, msg = _reason(self, index, _lang(lang))
        return Reason(code, SEVERITY_NAMES[sev], kind, row, msg)

    def reasons(self, lang: str = "zh", row: Optional[Row] = None) -> List[Reason]:
        if row is not None:
            rng = range(row.first_reason, row.first_reason + row.reason_count)
        else:
            rng = range(_reason_count(self))
        return [self.reason(i, lang) for i in rng]


class Proposal(NamedTuple):
    project_id: str
    code: str
    amount: Optional[Decimal]  # yuan; None for a warning without amount
    message: str
    split: List[Tuple[FundSource, Decimal]]


class Reclaim(_lib.Handle):
    """Reclaim proposals as of a date (immutable)."""

    _destroy = _rc_destroy

    @classmethod
    def run(cls, dataset, as_of: DateLike = None, policy_json: Optional[str] = None,
            policy: Union["Policy", str, None] = None) -> "Reclaim":
        """`as_of` and the policy as Monitor.run."""
        return cls(_run_either(_rc_run, _rc_run_p, dataset, as_of, policy_json, policy))

    @property
    def total(self) -> Decimal:
        return money.from_fen(_rc_total(self))

    def proposal(self, index: int, lang: str = "zh") -> Proposal:
        pid, code, amount, has_amount, msg, n = _rc_proposal(self, index, _lang(lang))
        split = []
        for s in range(n):
            source, fen = _rc_split(self, index, s)
            split.append((FundSource(source), money.from_fen(fen)))
        return Proposal(pid, code, money.from_fen(amount) if has_amount else None, msg, split)

    def to_frame(self, lang: str = "zh", money: str = "decimal"):
        """The proposals as a pandas DataFrame, one row per proposal and fund
        source (a proposal without amount: one row, source and split empty).
        Money columns are Decimal yuan, or int64 fen with money="fen"."""
        from . import frames

        class _Line(NamedTuple):
            project_id: str
            code: str
            amount: Optional[Decimal]
            source: Optional[str]
            split_amount: Optional[Decimal]
            message: str

        lines = []
        for p in self.proposals(lang):
            if not p.split:
                lines.append(_Line(p.project_id, p.code, p.amount, None, None, p.message))
            for source, amount in p.split:
                lines.append(_Line(p.project_id, p.code, p.amount, source.code, amount,
                                   p.message))
        return frames.records_frame(lines, list(_Line._fields), ["amount", "split_amount"], money)

    def proposals(self, lang: str = "zh") -> List[Proposal]:
        return [self.proposal(i, lang) for i in range(_rc_count(self))]

    def to_json(self, lang: str = "zh") -> str:
        """The proposals as `perfbudget reclaim --format json` prints them
        (messages in `lang`)."""
        return _render_reclaim(self, _render.options(_render.FORMAT_JSON, lang))

    def to_csv(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """One row per proposal and fund source, as `perfbudget reclaim
        --format csv` prints them (amounts exact in `unit`)."""
        return _render_reclaim(self, _render.options(_render.FORMAT_CSV, lang, unit))

    def to_text(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """The report `perfbudget reclaim` prints."""
        return _render_reclaim(self, _render.options(_render.FORMAT_TEXT, lang, unit))

    def units(self) -> List[Tuple[str, Decimal]]:
        out = []
        for i in range(_rc_unit_count(self)):
            uid, fen = _rc_unit(self, i)
            out.append((uid, money.from_fen(fen)))
        return out


class CurvePoint(NamedTuple):
    month: int  # fiscal month, 1..12
    date: datetime.date  # the month's end, or as_of for a partial last month
    executed: Decimal  # yuan, cumulative
    current: Decimal  # yuan, the current budget at `date`
    rate: Decimal  # execution rate, percent, rounded
    time_progress: Decimal  # 序时进度, percent, rounded


class CurveSeries(NamedTuple):
    id: str  # unit id; for the total, the jurisdiction code (or "total")
    name: str  # unit name; "合计" for the total
    points: List[CurvePoint]


class ExecutionCurve(_lib.Handle):
    """The execution curve (执行进度曲线) as of a date (immutable): the total and
    one series per unit, a point per fiscal month."""

    _destroy = _cv_destroy

    @classmethod
    def run(cls, dataset, as_of: DateLike = None, policy_json: Optional[str] = None,
            policy: Union["Policy", str, None] = None) -> "ExecutionCurve":
        """`as_of` and the policy as Monitor.run."""
        return cls(_run_either(_cv_run, _cv_run_p, dataset, as_of, policy_json, policy))

    def to_frame(self, money: str = "decimal"):
        """Every point of every series (the total first, then the units) as a
        pandas DataFrame in long form. Money columns are Decimal yuan, or
        int64 fen with money="fen"."""
        from . import frames

        class _Point(NamedTuple):
            series: str
            name: str
            month: int
            date: datetime.date
            executed: Decimal
            current: Decimal
            rate: Decimal
            time_progress: Decimal

        points = [_Point(s.id, s.name, *p) for s in [self.total] + self.units() for p in s.points]
        return frames.records_frame(points, list(_Point._fields), ["executed", "current"], money)

    def series(self, index: int) -> CurveSeries:
        sid, name, n = _cv_series(self, index)
        points = []
        for p in range(n):
            month, d, exe, cur, rate, progress = _cv_point(self, index, p)
            points.append(CurvePoint(month, int_to_date(d), money.from_fen(exe),
                                     money.from_fen(cur), Decimal(rate), Decimal(progress)))
        return CurveSeries(sid, name, points)

    @property
    def total(self) -> CurveSeries:
        return self.series(0)

    def units(self) -> List[CurveSeries]:
        return [self.series(i) for i in range(1, _cv_series_count(self))]

    def to_json(self) -> str:
        """{as_of, as_of_is_default, as_of_source, start_month, amount_unit,
        execution_curve}: the `execution_curve` array as `perfbudget monitor
        --format json` holds it."""
        return _render_curve(self, _render.options(_render.FORMAT_JSON))

    def to_csv(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """One row per point of every series (the total first), amounts exact
        in `unit`."""
        return _render_curve(self, _render.options(_render.FORMAT_CSV, lang, unit))

    def to_text(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """A table per series."""
        return _render_curve(self, _render.options(_render.FORMAT_TEXT, lang, unit))

    def svg(self, lang: str = "zh", title: Optional[str] = None, units: bool = True) -> str:
        """The curve as a self-contained SVG chart (deterministic text)."""
        return _cv_svg(self, _lang(lang), title, 0 if units else _CHART_NO_UNITS)
