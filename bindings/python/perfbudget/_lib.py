"""Loading libperfbudget and declaring its C functions (ctypes, no compile step).

The library is found, in order: ``$PERFBUDGET_LIBRARY`` (a path); the copy
bundled in a wheel (``perfbudget/_native/libperfbudget.so.1``); the library
beside a package installed by CMake (``_location.py``); the newest
``build/*/libperfbudget.so.1`` of the source tree this package sits in; the
system (``ctypes.util.find_library("perfbudget")``, then ``libperfbudget.so.1``).

Declaring a function (see docs/python.md; review.py and monitor.py do the same)::

    from perfbudget._lib import fn, getter, HANDLE, STR, BUF, I32, U32, I64, Out, OUT_STR

    # int32_t pfb_dataset_find_unit(const pfb_dataset*, const char* id,
    #                               uint32_t* out_index, pfb_error** err);
    _find_unit = fn("pfb_dataset_find_unit", HANDLE, STR, Out(ctypes.c_uint32))
    index = _find_unit(dataset, "U01")     # raises PerfbudgetError on failure

``fn`` follows the C ABI convention: the C function returns an int32_t status
and takes a trailing ``pfb_error**``, which the wrapper adds. Input parameters
are passed in order; output parameters (``Out(...)``, ``OUT_STR``,
``OUT_OWNED_STR``, ``OUT_HANDLE``) are created by the wrapper and returned:
nothing for none, the value for one, a tuple for several. ``getter`` declares a
function that returns its value directly (no status, no error).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import operator
import os
import pathlib
import threading
from ctypes import (POINTER, byref, c_char_p, c_int32, c_int64, c_size_t, c_uint32, c_uint64,
                    c_void_p)
from typing import Any, List, Optional, Sequence, Tuple

from . import errors

ABI_VERSION = 1  # the PFB_ABI_VERSION this package was written for

_lock = threading.Lock()
_close_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_lib_path: Optional[str] = None


def _sanitized_build(build_dir: pathlib.Path) -> bool:
    try:
        cache = (build_dir / "CMakeCache.txt").read_text(errors="replace")
    except OSError:
        return False
    return "PERFBUDGET_SANITIZE:BOOL=ON" in cache


def _candidates() -> List[str]:
    env = os.environ.get("PERFBUDGET_LIBRARY")
    if env:
        return [env]
    found: List[str] = []
    bundled = pathlib.Path(__file__).resolve().parent / "_native" / "libperfbudget.so.1"
    if bundled.is_file():
        found.append(str(bundled))
    try:
        from . import _location  # written only by `cmake --install`
        beside = (pathlib.Path(__file__).resolve().parent
                  / _location.LIBRARY_RELATIVE_TO_PACKAGE).resolve()
        if beside.is_file():
            found.append(str(beside))
    except ImportError:
        pass
    root = pathlib.Path(__file__).resolve().parents[3]
    build = root / "build"
    if build.is_dir():
        libs = list(build.glob("libperfbudget.so.1")) + list(build.glob("*/libperfbudget.so.1"))
        # A sanitizer build (-DPERFBUDGET_SANITIZE=ON) cannot be loaded into a
        # plain interpreter: the ASan runtime kills the process, no OSError to
        # catch. Only PERFBUDGET_LIBRARY (with LD_PRELOAD) picks one.
        libs = [p for p in libs if not _sanitized_build(p.parent)]
        libs.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        found += [str(p) for p in libs]
    system = ctypes.util.find_library("perfbudget")
    if system:
        found.append(system)
    found.append("libperfbudget.so.1")
    return found


def library() -> ctypes.CDLL:
    """The loaded library (loaded on first use). Raises OSError when none is
    found or its ABI major differs from ABI_VERSION."""
    global _lib, _lib_path
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is not None:
            return _lib
        tried = []
        for path in _candidates():
            try:
                lib = ctypes.CDLL(path)
            except OSError as e:
                tried.append(f"{path}: {e}")
                continue
            lib.pfb_abi_version.restype = c_uint32
            lib.pfb_abi_version.argtypes = []
            abi = lib.pfb_abi_version()
            if abi != ABI_VERSION:
                raise OSError(f"{path} has C ABI {abi}; this package needs {ABI_VERSION}")
            _lib, _lib_path = lib, path
            return lib
        raise OSError("libperfbudget not found; set PERFBUDGET_LIBRARY to its path. Tried:\n  "
                      + "\n  ".join(tried))


def library_path() -> str:
    """The path the library was loaded from."""
    library()
    assert _lib_path is not None
    return _lib_path


# ---- parameter kinds ----------------------------------------------------------


class Param:
    """One Python-level parameter of a C function. It may stand for several C
    arguments (BUF is a pointer and a length). Inputs convert a Python value;
    outputs create storage before the call and read it after."""

    argtypes: Tuple[Any, ...] = ()
    is_output = False

    def encode(self, value: Any) -> Tuple[Any, ...]:
        """C argument values for an input."""
        raise NotImplementedError

    def make(self) -> Tuple[Tuple[Any, ...], Any]:
        """(C argument values, storage) for an output."""
        raise NotImplementedError

    def result(self, storage: Any) -> Any:
        """The Python value of an output after the call."""
        raise NotImplementedError


class Scalar(Param):
    """An integer input (I32, U32, I64, U64, SIZE). Only integers (int, IntEnum,
    anything with __index__) are accepted, and only in the C type's range:
    ctypes would silently wrap 2**32 + 2022 to 2022, and int() would silently
    truncate Decimal("1.5") to 1."""

    def __init__(self, ctype: Any):
        self.ctype = ctype
        self.argtypes = (ctype,)
        bits = ctypes.sizeof(ctype) * 8
        signed = ctype(-1).value == -1
        self.lo = -(1 << (bits - 1)) if signed else 0
        self.hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1

    def encode(self, value: Any) -> Tuple[Any, ...]:
        if isinstance(value, float):
            raise TypeError("perfbudget takes no floating point; use int or decimal.Decimal")
        try:
            v = operator.index(value)
        except TypeError:
            raise TypeError(f"expected an integer, got {type(value).__name__}") from None
        if not self.lo <= v <= self.hi:
            raise OverflowError(f"{v} is outside the range of {self.ctype.__name__} "
                                f"({self.lo}..{self.hi})")
        return (v,)


class _Handle(Param):
    """An opaque handle input: a Handle object, a raw pointer (int) or None."""

    argtypes = (c_void_p,)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        if value is None:
            return (None,)
        if isinstance(value, Handle):
            return (value.ptr,)
        return (value,)


def _no_nul(b: bytes) -> bytes:
    """A C string cannot hold NUL: "U01\\0junk" would silently become "U01"."""
    if b"\0" in b:
        raise ValueError("string contains a NUL character")
    return b


class _Str(Param):
    """A NUL-terminated UTF-8 string input: str (encoded), bytes (as is) or None."""

    argtypes = (c_char_p,)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        if value is None:
            return (None,)
        if isinstance(value, bytes):
            return (_no_nul(value),)
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
            if isinstance(value, bytes):
                return (_no_nul(value),)
        if not isinstance(value, str):
            raise TypeError(f"expected str, got {type(value).__name__}")
        return (_no_nul(value.encode("utf-8", "surrogateescape")),)


class _Buf(Param):
    """A (const char* data, size_t len) input from str or bytes."""

    argtypes = (c_char_p, c_size_t)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        if value is None:
            return (None, 0)
        if isinstance(value, str):
            value = value.encode("utf-8", "surrogateescape")
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError(f"expected str or bytes, got {type(value).__name__}")
        return (bytes(value), len(value))


class Out(Param):
    """An output of a ctypes scalar type (``T*`` in C); returns its value."""

    is_output = True

    def __init__(self, ctype: Any):
        self.ctype = ctype
        self.argtypes = (POINTER(ctype),)

    def make(self) -> Tuple[Tuple[Any, ...], Any]:
        v = self.ctype()
        return (byref(v),), v

    def result(self, storage: Any) -> Any:
        return storage.value


class _OutStr(Param):
    """A borrowed string output (``const char**``): decoded to str at once."""

    is_output = True
    argtypes = (POINTER(c_char_p),)

    def make(self) -> Tuple[Tuple[Any, ...], Any]:
        v = c_char_p()
        return (byref(v),), v

    def result(self, storage: Any) -> Any:
        return None if storage.value is None else storage.value.decode("utf-8")


class _OutOwnedStr(Param):
    """An owned string output (``char** out, size_t* out_len``): decoded to str
    and freed with pfb_string_free."""

    is_output = True
    argtypes = (POINTER(c_void_p), POINTER(c_size_t))

    def make(self) -> Tuple[Tuple[Any, ...], Any]:
        p, n = c_void_p(), c_size_t()
        return (byref(p), byref(n)), (p, n)

    def result(self, storage: Any) -> Any:
        p, n = storage
        if not p.value:
            return None
        try:
            return ctypes.string_at(p.value, n.value).decode("utf-8")
        finally:
            _string_free(p.value)


I32 = Scalar(c_int32)
U32 = Scalar(c_uint32)
I64 = Scalar(c_int64)
U64 = Scalar(c_uint64)
SIZE = Scalar(c_size_t)
HANDLE = _Handle()
STR = _Str()
BUF = _Buf()
OUT_STR = _OutStr()
OUT_OWNED_STR = _OutOwnedStr()
OUT_HANDLE = Out(c_void_p)  # returns the raw pointer (int) or None


class _BorrowedStrResult:
    """Marker: a getter returning ``const char*`` borrowed (decoded to str)."""


BORROWED_STR = _BorrowedStrResult()


# ---- functions ---------------------------------------------------------------------


class CFunction:
    """A C function of the library, resolved on first call."""

    def __init__(self, name: str, params: Sequence[Param], fallible: bool, restype: Any = c_int32):
        self.name = name
        self.params = list(params)
        self.fallible = fallible
        self.restype = restype
        self._inputs = [p for p in self.params if not p.is_output]
        self._outputs = [p for p in self.params if p.is_output]
        self._c: Any = None

    def _resolve(self) -> Any:
        if self._c is None:
            f = getattr(library(), self.name)
            argtypes: List[Any] = []
            for p in self.params:
                argtypes.extend(p.argtypes)
            if self.fallible:
                argtypes.append(POINTER(c_void_p))
            f.argtypes = argtypes
            f.restype = c_char_p if isinstance(self.restype, _BorrowedStrResult) else self.restype
            self._c = f
        return self._c

    def __call__(self, *args: Any) -> Any:
        f = self._resolve()
        if len(args) != len(self._inputs):
            raise TypeError(f"{self.name} takes {len(self._inputs)} arguments, got {len(args)}")
        c_args: List[Any] = []
        storages: List[Any] = []
        it = iter(args)
        for p in self.params:
            if p.is_output:
                cargs, storage = p.make()
                c_args.extend(cargs)
                storages.append(storage)
            else:
                c_args.extend(p.encode(next(it)))
        if not self.fallible:
            result = f(*c_args)
            if isinstance(self.restype, _BorrowedStrResult):
                return "" if result is None else result.decode("utf-8", "replace")
            return result
        err = c_void_p()
        c_args.append(byref(err))
        status = f(*c_args)
        if status != errors.OK:
            raise error_from(status, err.value)
        values = [p.result(s) for p, s in zip(self._outputs, storages)]
        if not values:
            return None
        return values[0] if len(values) == 1 else tuple(values)


def fn(name: str, *params: Param) -> CFunction:
    """Declares a fallible C function: ``int32_t name(params..., pfb_error** err)``."""
    return CFunction(name, params, fallible=True)


def getter(name: str, restype: Any, *params: Param) -> CFunction:
    """Declares a C function that returns its value directly (restype is a
    ctypes type, None for void, or BORROWED_STR for ``const char*``)."""
    return CFunction(name, params, fallible=False, restype=restype)


# ---- errors --------------------------------------------------------------------------

_error_destroy = getter("pfb_error_destroy", None, HANDLE)
_error_code = getter("pfb_error_code", c_int32, HANDLE)
_error_message = getter("pfb_error_message", BORROWED_STR, HANDLE)
_diag_count = getter("pfb_error_diagnostic_count", c_uint32, HANDLE)
_diag_dropped = getter("pfb_error_diagnostics_dropped", c_uint32, HANDLE)
_diag_kind = getter("pfb_error_diagnostic_kind", c_int32, HANDLE, U32)
_diag_int = {k: getter(f"pfb_error_diagnostic_{k}", c_int32, HANDLE, U32) for k in ("line", "column")}
_diag_str = {
    k: getter(f"pfb_error_diagnostic_{k}", BORROWED_STR, HANDLE, U32)
    for k in ("file", "path", "field", "value", "expected", "message")
}
_kind_name = getter("pfb_diagnostic_kind_name", BORROWED_STR, I32)
_string_free_fn = getter("pfb_string_free", None, HANDLE)


def _string_free(p: int) -> None:
    _string_free_fn(p)


def error_from(status: int, err: Optional[int]) -> errors.PerfbudgetError:
    """The exception for a failed call; destroys the C error object."""
    if not err:
        return errors.make_error(status, errors.CODE_NAMES.get(status, "error"))
    try:
        diagnostics = []
        for i in range(_diag_count(err)):
            kind = _diag_kind(err, i)
            diagnostics.append(errors.Diagnostic(
                kind=kind, kind_name=_kind_name(kind),
                file=_diag_str["file"](err, i), line=_diag_int["line"](err, i),
                column=_diag_int["column"](err, i), path=_diag_str["path"](err, i),
                field=_diag_str["field"](err, i), value=_diag_str["value"](err, i),
                expected=_diag_str["expected"](err, i), message=_diag_str["message"](err, i)))
        return errors.make_error(_error_code(err), _error_message(err), diagnostics,
                                 _diag_dropped(err))
    finally:
        _error_destroy(err)


# ---- handles ---------------------------------------------------------------------------


class Handle:
    """Owns one C handle. Subclasses set ``_destroy`` to the CFunction that
    frees it (``getter("pfb_x_destroy", None, HANDLE)``). Use ``with`` or
    ``close()``; the handle is also freed when garbage-collected."""

    _destroy: Optional[CFunction] = None

    def __init__(self, ptr: int):
        if not ptr:
            raise ValueError("NULL handle")
        self._ptr: Optional[int] = ptr

    @property
    def ptr(self) -> int:
        if self._ptr is None:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr

    @property
    def closed(self) -> bool:
        return self._ptr is None

    def close(self) -> None:
        # The swap is under a lock so that two threads closing at once cannot
        # both destroy the handle. (Closing while another thread still reads
        # the handle is the caller's bug, as in C.)
        with _close_lock:
            ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr and self._destroy is not None:
            self._destroy(ptr)

    def _release(self) -> int:
        """Gives up ownership (the C side consumed the handle)."""
        ptr, self._ptr = self.ptr, None
        return ptr

    # A copy would share the pointer and free it twice: refuse copy and pickle.
    def __copy__(self):
        raise TypeError(f"{type(self).__name__} owns a C handle and cannot be copied")

    def __deepcopy__(self, memo: Any):
        raise TypeError(f"{type(self).__name__} owns a C handle and cannot be copied")

    def __reduce__(self):
        raise TypeError(f"{type(self).__name__} owns a C handle and cannot be pickled")

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass
