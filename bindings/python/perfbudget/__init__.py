"""perfbudget: budget performance management (预算绩效管理) from Python.

A ctypes binding of the perfbudget C ABI (no compile step). Money is
decimal.Decimal yuan (int64 fen underneath, never float), dates are
datetime.date, failures raise PerfbudgetError carrying the code, the message
and the input diagnostics. See docs/python.md.
"""

from __future__ import annotations

from ctypes import c_uint32
from typing import Tuple

from . import _lib, money
from . import evaluation  # self-evaluation scoring and result application
from .dataset import Builder, Dataset, Project, Totals, Unit
from .enums import (Comparator, DiagnosticKind, FundSource, GoalOwner, IndicatorLevel1,
                    IndicatorLevel2, ProjectKind, ProjectStatus, QualitativeGrade, ValueSource)
from .errors import (AlreadyExistsError, Diagnostic, FailedPreconditionError, InternalError,
                     InvalidArgumentError, MissingFileError, NoMemoryError, NotFoundError,
                     OutOfRangeError,
                     PerfbudgetError, PerfbudgetIOError, UnimplementedError)

__all__ = [
    "AlreadyExistsError", "Builder", "Comparator", "Dataset", "Diagnostic", "DiagnosticKind",
    "FailedPreconditionError", "FundSource", "GoalOwner", "IndicatorLevel1", "IndicatorLevel2",
    "InternalError", "InvalidArgumentError", "MissingFileError", "NoMemoryError", "NotFoundError",
    "OutOfRangeError",
    "PerfbudgetError", "PerfbudgetIOError", "Project", "ProjectKind", "ProjectStatus",
    "QualitativeGrade", "Totals", "UnimplementedError", "Unit", "ValueSource", "evaluation", "money",
    "version", "version_info", "abi_version",
]

_version_string = _lib.getter("pfb_version_string", _lib.BORROWED_STR)
_version_number = _lib.getter("pfb_version_number", c_uint32)
_abi_version = _lib.getter("pfb_abi_version", c_uint32)


def version() -> str:
    """The loaded library's version, "0.1.0"."""
    return _version_string()


def version_info() -> Tuple[int, int, int]:
    """(major, minor, patch) of the loaded library."""
    n = _version_number()
    return (n // 1000000, n // 1000 % 1000, n % 1000)


def abi_version() -> int:
    """The loaded library's C ABI major (the SONAME number)."""
    return _abi_version()
