"""pandas DataFrames in and out of perfbudget (needs Debian's python3-pandas).

Out: every result's ``to_frame()`` (Monitor, Reclaim, ExecutionCurve,
Review, SelfEvaluation, Results, Coverage, Rectification, Disclosure and the
list indicators.suggest() returns) builds a DataFrame from the result's rows. Money and percentage
columns hold exact ``decimal.Decimal`` values by default (object dtype);
``money="fen"`` gives money as int64 fen instead (percentages stay Decimal).
No float ever holds money.

In: ``Dataset.from_frames(...)`` builds a dataset from DataFrames (units,
projects, fund lines, adjustments, disbursements). Disbursements go through
the C ABI's bulk call (``pfb_builder_add_disbursement_columns``): their
columns are handed over as arrays, so a frame of a million rows loads in
about a second, with no Python call per row. Columns (names as in the CSV
tables, ``docs/format.md``):

- units: ``id``, ``name``
- projects: ``id``, ``unit``, ``name`` and optionally ``category``, ``kind``,
  ``status``, ``start_year``, ``requested``, ``key``
- funds: ``project``, ``source``, ``approved``
- adjustments: ``project``, ``date``, ``source``, ``amount`` and optionally ``reason``
- disbursements: ``project``, ``date``, ``source``, ``amount`` (yuan: Decimal,
  int or text) or ``amount_fen`` (int64 fen, the fast path), optionally ``id``

Dates may be datetime64 columns, ``datetime.date`` objects or ISO text;
sources are codes (``general_budget``) or FundSource values. A bad row is
reported like any builder row: the build fails with every problem found,
each placed at ``<table>[row]``.
"""

from __future__ import annotations

import ctypes
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Optional, Sequence

from . import _lib, money
from .enums import FundSource

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # pragma: no cover - the frames API needs pandas
    raise ImportError("perfbudget.frames needs pandas (Debian: python3-pandas)") from e


def _check_money_mode(mode: str) -> None:
    if mode not in ("decimal", "fen"):
        raise ValueError(f'money must be "decimal" or "fen", got {mode!r}')


def records_frame(records: Iterable[Any], columns: Sequence[str], money_columns: Sequence[str],
                  money_mode: str = "decimal") -> "pd.DataFrame":
    """A DataFrame of NamedTuple-like records, keeping `columns` in order.
    Money columns (Decimal yuan) stay Decimal, or become int64 fen with
    money_mode="fen" (None stays missing: a nullable Int64 column)."""
    _check_money_mode(money_mode)
    rows = [{c: getattr(r, c) for c in columns} for r in records]
    frame = pd.DataFrame(rows, columns=list(columns))
    if money_mode == "fen":
        for c in money_columns:
            frame[c] = pd.array([None if v is None else money.to_fen(v) for v in frame[c]],
                                dtype="Int64")
    return frame


# ---- frames in ---------------------------------------------------------------------

class _TextColumn(ctypes.Structure):
    _fields_ = [("data", ctypes.c_char_p), ("size", ctypes.c_uint64),
                ("offsets", ctypes.POINTER(ctypes.c_uint64)),
                ("codes", ctypes.POINTER(ctypes.c_uint32)), ("dictionary_count", ctypes.c_uint64)]


class _DisbursementColumns(ctypes.Structure):
    """pfb_disbursement_columns (pfb_core.h), version 1."""
    _fields_ = [("version", ctypes.c_uint32), ("count", ctypes.c_uint64),
                ("id", _TextColumn), ("project_id", _TextColumn),
                ("date", ctypes.POINTER(ctypes.c_int32)),
                ("source", ctypes.POINTER(ctypes.c_int32)),
                ("amount_fen", ctypes.POINTER(ctypes.c_int64))]


class _ColumnsParam(_lib.Param):
    argtypes = (ctypes.POINTER(_DisbursementColumns),)

    def encode(self, value):
        return (ctypes.byref(value),)


_add_disbursement_columns = _lib.fn("pfb_builder_add_disbursement_columns", _lib.HANDLE,
                                    _ColumnsParam())


def _text_column(values: "pd.Series", keep: List[Any]) -> _TextColumn:
    """A column of str in the C ABI's dictionary form: each distinct text
    once (UTF-8, back to back, with offsets) and one code per row (missing
    values are empty texts). Ids repeat, so this encodes far fewer strings."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    entries = [str(u).encode("utf-8") for u in uniques] + [b""]  # last: missing values
    codes = np.where(codes < 0, len(entries) - 1, codes).astype(np.uint32)
    lengths = np.fromiter((len(e) for e in entries), dtype=np.uint64, count=len(entries))
    offsets = np.zeros(len(entries) + 1, dtype=np.uint64)
    np.cumsum(lengths, out=offsets[1:])
    data = b"".join(entries)
    keep.extend([data, offsets, codes])
    return _TextColumn(data, len(data), offsets.ctypes.data_as(ctypes.POINTER(ctypes.c_uint64)),
                       codes.ctypes.data_as(ctypes.POINTER(ctypes.c_uint32)), len(entries))


def _dates(values: "pd.Series") -> "np.ndarray":
    """yyyymmdd int32 from datetime64, date objects or ISO text; 0 for a
    missing or unreadable date (the row is then rejected by the library)."""
    parsed = values if pd.api.types.is_datetime64_any_dtype(values) else \
        pd.to_datetime(values, errors="coerce")
    out = (parsed.dt.year * 10000 + parsed.dt.month * 100 + parsed.dt.day)
    return out.fillna(0).astype(np.int32).to_numpy()


_SOURCE_CODES: Dict[Any, int] = {}
for _s in FundSource:
    _SOURCE_CODES[_s.code] = int(_s)
    _SOURCE_CODES[_s] = int(_s)
    _SOURCE_CODES[int(_s)] = int(_s)


def _sources(values: "pd.Series") -> "np.ndarray":
    """PFB_FUND_* int32; -1 for an unknown source (the row is then rejected)."""
    return values.map(_SOURCE_CODES).fillna(-1).astype(np.int32).to_numpy()


def _amounts_fen(frame: "pd.DataFrame", table: str) -> "np.ndarray":
    if "amount_fen" in frame.columns:
        return frame["amount_fen"].astype(np.int64).to_numpy()
    if "amount" not in frame.columns:
        raise ValueError(f"{table}: needs an amount column (yuan) or amount_fen (int fen)")
    return np.fromiter((money.to_fen(v) for v in frame["amount"]), dtype=np.int64,
                       count=len(frame))


def add_disbursements(builder: Any, frame: "pd.DataFrame") -> None:
    """Adds a disbursements frame to a Builder in one bulk call."""
    for required in ("project", "date", "source"):
        if required not in frame.columns:
            raise ValueError(f"disbursements: missing column {required!r}")
    keep: List[Any] = []
    cols = _DisbursementColumns()
    cols.version = 1
    cols.count = len(frame)
    if "id" in frame.columns:
        cols.id = _text_column(frame["id"], keep)
    cols.project_id = _text_column(frame["project"], keep)
    dates = np.ascontiguousarray(_dates(frame["date"]))
    sources = np.ascontiguousarray(_sources(frame["source"]))
    amounts = np.ascontiguousarray(_amounts_fen(frame, "disbursements"))
    keep.extend([dates, sources, amounts])
    cols.date = dates.ctypes.data_as(ctypes.POINTER(ctypes.c_int32))
    cols.source = sources.ctypes.data_as(ctypes.POINTER(ctypes.c_int32))
    cols.amount_fen = amounts.ctypes.data_as(ctypes.POINTER(ctypes.c_int64))
    builder.set_origin(None)  # rows are placed as disbursements[i]
    _add_disbursement_columns(builder, cols)


def _get(row: Any, name: str, default: Any = None) -> Any:
    value = getattr(row, name, default)
    if value is None or (isinstance(value, float) and value != value):
        return default
    return value


def dataset_from_frames(*, fiscal_year: int, units: "pd.DataFrame", projects: "pd.DataFrame",
                        funds: Optional["pd.DataFrame"] = None,
                        adjustments: Optional["pd.DataFrame"] = None,
                        disbursements: Optional["pd.DataFrame"] = None,
                        jurisdiction_code: str = "", jurisdiction_name: str = "",
                        start_month: int = 1, title: str = "", as_of: Any = None):
    """A Dataset from DataFrames (see the module's text for the columns).
    Raises InvalidArgumentError with every problem when the data are bad."""
    from .dataset import Builder  # dataset imports this module lazily
    with Builder(fiscal_year, jurisdiction_code, jurisdiction_name, start_month,
                 title=title) as b:
        if as_of is not None:
            b.set_as_of(as_of)
        rejected: List[BaseException] = []

        def rows(frame: "pd.DataFrame", table: str):
            for i, row in enumerate(frame.itertuples(index=False)):
                b.set_origin(f"{table}[{i}]")
                yield row

        def attempt(call, *args, **kwargs) -> None:
            try:
                call(*args, **kwargs)
            except (ValueError, LookupError, OverflowError, TypeError) as e:
                rejected.append(e)  # recorded in the builder too: build() reports it

        for r in rows(units, "units"):
            attempt(b.add_unit, str(r.id), str(r.name))
        for r in rows(projects, "projects"):
            attempt(b.add_project, str(r.id), str(r.unit), str(r.name),
                    category=str(_get(r, "category", "")),
                    kind=_get(r, "kind", "continuing"), status=_get(r, "status", "in_progress"),
                    start_year=int(_get(r, "start_year", 0)), requested=_get(r, "requested", 0),
                    key=bool(_get(r, "key", False)))
        if funds is not None:
            for r in rows(funds, "funds"):
                attempt(b.add_fund_line, str(r.project), r.source, r.approved)
        if adjustments is not None:
            for r in rows(adjustments, "adjustments"):
                attempt(b.add_adjustment, str(r.project), r.date, r.source, r.amount,
                        reason=str(_get(r, "reason", "")))
        if disbursements is not None and len(disbursements) > 0:
            attempt(add_disbursements, b, disbursements)
        return b.build()
