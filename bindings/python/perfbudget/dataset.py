"""Dataset (one jurisdiction's fiscal year, immutable) and Builder (rows in,
dataset out) over the C ABI."""

from __future__ import annotations

import ctypes
import datetime
import os
from ctypes import POINTER, c_int32, c_int64, c_uint32, c_uint64
from decimal import Decimal
from typing import Any, List, NamedTuple, Optional, Union

from . import _lib, _render, errors, money
from ._lib import (BORROWED_STR, BUF, HANDLE, I32, I64, OUT_HANDLE, OUT_OWNED_STR, OUT_STR, STR, U32,
                   U64, Out)
from .enums import (Comparator, FundSource, GoalOwner, IndicatorLevel1, IndicatorLevel2,
                    ProjectKind, ProjectStatus, QualitativeGrade, ValueSource, to_int)

DateLike = Union[datetime.date, str, None]
ENCODINGS = {"utf-8": 0, "utf8": 0, "gb18030": 1, "gbk": 1}


def date_to_int(d: DateLike) -> int:
    """A date as the C ABI's int32 yyyymmdd; None → 0 ("no date")."""
    if d is None:
        return 0
    if isinstance(d, str):
        d = datetime.date.fromisoformat(d)
    if not isinstance(d, datetime.date):
        raise TypeError(f"expected datetime.date or ISO text, got {type(d).__name__}")
    return d.year * 10000 + d.month * 100 + d.day


def int_to_date(v: int) -> Optional[datetime.date]:
    """The inverse of date_to_int (0 → None)."""
    if v == 0:
        return None
    return datetime.date(v // 10000, v // 100 % 100, v % 100)


def decimal_text(v: Union[Decimal, int, str, None]) -> Optional[str]:
    """Exact decimal text for a ratio / target / weight; float is refused."""
    if v is None:
        return None
    if isinstance(v, (bool, float)):
        raise TypeError("rates and values are never floats: use decimal.Decimal, int or str")
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise ValueError(f"{v} is not a number")
        return format(v, "f")
    if isinstance(v, (int, str)):
        return str(v)
    raise TypeError(f"expected Decimal, int or str, got {type(v).__name__}")


def _encoding(encoding: Union[str, int]) -> int:
    if isinstance(encoding, int):
        return encoding
    try:
        return ENCODINGS[encoding.lower()]
    except KeyError:
        raise ValueError(f"{encoding!r} is not an encoding (expected utf-8 or gb18030)") from None


class Totals(NamedTuple):
    """Totals in Decimal yuan: approved 年初预算, current 全年预算数 (approved +
    adjustments), executed 执行数 (disbursements)."""

    approved: Decimal
    current: Decimal
    executed: Decimal


class Unit(NamedTuple):
    index: int
    id: str
    name: str


class Project(NamedTuple):
    index: int
    id: str
    name: str
    unit_index: int


# ---- C functions -------------------------------------------------------------------


class _LoadOptions(ctypes.Structure):
    """pfb_load_options (version 1)."""
    _fields_ = [("version", c_uint32), ("encoding", c_int32), ("threads", c_uint32),
                ("max_errors", c_uint32), ("max_file_bytes", c_uint64), ("max_depth", c_int32)]


class _LoadOptionsParam(_lib.Param):
    """A pointer to a pfb_load_options."""

    argtypes = (POINTER(_LoadOptions),)

    def encode(self, value: Any) -> Any:
        return (ctypes.byref(value),)


_load_with_options = _lib.fn("pfb_dataset_load_with_options", STR, _LoadOptionsParam(), OUT_HANDLE)
_MAX_FILE_BYTES = 4 << 30  # the default and the most (4 GiB)


def _count(name: str, value: Optional[int], default: int, lowest: int, bits: int) -> int:
    """An option's value, checked to fit its C field (ctypes would wrap it)."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int or None, got {type(value).__name__}")
    if value < lowest or value >= 1 << bits:
        raise ValueError(f"{name} must be in {lowest} .. {(1 << bits) - 1}, got {value}")
    return value
_from_json = _lib.fn("pfb_dataset_from_json", BUF, STR, OUT_HANDLE)
_destroy = _lib.getter("pfb_dataset_destroy", None, HANDLE)
_fiscal_year = _lib.getter("pfb_dataset_fiscal_year", c_int32, HANDLE)
_start_month = _lib.getter("pfb_dataset_fiscal_year_start_month", c_int32, HANDLE)
_jurisdiction_code = _lib.getter("pfb_dataset_jurisdiction_code", BORROWED_STR, HANDLE)
_jurisdiction_name = _lib.getter("pfb_dataset_jurisdiction_name", BORROWED_STR, HANDLE)
_title = _lib.getter("pfb_dataset_title", BORROWED_STR, HANDLE)
_as_of = _lib.getter("pfb_dataset_as_of", c_int32, HANDLE)
_counts = {k: _lib.getter(f"pfb_dataset_{k}_count", c_uint32, HANDLE)
           for k in ("unit", "project", "goal", "indicator", "disbursement")}
_unit_id = _lib.fn("pfb_dataset_unit_id", HANDLE, U32, OUT_STR)
_unit_name = _lib.fn("pfb_dataset_unit_name", HANDLE, U32, OUT_STR)
_project_id = _lib.fn("pfb_dataset_project_id", HANDLE, U32, OUT_STR)
_project_name = _lib.fn("pfb_dataset_project_name", HANDLE, U32, OUT_STR)
_project_unit = _lib.fn("pfb_dataset_project_unit", HANDLE, U32, Out(c_uint32))
_find_unit = _lib.fn("pfb_dataset_find_unit", HANDLE, STR, Out(c_uint32))
_find_project = _lib.fn("pfb_dataset_find_project", HANDLE, STR, Out(c_uint32))
_TOTALS_OUT = (Out(c_int64), Out(c_int64), Out(c_int64))
_totals = _lib.fn("pfb_dataset_totals", HANDLE, I32, *_TOTALS_OUT)
_unit_totals = _lib.fn("pfb_dataset_unit_totals", HANDLE, U32, I32, *_TOTALS_OUT)
_source_totals = _lib.fn("pfb_dataset_fund_source_totals", HANDLE, I32, I32, *_TOTALS_OUT)
_project_totals = _lib.fn("pfb_dataset_project_totals", HANDLE, U32, I32, *_TOTALS_OUT)
_to_json = _lib.fn("pfb_dataset_to_json", HANDLE, U32, OUT_OWNED_STR)
_summary_render = _lib.fn("pfb_dataset_summary_render", HANDLE, I32, _render.OPTIONS, OUT_OWNED_STR)
_synth = _lib.fn("pfb_dataset_synth", U64, I32, I32, I32, I32, I32, I32, U32, OUT_HANDLE)
_write_csv = _lib.fn("pfb_dataset_write_csv", HANDLE, STR, I32, U32)

_builder_create = _lib.fn("pfb_builder_create", STR, STR, I32, I32, U32, STR, OUT_HANDLE)
_builder_destroy = _lib.getter("pfb_builder_destroy", None, HANDLE)
_set_origin = _lib.fn("pfb_builder_set_origin", HANDLE, STR, I32)
_set_as_of = _lib.fn("pfb_builder_set_as_of", HANDLE, I32)
_add_unit = _lib.fn("pfb_builder_add_unit", HANDLE, STR, STR)
_add_project = _lib.fn("pfb_builder_add_project", HANDLE, STR, STR, STR, STR, I32, I32, I32, I64,
                       U32)
_add_fund_line = _lib.fn("pfb_builder_add_fund_line", HANDLE, STR, I32, I64, I32)
_add_adjustment = _lib.fn("pfb_builder_add_adjustment", HANDLE, STR, I32, I32, I64, STR)
_add_planned_payment = _lib.fn("pfb_builder_add_planned_payment", HANDLE, STR, I32, I64)
_add_goal = _lib.fn("pfb_builder_add_goal", HANDLE, STR, I32, STR, STR, STR)
_add_indicator = _lib.fn("pfb_builder_add_indicator", HANDLE, STR, STR, I32, I32, STR, I32, STR,
                         STR, STR, STR, STR, I32, STR)
_add_actual = _lib.fn("pfb_builder_add_actual", HANDLE, STR, STR, I32, STR, I32, STR)
_add_disbursement = _lib.fn("pfb_builder_add_disbursement", HANDLE, STR, STR, I32, I32, I64)
_build = _lib.fn("pfb_builder_build", HANDLE, OUT_HANDLE)


def _totals_of(raw: Any) -> Totals:
    return Totals(*(money.from_fen(v) for v in raw))


class Dataset(_lib.Handle):
    """A validated, immutable dataset. Make one with Dataset.load,
    Dataset.from_json or Dataset.builder(...).build(). Safe to read from
    several threads. Close it with close() or a ``with`` block (or let the
    garbage collector do it)."""

    _destroy = _destroy

    # ---- making one -------------------------------------------------------------
    @classmethod
    def load(cls, path: Union[str, os.PathLike], encoding: Union[str, int] = "utf-8",
             threads: Optional[int] = None, max_errors: int = 100,
             max_file_bytes: Optional[int] = None, max_depth: int = 64) -> "Dataset":
        """A .json file, or a folder of CSV tables (in `encoding`). A path that
        does not exist raises MissingFileError, a FileNotFoundError.

        `threads`: the most threads the load uses (None or 0: one per core);
        the dataset and the errors are the same for any count. `max_errors`:
        problems kept in the error (>= 1). `max_file_bytes`: the largest file
        or CSV table (None: 4 GiB, the most). `max_depth`: the deepest JSON
        nesting (1..1024)."""
        options = _LoadOptions(
            1, _encoding(encoding), _count("threads", threads, 0, 0, 32),
            _count("max_errors", max_errors, 100, 1, 32),
            _count("max_file_bytes", max_file_bytes, _MAX_FILE_BYTES, 1, 64),
            _count("max_depth", max_depth, 64, 1, 31))
        try:
            return cls(_load_with_options(os.fspath(path), options))
        except errors.NotFoundError as e:
            raise errors.as_missing_file(e, os.fspath(path)) from None

    @classmethod
    def from_json(cls, text: Union[str, bytes], file_name: Optional[str] = None) -> "Dataset":
        """JSON text in memory; `file_name` names it in diagnostics."""
        return cls(_from_json(text, file_name))

    @classmethod
    def synth(cls, seed: int = 1, units: int = 6, projects: int = 80, indicators_per_goal: int = 6,
              disbursements_per_project: int = 6, fiscal_year: int = 2022, start_month: int = 1,
              unit_goals: bool = True, actuals: bool = True, payment_plans: bool = True,
              ex_ante: bool = True) -> "Dataset":
        """A synthetic dataset, as `perfbudget synth` makes (deterministic by
        its arguments): for tests, benchmarks and demos."""
        flags = ((0 if unit_goals else 1) | (0 if actuals else 2) | (0 if payment_plans else 4)
                 | (0 if ex_ante else 8))
        return cls(_synth(seed, units, projects, indicators_per_goal, disbursements_per_project,
                          fiscal_year, start_month, flags))

    @classmethod
    def from_frames(cls, *, fiscal_year: int, units: Any, projects: Any, funds: Any = None,
                    adjustments: Any = None, disbursements: Any = None,
                    jurisdiction_code: str = "", jurisdiction_name: str = "", start_month: int = 1,
                    title: str = "", as_of: DateLike = None) -> "Dataset":
        """A dataset from pandas DataFrames (perfbudget.frames says which
        columns); disbursements go through one bulk C call."""
        from . import frames  # needs pandas; imported only when used
        return frames.dataset_from_frames(
            fiscal_year=fiscal_year, units=units, projects=projects, funds=funds,
            adjustments=adjustments, disbursements=disbursements,
            jurisdiction_code=jurisdiction_code, jurisdiction_name=jurisdiction_name,
            start_month=start_month, title=title, as_of=as_of)

    @staticmethod
    def builder(fiscal_year: int, jurisdiction_code: str = "", jurisdiction_name: str = "",
                start_month: int = 1, named_by_end: bool = False, title: str = "") -> "Builder":
        """A Builder for one fiscal year (rows in, dataset out)."""
        return Builder(fiscal_year, jurisdiction_code, jurisdiction_name, start_month,
                       named_by_end, title)

    # ---- header and counts -------------------------------------------------------
    @property
    def fiscal_year(self) -> int:
        return _fiscal_year(self)

    @property
    def fiscal_year_start_month(self) -> int:
        return _start_month(self)

    @property
    def jurisdiction_code(self) -> str:
        return _jurisdiction_code(self)

    @property
    def jurisdiction_name(self) -> str:
        return _jurisdiction_name(self)

    @property
    def title(self) -> str:
        return _title(self)

    @property
    def as_of(self) -> Optional[datetime.date]:
        """The dataset's as-of date (数据截至日期), or None when it states none."""
        return int_to_date(_as_of(self))

    @property
    def unit_count(self) -> int:
        return _counts["unit"](self)

    @property
    def project_count(self) -> int:
        return _counts["project"](self)

    @property
    def goal_count(self) -> int:
        return _counts["goal"](self)

    @property
    def indicator_count(self) -> int:
        return _counts["indicator"](self)

    @property
    def disbursement_count(self) -> int:
        return _counts["disbursement"](self)

    # ---- records ------------------------------------------------------------------------
    def unit(self, index: int) -> Unit:
        return Unit(index, _unit_id(self, index), _unit_name(self, index))

    def units(self) -> List[Unit]:
        return [self.unit(i) for i in range(self.unit_count)]

    def project(self, index: int) -> Project:
        return Project(index, _project_id(self, index), _project_name(self, index),
                       _project_unit(self, index))

    def projects(self) -> List[Project]:
        return [self.project(i) for i in range(self.project_count)]

    def find_unit(self, unit_id: str) -> int:
        """The unit's index; NotFoundError when absent."""
        return _find_unit(self, unit_id)

    def find_project(self, project_id: str) -> int:
        return _find_project(self, project_id)

    # ---- totals -----------------------------------------------------------------------------
    def totals(self, as_of: DateLike = None) -> Totals:
        """Whole-dataset totals; `as_of` limits adjustments and disbursements to
        those on or before that date."""
        return _totals_of(_totals(self, date_to_int(as_of)))

    def unit_totals(self, unit: Union[int, str], as_of: DateLike = None) -> Totals:
        """Totals of one unit, by index or id."""
        index = self.find_unit(unit) if isinstance(unit, str) else unit
        return _totals_of(_unit_totals(self, index, date_to_int(as_of)))

    def project_totals(self, project: Union[int, str], as_of: DateLike = None) -> Totals:
        """Totals of one project, by index or id."""
        index = self.find_project(project) if isinstance(project, str) else project
        return _totals_of(_project_totals(self, index, date_to_int(as_of)))

    def fund_source_totals(self, source: Union[FundSource, int, str],
                           as_of: DateLike = None) -> Totals:
        """Totals of one fund source (its fund lines, adjustments, disbursements)."""
        return _totals_of(_source_totals(self, to_int(FundSource, source), date_to_int(as_of)))

    # ---- summary (perfbudget summary) -------------------------------------------------------
    def summary_json(self, as_of: DateLike = None, lang: str = "zh") -> str:
        """Counts and totals per unit, per fund source and overall as
        `perfbudget summary --format json` prints them. `as_of` None = as the
        CLI without --as-of (the dataset's own as-of date, else the latest
        disbursement date); `lang` names the fund-source labels."""
        return _summary_render(self, date_to_int(as_of), _render.options(_render.FORMAT_JSON, lang))

    def summary_csv(self, as_of: DateLike = None, lang: str = "zh",
                    unit: Union[str, int] = "wan") -> str:
        """The summary as `perfbudget summary --format csv` prints it (a row
        per unit, per fund source and a total row; amounts exact in `unit`)."""
        return _summary_render(self, date_to_int(as_of),
                               _render.options(_render.FORMAT_CSV, lang, unit))

    def summary_text(self, as_of: DateLike = None, lang: str = "zh",
                     unit: Union[str, int] = "wan") -> str:
        """The summary's tables as `perfbudget summary` prints them (without
        the line naming the data argument)."""
        return _summary_render(self, date_to_int(as_of),
                               _render.options(_render.FORMAT_TEXT, lang, unit))

    # ---- export ---------------------------------------------------------------------------------
    def to_json(self, compact: bool = False) -> str:
        """The dataset as JSON (docs/format.md), deterministic."""
        return _to_json(self, 1 if compact else 0)

    def write_csv(self, directory: Union[str, os.PathLike], encoding: Union[str, int] = "utf-8",
                  bom: bool = False) -> None:
        """Writes the CSV tables into `directory` (created if missing)."""
        _write_csv(self, os.fspath(directory), _encoding(encoding), 1 if bom else 0)

    def __repr__(self) -> str:
        if self.closed:
            return "<perfbudget.Dataset closed>"
        return (f"<perfbudget.Dataset {self.jurisdiction_code} FY{self.fiscal_year}: "
                f"{self.unit_count} units, {self.project_count} projects>")


class Builder(_lib.Handle):
    """Feeds rows (units, projects, fund lines, goals, indicators,
    disbursements ...) in any order, then build() validates and makes the
    Dataset. A bad row raises at once (and also makes build() fail). Money
    arguments take Decimal / int yuan or text ("500万元"); dates take
    datetime.date or ISO text."""

    _destroy = _builder_destroy

    def __init__(self, fiscal_year: int, jurisdiction_code: str = "", jurisdiction_name: str = "",
                 start_month: int = 1, named_by_end: bool = False, title: str = ""):
        super().__init__(_builder_create(jurisdiction_code, jurisdiction_name, fiscal_year,
                                         start_month, 1 if named_by_end else 0, title))

    def set_origin(self, source: Optional[str], row: int = 0) -> "Builder":
        """Where the following rows come from (named in diagnostics)."""
        _set_origin(self, source, row)
        return self

    def set_as_of(self, as_of: DateLike) -> "Builder":
        """The dataset's as-of date (数据截至日期); None clears it. It must lie in
        the fiscal year (ValueError otherwise; the build does not fail)."""
        _set_as_of(self, date_to_int(as_of))
        return self

    def add_unit(self, id: str, name: str) -> "Builder":  # noqa: A002
        _add_unit(self, id, name)
        return self

    def add_project(self, id: str, unit_id: str, name: str, category: str = "",  # noqa: A002
                    kind: Union[ProjectKind, int, str] = ProjectKind.CONTINUING,
                    status: Union[ProjectStatus, int, str] = ProjectStatus.IN_PROGRESS,
                    start_year: int = 0, requested: money.Amount = 0, key: bool = False,
                    disclosed_with_budget: bool = False,
                    disclosed_with_approval: bool = False) -> "Builder":
        flags = (1 if key else 0) | (2 if disclosed_with_budget else 0) | (
            4 if disclosed_with_approval else 0)
        _add_project(self, id, unit_id, name, category, to_int(ProjectKind, kind),
                     to_int(ProjectStatus, status), start_year, money.to_fen(requested), flags)
        return self

    def add_fund_line(self, project_id: str, source: Union[FundSource, int, str],
                      approved: money.Amount, origin_year: int = 0) -> "Builder":
        _add_fund_line(self, project_id, to_int(FundSource, source), money.to_fen(approved),
                       origin_year)
        return self

    def add_adjustment(self, project_id: str, date: DateLike, source: Union[FundSource, int, str],
                       amount: money.Amount, reason: str = "") -> "Builder":
        _add_adjustment(self, project_id, date_to_int(date), to_int(FundSource, source),
                        money.to_fen(amount), reason)
        return self

    def add_planned_payment(self, project_id: str, date: DateLike,
                            amount: money.Amount) -> "Builder":
        _add_planned_payment(self, project_id, date_to_int(date), money.to_fen(amount))
        return self

    def add_goal(self, id: str, owner: Union[GoalOwner, int, str],  # noqa: A002
                 project_id: Optional[str] = None, unit_id: Optional[str] = None,
                 text: str = "") -> "Builder":
        _add_goal(self, id, to_int(GoalOwner, owner), project_id, unit_id, text)
        return self

    def add_indicator(self, goal_id: str, indicator_id: str,
                      level1: Union[IndicatorLevel1, int, str],
                      level2: Union[IndicatorLevel2, int, str], name: str,
                      comparator: Union[Comparator, int, str] = Comparator.GE,
                      target: Union[Decimal, int, str, None] = None,
                      target_high: Union[Decimal, int, str, None] = None,
                      unit_of_measure: str = "",
                      weight: Union[Decimal, int, str, None] = None,
                      baseline: Union[Decimal, int, str, None] = None,
                      value_source: Union[ValueSource, int, str] = ValueSource.UNSPECIFIED,
                      evaluation_standard: str = "") -> "Builder":
        _add_indicator(self, goal_id, indicator_id, to_int(IndicatorLevel1, level1),
                       to_int(IndicatorLevel2, level2), name, to_int(Comparator, comparator),
                       decimal_text(target), decimal_text(target_high), unit_of_measure,
                       decimal_text(weight), decimal_text(baseline),
                       to_int(ValueSource, value_source), evaluation_standard)
        return self

    def add_actual(self, goal_id: str, indicator_id: str, date: DateLike,
                   value: Union[Decimal, int, str, None] = None,
                   grade: Union[QualitativeGrade, int, str, None] = None,
                   text: str = "") -> "Builder":
        _add_actual(self, goal_id, indicator_id, date_to_int(date), decimal_text(value),
                    -1 if grade is None else to_int(QualitativeGrade, grade), text)
        return self

    def add_disbursement(self, project_id: str, date: DateLike,
                         source: Union[FundSource, int, str], amount: money.Amount,
                         id: Optional[str] = None) -> "Builder":  # noqa: A002
        _add_disbursement(self, id, project_id, date_to_int(date), to_int(FundSource, source),
                          money.to_fen(amount))
        return self

    def build(self) -> Dataset:
        """Validates and makes the Dataset; InvalidArgumentError with every
        problem as diagnostics otherwise. The builder is used up either way."""
        try:
            return Dataset(_build(self))
        finally:
            self.close()
