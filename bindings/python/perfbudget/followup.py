"""The evaluation follow-up over the C ABI (pfb_followup.h): the fiscal
evaluation coverage plan (财政评价5年全覆盖), rectification (整改) and
disclosure (公开). Semantics: docs/evaluation-followup.md.

    from perfbudget import Dataset
    from perfbudget.followup import coverage, rectification, disclosure
    y21, y22, y23 = (Dataset.load(f"examples/suma-park-{y}/dataset.json") for y in (2021, 2022, 2023))
    plan = coverage(y23, history=[y21, y22])
    print(plan.year, plan.max_projects, [p.project_id for p in plan.projects if p.status == "due"])
    print([(h.year, h.projects, h.amount) for h in plan.history])   # (2022, 8, Decimal('62000000.00'))
    r = rectification(y22, as_of="2022-12-31")
    print(r.total.problems, r.total.suggestions, r.total.overdue)  # 22 16 6
    print(disclosure(y23).total.key_with_approval)                 # 8

Results are plain Python values (NamedTuples): money is Decimal yuan, dates
are datetime.date, statuses and codes are strings.
"""

from __future__ import annotations

import ctypes
import datetime
from ctypes import POINTER, Structure, byref, c_char_p, c_int32, c_int64, c_uint32, c_void_p
from decimal import Decimal
from typing import Any, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _lib, _render, money
from ._lib import HANDLE, I32, OUT_HANDLE, OUT_STR, STR, U32, Out, Param
from .dataset import DateLike, date_to_int, int_to_date

SEVERITY_NAMES = ("info", "warning", "error", "blocker")
STATUS_NAMES = ("evaluated", "due", "recommended", "breach", "later")
GRADE_NAMES = ("excellent", "good", "fair", "poor")
ITEM_STATUS_NAMES = ("open", "in_progress", "done")
_LANGS = {"zh": 0, "en": 1}
_NO_MESSAGES = 1


# ---- the C structs ------------------------------------------------------------


class _CoverageOptions(Structure):
    _fields_ = [("version", c_uint32), ("year", c_int32), ("max_projects", c_int64),
                ("max_amount_fen", c_int64), ("horizon_years", c_int32), ("flags", c_uint32)]


class _RectificationOptions(Structure):
    _fields_ = [("version", c_uint32), ("as_of", c_int32), ("flags", c_uint32)]


class _DisclosureOptions(Structure):
    _fields_ = [("version", c_uint32), ("flags", c_uint32)]


class _ProjectRow(Structure):
    _fields_ = [("struct_size", c_uint32), ("project_id", c_char_p), ("unit_id", c_char_p),
                ("current_fen", c_int64), ("first_year", c_int32), ("last_year", c_int32),
                ("last_grade", c_int32), ("evaluations", c_int32), ("deadline", c_int32),
                ("overdue", c_int32), ("status", c_int32), ("planned_year", c_int32),
                ("breach_year", c_int32)]


class _YearRow(Structure):
    _fields_ = [("struct_size", c_uint32), ("year", c_int32), ("evaluated", c_uint32),
                ("due", c_uint32), ("recommended", c_uint32), ("breaches", c_uint32),
                ("amount_fen", c_int64)]


class _CoverageTotal(Structure):
    _fields_ = [("struct_size", c_uint32), ("key_projects", c_uint32), ("covered", c_uint32),
                ("never", c_uint32), ("overdue", c_uint32), ("planned", c_uint32),
                ("breaches", c_uint32), ("key_amount_fen", c_int64)]


class _RectificationCounts(Structure):
    _fields_ = [("struct_size", c_uint32)] + [
        (n, c_uint32) for n in ("evaluations", "problems", "suggestions", "items", "open",
                                "in_progress", "done", "overdue", "no_owner", "no_due_date")]


class _DisclosureCounts(Structure):
    _fields_ = [("struct_size", c_uint32)] + [
        (n, c_uint32) for n in ("projects", "key_projects", "key_with_budget", "key_with_approval",
                                "with_budget", "with_approval", "results", "results_published")]


class _StructIn(Param):
    """A pointer to a versioned options struct (or None for the defaults)."""

    def __init__(self, ctype: Any):
        self.argtypes = (POINTER(ctype),)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        return (None,) if value is None else (byref(value),)


class _StructOut(Param):
    """A versioned record the library fills; struct_size is set before the call."""

    is_output = True

    def __init__(self, ctype: Any):
        self.ctype = ctype
        self.argtypes = (POINTER(ctype),)

    def make(self) -> Tuple[Tuple[Any, ...], Any]:
        v = self.ctype()
        v.struct_size = ctypes.sizeof(self.ctype)
        return (byref(v),), v

    def result(self, storage: Any) -> Any:
        return storage


class _Datasets(Param):
    """(const pfb_dataset* const* list, uint32_t count) from a sequence of Datasets."""

    argtypes = (POINTER(c_void_p), c_uint32)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        items = list(value or [])
        arr = (c_void_p * max(1, len(items)))(*[d.ptr for d in items])
        return (arr, len(items))


_cov_run = _lib.fn("pfb_coverage_run", HANDLE, _Datasets(), HANDLE, _StructIn(_CoverageOptions),
                   OUT_HANDLE)
_cov_destroy = _lib.getter("pfb_coverage_destroy", None, HANDLE)
_cov_year = _lib.getter("pfb_coverage_year", c_int32, HANDLE)
_cov_window = _lib.getter("pfb_coverage_window_years", c_int32, HANDLE)
_cov_horizon = _lib.getter("pfb_coverage_horizon_years", c_int32, HANDLE)
_cov_max_projects = _lib.getter("pfb_coverage_max_projects", c_uint32, HANDLE)
_cov_max_amount = _lib.getter("pfb_coverage_max_amount_fen", c_int64, HANDLE)
_cov_project_count = _lib.getter("pfb_coverage_project_count", c_uint32, HANDLE)
_cov_project = _lib.fn("pfb_coverage_project", HANDLE, U32, _StructOut(_ProjectRow))
_cov_year_count = _lib.getter("pfb_coverage_year_count", c_uint32, HANDLE)
_cov_year_row = _lib.fn("pfb_coverage_year_row_get", HANDLE, U32, _StructOut(_YearRow))
_cov_history_count = _lib.getter("pfb_coverage_history_count", c_uint32, HANDLE)
_cov_history = _lib.fn("pfb_coverage_history", HANDLE, U32, Out(c_int32), Out(c_uint32),
                       Out(c_int64), Out(c_uint32))
_cov_history_unit = _lib.fn("pfb_coverage_history_unit", HANDLE, U32, U32, OUT_STR)
_cov_totals = _lib.fn("pfb_coverage_totals", HANDLE, STR, _StructOut(_CoverageTotal))
_cov_finding_count = _lib.getter("pfb_coverage_finding_count", c_uint32, HANDLE)
_cov_finding = _lib.fn("pfb_coverage_finding", HANDLE, U32, I32, OUT_STR, Out(c_int32),
                       Out(c_int32), OUT_STR, OUT_STR)

_rect_run = _lib.fn("pfb_rectification_run", HANDLE, HANDLE, _StructIn(_RectificationOptions),
                    OUT_HANDLE)
_rect_destroy = _lib.getter("pfb_rectification_destroy", None, HANDLE)
_rect_as_of = _lib.getter("pfb_rectification_as_of", c_int32, HANDLE)
_rect_totals = _lib.fn("pfb_rectification_totals", HANDLE, STR, _StructOut(_RectificationCounts))
_rect_item_count = _lib.getter("pfb_rectification_item_count", c_uint32, HANDLE)
_rect_item = _lib.fn("pfb_rectification_item", HANDLE, U32, OUT_STR, Out(c_int32), Out(c_int32),
                     Out(c_int32))
_rect_finding_count = _lib.getter("pfb_rectification_finding_count", c_uint32, HANDLE)
_rect_finding = _lib.fn("pfb_rectification_finding", HANDLE, U32, I32, OUT_STR, Out(c_int32),
                        OUT_STR, OUT_STR, OUT_STR)

_disc_run = _lib.fn("pfb_disclosure_run", HANDLE, HANDLE, _StructIn(_DisclosureOptions),
                    OUT_HANDLE)
_disc_destroy = _lib.getter("pfb_disclosure_destroy", None, HANDLE)
_disc_totals = _lib.fn("pfb_disclosure_totals", HANDLE, STR, _StructOut(_DisclosureCounts))
_disc_finding_count = _lib.getter("pfb_disclosure_finding_count", c_uint32, HANDLE)
_disc_finding = _lib.fn("pfb_disclosure_finding", HANDLE, U32, I32, OUT_STR, Out(c_int32),
                        OUT_STR, OUT_STR, OUT_STR)


_render_coverage = _render.render_fn("pfb_coverage_render")
_render_rectification = _render.render_fn("pfb_rectification_render")
_render_disclosure = _render.render_fn("pfb_disclosure_render")


def _lang(lang: str) -> int:
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    return _LANGS[lang]


class _Owned(_lib.Handle):
    pass


class _CoverageHandle(_Owned):
    _destroy = _cov_destroy


class _RectificationHandle(_Owned):
    _destroy = _rect_destroy


class _DisclosureHandle(_Owned):
    _destroy = _disc_destroy


def _str(b: Optional[bytes]) -> str:
    return "" if b is None else b.decode("utf-8")


# ---- coverage -------------------------------------------------------------------


class CoverageProject(NamedTuple):
    project_id: str
    unit_id: str
    current: Decimal  # yuan
    first_year: Optional[int]
    last_year: Optional[int]  # None: never evaluated
    last_grade: Optional[str]  # excellent | good | fair | poor
    evaluations: int
    deadline: int
    overdue: bool
    status: str  # evaluated | due | recommended | breach | later
    planned_year: Optional[int]
    breach_year: Optional[int]


class CoverageYear(NamedTuple):
    year: int
    evaluated: int
    due: int
    recommended: int
    breaches: int
    amount: Decimal


class CoverageHistoryYear(NamedTuple):
    year: int
    projects: int
    amount: Decimal
    unit_ids: List[str]


class CoverageTotal(NamedTuple):
    key_projects: int
    covered: int
    never: int
    overdue: int
    planned: int
    breaches: int
    key_amount: Decimal


class Finding(NamedTuple):
    code: str
    severity: str
    subject: str  # project id (coverage, disclosure) or item id (rectification); "" for none
    message: str
    year: Optional[int] = None  # coverage: the plan year
    evaluation: str = ""  # rectification, disclosure


class _Exported:
    """Result export for the follow-up results: the C result is kept (as
    ``_handle``) for to_json / to_csv / to_text until close() or garbage
    collection; the fields stay plain values."""

    _handle: Any
    _render_fn: Any = None

    def _render(self, fmt: int, lang: str, unit: Union[str, int] = "wan") -> str:
        return type(self)._render_fn(self._handle, _render.options(fmt, lang, unit))

    def close(self) -> None:
        """Frees the C result (to_json and the like then raise ValueError)."""
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __deepcopy__(self, memo: Any):
        return self  # immutable, and the C result is shared

    def __copy__(self):
        return self

    def to_json(self, lang: str = "zh") -> str:
        """The result as the CLI's `--format json` prints it (messages in
        `lang`; docs/format.md, "Analysis results as JSON")."""
        return self._render(_render.FORMAT_JSON, lang)

    def to_csv(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """The rows the CLI's `--format csv` prints (RFC 4180, CRLF; amounts
        exact in `unit`)."""
        return self._render(_render.FORMAT_CSV, lang, unit)

    def to_text(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """The report the CLI prints."""
        return self._render(_render.FORMAT_TEXT, lang, unit)


def _counts_frame(units: dict, fields: Sequence[str], money_mode: str):
    """One row per unit id (first column `unit_id`, then `fields`) of a dict
    of count NamedTuples."""
    from . import frames
    frames._check_money_mode(money_mode)
    return frames.pd.DataFrame([{"unit_id": u, **c._asdict()} for u, c in units.items()],
                               columns=["unit_id", *fields])


class _CoverageFields(NamedTuple):
    year: int
    window_years: int
    horizon_years: int
    max_projects: int
    max_amount: Optional[Decimal]  # None: no limit
    projects: List[CoverageProject]
    years: List[CoverageYear]
    history: List[CoverageHistoryYear]
    total: CoverageTotal
    units: dict  # unit id -> CoverageTotal
    findings: List[Finding]


class Coverage(_Exported, _CoverageFields):
    """The coverage plan: plain fields (a NamedTuple), and its export."""

    _render_fn = _render_coverage

    def to_frame(self, what: str = "projects", money: str = "decimal"):
        """A pandas DataFrame of the key projects (one row each, as
        CoverageProject), of the plan years (what="years"), of the history
        (what="history") or of the findings (what="findings"). Money columns
        are Decimal yuan, or int64 fen with money="fen"."""
        from . import frames
        if what == "projects":
            return frames.records_frame(self.projects, list(CoverageProject._fields),
                                        ["current"], money)
        if what == "years":
            return frames.records_frame(self.years, list(CoverageYear._fields), ["amount"], money)
        if what == "history":
            return frames.records_frame(self.history, list(CoverageHistoryYear._fields),
                                        ["amount"], money)
        if what == "findings":
            return frames.records_frame(self.findings, list(Finding._fields), [], money)
        raise ValueError(
            f'what must be "projects", "years", "history" or "findings", got {what!r}')


def _none_if_zero(v: int) -> Optional[int]:
    return None if v == 0 else v


def _coverage_total(t: Any) -> CoverageTotal:
    return CoverageTotal(t.key_projects, t.covered, t.never, t.overdue, t.planned, t.breaches,
                         money.from_fen(t.key_amount_fen))


def coverage(dataset, history: Sequence = (), policy=None, *, year: Optional[int] = None,
             max_projects: Optional[int] = None, max_amount: Optional[Decimal] = None,
             horizon_years: Optional[int] = None, lang: str = "zh") -> Coverage:
    """The coverage plan of `dataset`'s key projects, with the evaluations of
    `dataset` and of the `history` datasets (earlier years). `max_amount` is in
    yuan (Decimal or int; 0 = no limit); None keeps the policy's settings."""
    opts = _CoverageOptions(1, year or 0, -1 if max_projects is None else max_projects, -1,
                            horizon_years or 0, 0)
    if max_amount is not None:
        opts.max_amount_fen = money.to_fen(max_amount)
    code = _lang(lang)
    h = _CoverageHandle(_cov_run(dataset, list(history), policy, opts))
    try:
        projects = []
        for i in range(_cov_project_count(h)):
            r = _cov_project(h, i)
            projects.append(CoverageProject(
                _str(r.project_id), _str(r.unit_id), money.from_fen(r.current_fen),
                _none_if_zero(r.first_year), _none_if_zero(r.last_year),
                GRADE_NAMES[r.last_grade] if r.last_grade >= 0 else None, r.evaluations,
                r.deadline, bool(r.overdue), STATUS_NAMES[r.status], _none_if_zero(r.planned_year),
                _none_if_zero(r.breach_year)))
        years = []
        for i in range(_cov_year_count(h)):
            y = _cov_year_row(h, i)
            years.append(CoverageYear(y.year, y.evaluated, y.due, y.recommended, y.breaches,
                                      money.from_fen(y.amount_fen)))
        hist = []
        for i in range(_cov_history_count(h)):
            hy, n, amount, units = _cov_history(h, i)
            hist.append(CoverageHistoryYear(hy, n, money.from_fen(amount),
                                            [_cov_history_unit(h, i, k) for k in range(units)]))
        units = {}
        for uid in sorted({p.unit_id for p in projects}):
            units[uid] = _coverage_total(_cov_totals(h, uid))
        findings = []
        for i in range(_cov_finding_count(h)):
            fc, sev, fy, pid, msg = _cov_finding(h, i, code)
            findings.append(Finding(fc, SEVERITY_NAMES[sev], pid, msg, fy))
        max_fen = _cov_max_amount(h)
        result = Coverage(_cov_year(h), _cov_window(h), _cov_horizon(h), _cov_max_projects(h),
                          money.from_fen(max_fen) if max_fen else None, projects, years, hist,
                          _coverage_total(_cov_totals(h, None)), units, findings)
    except BaseException:
        h.close()
        raise
    result._handle = h  # kept for the export (to_json, to_csv, to_text)
    return result


# ---- rectification ---------------------------------------------------------------


class RectificationCounts(NamedTuple):
    evaluations: int
    problems: int
    suggestions: int
    items: int
    open: int
    in_progress: int
    done: int
    overdue: int
    no_owner: int
    no_due_date: int


class RectificationItem(NamedTuple):
    id: str
    status: str  # open | in_progress | done
    overdue: bool
    days_overdue: int


class _RectificationFields(NamedTuple):
    as_of: datetime.date
    total: RectificationCounts
    units: dict  # unit id -> RectificationCounts
    items: List[RectificationItem]
    findings: List[Finding]


class Rectification(_Exported, _RectificationFields):
    """Rectification follow-up: plain fields (a NamedTuple), and its export
    (to_json / to_csv / to_text as `perfbudget rectification` prints it)."""

    _render_fn = _render_rectification

    def to_frame(self, what: str = "items", money: str = "decimal"):
        """A pandas DataFrame of the items (one row each, as
        RectificationItem), of the findings (what="findings") or of the units
        asked for with `unit_ids` (what="units": unit_id and the counts). No
        money columns; `money` ("decimal" or "fen") is only checked."""
        from . import frames
        if what == "items":
            return frames.records_frame(self.items, list(RectificationItem._fields), [], money)
        if what == "findings":
            return frames.records_frame(self.findings, list(Finding._fields), [], money)
        if what == "units":
            return _counts_frame(self.units, RectificationCounts._fields, money)
        raise ValueError(f'what must be "items", "findings" or "units", got {what!r}')


def _rect_counts(c: Any) -> RectificationCounts:
    return RectificationCounts(c.evaluations, c.problems, c.suggestions, c.items, c.open,
                               c.in_progress, c.done, c.overdue, c.no_owner, c.no_due_date)


def rectification(dataset, policy=None, *, as_of: DateLike = None, lang: str = "zh",
                  unit_ids: Sequence[str] = ()) -> Rectification:
    """Rectification follow-up as of `as_of` (None: the dataset's as_of, else
    the last day of its fiscal year). `unit_ids`: units to total apart."""
    opts = _RectificationOptions(1, date_to_int(as_of), 0)
    code = _lang(lang)
    h = _RectificationHandle(_rect_run(dataset, policy, opts))
    try:
        items = []
        for i in range(_rect_item_count(h)):
            iid, st, od, days = _rect_item(h, i)
            items.append(RectificationItem(iid, ITEM_STATUS_NAMES[st], bool(od), days))
        findings = []
        for i in range(_rect_finding_count(h)):
            fc, sev, item, ev, msg = _rect_finding(h, i, code)
            findings.append(Finding(fc, SEVERITY_NAMES[sev], item, msg, None, ev))
        units = {u: _rect_counts(_rect_totals(h, u)) for u in unit_ids}
        as_of_date = int_to_date(_rect_as_of(h))
        assert as_of_date is not None
        result = Rectification(as_of_date, _rect_counts(_rect_totals(h, None)), units, items,
                               findings)
    except BaseException:
        h.close()
        raise
    result._handle = h  # kept for the export (to_json, to_csv, to_text)
    return result


# ---- disclosure ---------------------------------------------------------------------


class DisclosureCounts(NamedTuple):
    projects: int
    key_projects: int
    key_with_budget: int
    key_with_approval: int
    with_budget: int
    with_approval: int
    results: int
    results_published: int


class _DisclosureFields(NamedTuple):
    total: DisclosureCounts
    units: dict  # unit id -> DisclosureCounts
    findings: List[Finding]


class Disclosure(_Exported, _DisclosureFields):
    """The disclosure check: plain fields (a NamedTuple), and its export
    (to_json / to_csv / to_text as `perfbudget disclosure` prints it)."""

    _render_fn = _render_disclosure

    def to_frame(self, what: str = "findings", money: str = "decimal"):
        """A pandas DataFrame of the findings (one row each) or of the units
        asked for with `unit_ids` (what="units": unit_id and the counts). No
        money columns; `money` ("decimal" or "fen") is only checked."""
        from . import frames
        if what == "findings":
            return frames.records_frame(self.findings, list(Finding._fields), [], money)
        if what == "units":
            return _counts_frame(self.units, DisclosureCounts._fields, money)
        raise ValueError(f'what must be "findings" or "units", got {what!r}')


def disclosure(dataset, policy=None, *, lang: str = "zh",
               unit_ids: Sequence[str] = ()) -> Disclosure:
    """What was published with the budget, the approval and the final accounts,
    and what the policy says must be and was not."""
    code = _lang(lang)
    h = _DisclosureHandle(_disc_run(dataset, policy, _DisclosureOptions(1, 0)))
    try:
        findings = []
        for i in range(_disc_finding_count(h)):
            fc, sev, pid, ev, msg = _disc_finding(h, i, code)
            findings.append(Finding(fc, SEVERITY_NAMES[sev], pid, msg, None, ev))
        units = {u: DisclosureCounts(*[getattr(c, f) for f, _ in _DisclosureCounts._fields_[1:]])
                 for u, c in ((u, _disc_totals(h, u)) for u in unit_ids)}
        t = _disc_totals(h, None)
        result = Disclosure(
            DisclosureCounts(*[getattr(t, f) for f, _ in _DisclosureCounts._fields_[1:]]), units,
            findings)
    except BaseException:
        h.close()
        raise
    result._handle = h  # kept for the export (to_json, to_csv, to_text)
    return result
