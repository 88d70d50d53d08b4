"""Result export over the C ABI (pfb_render.h): the options every
``to_json`` / ``to_csv`` / ``to_text`` method passes down.

The text comes from the library's one renderer per result, the same bytes
``perfbudget <command> --format json|csv|text`` prints (JSON schemas:
docs/format.md, "Analysis results as JSON").
"""

from __future__ import annotations

import ctypes
from ctypes import c_int32, c_uint32
from typing import Optional, Union

from . import _lib, money

FORMAT_JSON, FORMAT_CSV, FORMAT_TEXT = 0, 1, 2
ROWS_ALL = -1
ALL_GOALS = 1  # PFB_RENDER_ALL_GOALS
NO_CURVE = 2  # PFB_RENDER_NO_CURVE
_LANGS = {"zh": 0, "en": 1}
# Monitoring rows (the CLI's --level): PFB_ROW_* or PFB_RENDER_ROWS_ALL.
_ROWS = {None: ROWS_ALL, "all": ROWS_ALL, "project": 0, "unit": 1, "fund": 2}


class _Options(ctypes.Structure):
    """pfb_render_options (pfb_render.h), version 1."""
    _fields_ = [("version", c_uint32), ("format", c_int32), ("lang", c_int32),
                ("unit", c_int32), ("rows", c_int32), ("flags", c_uint32)]


class _OptionsParam(_lib.Param):
    """A ``const pfb_render_options*`` from an _Options."""

    argtypes = (ctypes.POINTER(_Options),)

    def encode(self, value):
        return (ctypes.pointer(value),)


OPTIONS = _OptionsParam()


def options(fmt: int, lang: str = "zh", unit: Union[str, int] = "wan",
            rows: Optional[str] = None, flags: int = 0) -> _Options:
    """The C options: `lang` "zh" or "en"; `unit` a money unit ("wan", "万元",
    "yuan", ...: amounts in CSV and text; JSON is always yuan); `rows`
    (monitoring only) None / "all", "project", "unit" or "fund"."""
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    if rows not in _ROWS:
        raise ValueError(f"rows must be None, 'all', 'project', 'unit' or 'fund', got {rows!r}")
    return _Options(1, fmt, _LANGS[lang], money._unit(unit), _ROWS[rows], flags)


def render_fn(name: str) -> _lib.CFunction:
    """Declares ``int32_t name(const pfb_x*, const pfb_render_options*, char**, size_t*, pfb_error**)``."""
    return _lib.fn(name, _lib.HANDLE, OPTIONS, _lib.OUT_OWNED_STR)
