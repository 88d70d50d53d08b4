"""The core indicator library (核心绩效指标体系) of a review policy: the core
indicators of a project category, to start a new goal from, over the C ABI
(pfb_indicators.h). See docs/policy.md, "Core indicator library".

    from perfbudget.indicators import suggest
    for ind in suggest("市政管护"):
        print(ind.name, ind.level1, ind.unit, ind.low, ind.high)

The list also renders as `perfbudget indicators suggest --format
json|csv|text` prints it (to_json / to_csv / to_text) and makes a pandas
DataFrame (to_frame).
"""

from __future__ import annotations

import decimal
from ctypes import POINTER, Structure, byref, c_char_p, c_int32, c_uint32
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from . import _lib, _render
from ._lib import BORROWED_STR, HANDLE, OUT_HANDLE, U32, fn, getter
from .review import Policy

OPTIONS_VERSION = 1


class _Options(Structure):
    _fields_ = [("version", c_uint32), ("category", c_char_p)]


class _OptionsParam(_lib.Param):
    """A pfb_indicators_options* built from the category text."""

    argtypes = (POINTER(_Options),)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        if not isinstance(value, str):
            raise TypeError(f"category: expected str, got {type(value).__name__}")
        return (byref(_Options(OPTIONS_VERSION, _lib._no_nul(value.encode("utf-8")))),)


_suggest = fn("pfb_indicators_suggest", HANDLE, _OptionsParam(), OUT_HANDLE)
_destroy = getter("pfb_indicator_list_destroy", None, HANDLE)
_category = getter("pfb_indicator_list_category", BORROWED_STR, HANDLE)
_count = getter("pfb_indicator_list_count", c_uint32, HANDLE)
_name = getter("pfb_indicator_list_name", BORROWED_STR, HANDLE, U32)
_synonyms = getter("pfb_indicator_list_synonyms", BORROWED_STR, HANDLE, U32)
_unit = getter("pfb_indicator_list_unit", BORROWED_STR, HANDLE, U32)
_low = getter("pfb_indicator_list_low", BORROWED_STR, HANDLE, U32)
_high = getter("pfb_indicator_list_high", BORROWED_STR, HANDLE, U32)
_level1 = getter("pfb_indicator_list_level1", c_int32, HANDLE, U32)
_level2 = getter("pfb_indicator_list_level2", c_int32, HANDLE, U32)
_comparator = getter("pfb_indicator_list_comparator", c_int32, HANDLE, U32)
_required = getter("pfb_indicator_list_required", c_int32, HANDLE, U32)
_render_list = _render.render_fn("pfb_indicator_list_render")


@dataclass(frozen=True)
class CoreIndicator:
    category: str
    name: str
    synonyms: List[str]
    level1: int       # PFB_L1_* (perfbudget.enums numbering)
    level2: int       # PFB_L2_*
    comparator: int   # PFB_CMP_*
    unit: str         # "" = dimensionless
    low: Optional[decimal.Decimal]
    high: Optional[decimal.Decimal]
    required: bool


class _List(_lib.Handle):
    _destroy = _destroy


class IndicatorList(list):
    """The core indicators of one category (a list of CoreIndicator), with
    its export. The C list is kept for to_json / to_csv / to_text until
    close() (or a `with` block's end, or garbage collection)."""

    _handle: _List

    def to_json(self) -> str:
        """As `perfbudget indicators suggest --format json` prints it (policy,
        category, aliases, indicators, unit_costs; the same in both languages)."""
        return _render_list(self._handle, _render.options(_render.FORMAT_JSON))

    def to_csv(self) -> str:
        """One row per indicator, as `--format csv` prints them (codes)."""
        return _render_list(self._handle, _render.options(_render.FORMAT_CSV))

    def to_text(self, lang: str = "zh") -> str:
        """The table `perfbudget indicators suggest` prints."""
        return _render_list(self._handle, _render.options(_render.FORMAT_TEXT, lang))

    def to_frame(self, money: str = "decimal"):
        """A pandas DataFrame, one row per indicator (the CoreIndicator
        fields; low and high exact Decimal). No money columns; `money`
        ("decimal" or "fen") is only checked."""
        from . import frames
        frames._check_money_mode(money)
        fields = ["category", "name", "synonyms", "level1", "level2", "comparator", "unit", "low",
                  "high", "required"]
        return frames.pd.DataFrame([{f: getattr(c, f) for f in fields} for c in self],
                                   columns=fields)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> "IndicatorList":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def suggest(category: str, policy: Optional[Policy] = None) -> IndicatorList:
    """The core indicators of `category` (a library category or an alias)
    under `policy` (None = the defaults), as a list (IndicatorList) that can
    also render itself. NotFoundError for an unknown category (the message
    lists the known ones)."""
    lst = _List(_suggest(policy.ptr if policy else None, category))
    try:
        cat = _category(lst)
        out = []
        for i in range(_count(lst)):
            low, high = _low(lst, i), _high(lst, i)
            syn = _synonyms(lst, i)
            out.append(CoreIndicator(
                category=cat, name=_name(lst, i), synonyms=syn.split("|") if syn else [],
                level1=_level1(lst, i), level2=_level2(lst, i), comparator=_comparator(lst, i),
                unit=_unit(lst, i), low=decimal.Decimal(low) if low else None,
                high=decimal.Decimal(high) if high else None, required=_required(lst, i) == 1))
    except BaseException:
        lst.close()
        raise
    result = IndicatorList(out)
    result._handle = lst  # kept for the export (to_json, to_csv, to_text)
    return result
