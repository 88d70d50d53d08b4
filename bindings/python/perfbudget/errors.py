"""Errors of the perfbudget C ABI as Python exceptions.

Every failed C call raises a ``PerfbudgetError`` (or a subclass chosen by its
status code) carrying the code, the message and the input diagnostics.
"""

from __future__ import annotations

import dataclasses
import errno
from typing import Dict, List, Type

# Status codes (pfb_core.h PFB_*). Values never change meaning.
OK = 0
INVALID_ARGUMENT = 1
NOT_FOUND = 2
OUT_OF_RANGE = 3
FAILED_PRECONDITION = 4
IO = 5
INTERNAL = 6
NO_MEMORY = 7
UNIMPLEMENTED = 8
ALREADY_EXISTS = 9

CODE_NAMES = {
    OK: "OK",
    INVALID_ARGUMENT: "INVALID_ARGUMENT",
    NOT_FOUND: "NOT_FOUND",
    OUT_OF_RANGE: "OUT_OF_RANGE",
    FAILED_PRECONDITION: "FAILED_PRECONDITION",
    IO: "IO",
    INTERNAL: "INTERNAL",
    NO_MEMORY: "NO_MEMORY",
    UNIMPLEMENTED: "UNIMPLEMENTED",
    ALREADY_EXISTS: "ALREADY_EXISTS",
}


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One input problem: what (kind, field, value, expected, message) and
    where (file, line, column, path). Line and column are 1-based, 0 when
    unknown. ``kind`` is a PFB_DIAG_* code and ``kind_name`` its name
    ("syntax", "enum_value", ...)."""

    kind: int
    kind_name: str
    file: str
    line: int
    column: int
    path: str
    field: str
    value: str
    expected: str
    message: str

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        if self.path:
            where += f": {self.path}"
        text = f"{where}: {self.message}"
        if self.value:
            text += f" (value {self.value!r}"
            text += f", expected {self.expected})" if self.expected else ")"
        return text


class PerfbudgetError(Exception):
    """A failed perfbudget call: ``code`` (PFB_* int), ``code_name``
    ("INVALID_ARGUMENT"), ``message`` and ``diagnostics`` (list of Diagnostic)."""

    def __init__(self, code: int, message: str, diagnostics: List[Diagnostic] | None = None,
                 dropped: int = 0):
        self.code = code
        self.code_name = CODE_NAMES.get(code, "UNKNOWN")
        self.message = message
        self.diagnostics = list(diagnostics or [])
        self.dropped = dropped
        super().__init__(f"{self.code_name}: {message}")


class InvalidArgumentError(PerfbudgetError, ValueError):
    """Bad argument or bad input data (see ``diagnostics``)."""


class NotFoundError(PerfbudgetError, LookupError):
    """No such id or file."""


class MissingFileError(NotFoundError, FileNotFoundError):
    """A file or folder to load does not exist: both a perfbudget NotFoundError
    and Python's own FileNotFoundError (errno ENOENT, ``filename`` set)."""

    def __init__(self, code: int, message: str, diagnostics: List[Diagnostic] | None = None,
                 dropped: int = 0, filename: str = ""):
        super().__init__(code, message, diagnostics, dropped)
        self.errno = errno.ENOENT
        self.strerror = message
        self.filename = filename


def as_missing_file(e: NotFoundError, filename: str) -> MissingFileError:
    """The same error as a MissingFileError naming `filename`."""
    return MissingFileError(e.code, e.message, e.diagnostics, e.dropped, filename)


class OutOfRangeError(PerfbudgetError, IndexError):
    """Index out of range, or an amount overflow."""


class FailedPreconditionError(PerfbudgetError):
    """The call is not allowed in this state (e.g. a builder already built)."""


class PerfbudgetIOError(PerfbudgetError, OSError):
    """A file could not be read or written."""


class InternalError(PerfbudgetError):
    """A bug in perfbudget."""


class NoMemoryError(PerfbudgetError, MemoryError):
    """The library ran out of memory."""


class UnimplementedError(PerfbudgetError, NotImplementedError):
    """Not available in this build."""


class AlreadyExistsError(PerfbudgetError):
    """The target already exists."""


ERROR_CLASSES: Dict[int, Type[PerfbudgetError]] = {
    INVALID_ARGUMENT: InvalidArgumentError,
    NOT_FOUND: NotFoundError,
    OUT_OF_RANGE: OutOfRangeError,
    FAILED_PRECONDITION: FailedPreconditionError,
    IO: PerfbudgetIOError,
    INTERNAL: InternalError,
    NO_MEMORY: NoMemoryError,
    UNIMPLEMENTED: UnimplementedError,
    ALREADY_EXISTS: AlreadyExistsError,
}


def make_error(code: int, message: str, diagnostics: List[Diagnostic] | None = None,
               dropped: int = 0) -> PerfbudgetError:
    """The exception for a status code (a PerfbudgetError subclass)."""
    cls = ERROR_CLASSES.get(code, PerfbudgetError)
    return cls(code, message, diagnostics, dropped)
