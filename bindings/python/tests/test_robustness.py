"""Adversarial use of the Python binding (the Python side of
tests/c/capi_robustness_test.c): bad types and ranges are refused before the C
call (never silently wrapped or truncated), bad data raises PerfbudgetError
with code, message and diagnostics, handles are freed exactly once, and one
Dataset can be read from many threads at once."""

import copy
import datetime
import gc
import pickle
import threading
from decimal import Decimal

import pytest

import perfbudget
from perfbudget import Dataset, FundSource, PerfbudgetError, money
from perfbudget import _lib
from perfbudget import errors as E

from conftest import MINI_JSON

D = Decimal
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)


# ---- money ---------------------------------------------------------------------


def test_money_limits_are_exact():
    assert money.to_fen(D("92233720368547758.07")) == INT64_MAX
    assert money.to_fen(D("-92233720368547758.08")) == INT64_MIN
    assert money.from_fen(INT64_MAX) == D("92233720368547758.07")
    assert money.from_fen(INT64_MIN) == D("-92233720368547758.08")
    with pytest.raises(OverflowError):
        money.to_fen(D("92233720368547758.08"))
    with pytest.raises(OverflowError):
        money.to_fen(D("-92233720368547758.09"))
    with pytest.raises(OverflowError):
        money.to_fen(92233720368547759)  # int yuan
    with pytest.raises(perfbudget.OutOfRangeError):
        money.to_fen("92233720368547758.08")
    assert money.parse("92233720368547758.07") == D("92233720368547758.07")


def test_money_decimal_forms():
    assert money.to_fen(D("1234.5600")) == 123456
    assert money.to_fen(D("1.2E+3")) == 120000
    assert money.to_fen(D("12E-2")) == 12
    assert money.to_fen(D("-0.01")) == -1
    assert money.to_fen(D("-0")) == 0
    assert money.to_fen(D("0E+999999")) == 0
    assert money.to_fen(D("0E-999999")) == 0
    assert money.to_fen(D("1000E-5")) == 1
    # More digits than any decimal context's default precision: still exact.
    assert money.to_fen(D("0.010000000000000000000000000000000000000000000000000000000000")) == 1


def test_money_refuses_junk_quickly():
    # Enormous exponents must not build enormous integers.
    with pytest.raises(OverflowError):
        money.to_fen(D("1E+999999999"))
    with pytest.raises(ValueError):
        money.to_fen(D("1E-999999999"))
    for bad in (D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")):
        with pytest.raises(ValueError):
            money.to_fen(bad)
    with pytest.raises(ValueError):
        money.to_fen(D("0.001"))
    with pytest.raises(ValueError):
        money.to_fen(D("0.0100000000000000000000000000000000000000000000000000000000001"))
    for bad in (1.5, 0.0, float("nan"), True):
        with pytest.raises(TypeError):
            money.to_fen(bad)
    with pytest.raises(TypeError):
        money.from_fen(1.0)
    for text in ("", " ", "1e5", "NaN", "--1", "12.345", "1,23", "￥", "万元", "12\udcff"):
        with pytest.raises(perfbudget.InvalidArgumentError) as e:
            money.to_fen(text)
        assert e.value.code == E.INVALID_ARGUMENT and e.value.message


def test_money_format_extremes():
    assert money.format(money.from_fen(INT64_MIN), grouping=True) == "-92,233,720,368,547,758.08"
    assert money.format(money.from_fen(INT64_MAX), "yi_yuan", suffix=True,
                        decimals=0) == "922337204亿元"
    with pytest.raises(perfbudget.InvalidArgumentError):
        money.format(D(1), decimals=11)
    with pytest.raises(OverflowError):
        money.format(D(1), decimals=2**31)
    with pytest.raises(perfbudget.InvalidArgumentError):
        money.format(D(1), unit=3)


# ---- scalars and strings are never silently wrapped or cut --------------------


def test_integers_out_of_range_are_refused(mini):
    with pytest.raises(OverflowError):
        Dataset.builder(2**32 + 2022)  # would wrap to 2022 in ctypes
    with pytest.raises(OverflowError):
        mini.unit(-1)
    with pytest.raises(OverflowError):
        mini.unit(2**32)  # would wrap to 0
    with pytest.raises(OverflowError):
        mini.fund_source_totals(2**32)  # would wrap to general_budget
    with pytest.raises(TypeError):
        mini.unit(D("0.5"))  # would truncate to 0
    with pytest.raises(TypeError):
        mini.unit(0.0)
    with Dataset.builder(2022) as b:
        with pytest.raises(OverflowError):
            b.add_project("P1", "U1", "p", start_year=2**32 + 2022)
        with pytest.raises(OverflowError):
            b.add_fund_line("P1", FundSource.GENERAL_BUDGET, 2**70)
        with pytest.raises(TypeError):
            b.add_fund_line("P1", FundSource.GENERAL_BUDGET, 12.5)
        with pytest.raises(TypeError):
            b.add_indicator("G1", "1", "output", "quantity", "n", target=0.5)
        with pytest.raises(ValueError):
            b.add_indicator("G1", "1", "output", "quantity", "n", target=D("NaN"))


def test_enum_mix_ups_are_refused(mini):
    with pytest.raises(TypeError):
        mini.fund_source_totals(perfbudget.ProjectStatus.FINISHED)  # would be transfer
    with Dataset.builder(2022) as b:
        with pytest.raises(TypeError):
            b.add_project("P1", "U1", "p", kind=FundSource.GENERAL_BUDGET)
    assert mini.fund_source_totals(FundSource.TRANSFER) == mini.fund_source_totals(4)


def test_strings_with_nul_or_bad_utf8(mini):
    with pytest.raises(ValueError):
        mini.find_unit("U01\0junk")  # would silently look up "U01"
    with pytest.raises(ValueError):
        mini.find_unit(b"U01\0")
    with pytest.raises(perfbudget.InvalidArgumentError):
        mini.find_unit(b"U\xff")
    with pytest.raises(perfbudget.InvalidArgumentError):
        mini.find_unit("U\udcff")  # surrogate-escaped byte 0xff
    with pytest.raises(ValueError):  # UnicodeEncodeError: a lone surrogate
        mini.find_unit("U\ud800")
    with pytest.raises(TypeError):
        mini.find_unit(42)
    with Dataset.builder(2022) as b:
        with pytest.raises(ValueError):
            b.add_unit("U1\0", "x")
        with pytest.raises(perfbudget.InvalidArgumentError):
            b.add_unit("U1", b"\xc0\x80")
        with pytest.raises(perfbudget.InvalidArgumentError) as e:
            b.build()
        assert e.value.diagnostics
    # JSON documents may hold NUL bytes (the length counts); they are data errors.
    with pytest.raises(perfbudget.InvalidArgumentError):
        Dataset.from_json(MINI_JSON.replace('"U02"', '"U\\u0000"').replace('"341300"', '"34\x00"'))


# ---- JSON: truncated and garbage documents ----------------------------------------


def check_error(err, code=E.INVALID_ARGUMENT):
    assert isinstance(err, PerfbudgetError)
    assert err.code == code and err.code_name == E.CODE_NAMES[code]
    assert isinstance(err.message, str) and err.message
    assert str(err).startswith(err.code_name)
    for d in err.diagnostics:
        assert isinstance(d, perfbudget.Diagnostic)
        assert d.message and d.kind_name and d.line >= 0 and d.column >= 0
        str(d)


def test_every_prefix_of_a_document_fails_cleanly():
    data = MINI_JSON.encode()
    with Dataset.from_json(data):
        pass
    for n in range(len(data)):
        with pytest.raises(perfbudget.InvalidArgumentError) as e:
            Dataset.from_json(data[:n], "prefix.json")
        check_error(e.value)
        assert e.value.diagnostics, n


@pytest.mark.parametrize("text", [
    "", " ", "null", "[]", "{}", "0", '"x"', "1e999999", "\ufeff{}", "{}{}", "{,}",
    '{"format": 1}', '{"format": "perfbudget-dataset", "version": 99}',
    '{"format": "perfbudget-dataset", "version": 1, "units": {}}',
    '{"format": "perfbudget-dataset", "version": 1, "units": [1]}',
    '{"format": "perfbudget-dataset", "version": 1, "fiscal_year": {"year": 1e308}}',
    "[" * 100000, "{" * 100000, '"' * 100001,
])
def test_garbage_documents(text):
    with pytest.raises(PerfbudgetError) as e:
        Dataset.from_json(text)
    check_error(e.value)


def test_every_byte_mutation_is_either_a_dataset_or_an_error():
    data = bytearray(MINI_JSON.encode())
    step = max(1, len(data) // 300)
    for i in range(0, len(data), step):
        for b in (b'"', b"}", b"\x00", b"\xff", b"9"):
            bad = bytes(data[:i] + b + data[i + 1:])
            try:
                Dataset.from_json(bad).close()
            except PerfbudgetError as e:
                check_error(e)


# ---- builder --------------------------------------------------------------------------


def small_builder():
    b = Dataset.builder(2022, "341300", "宿马园区")
    b.add_unit("U1", "单位")
    b.add_project("P1", "U1", "项目")
    b.add_project("P2", "U1", "项目2")
    return b


def test_builder_dates_outside_the_year():
    b = small_builder()
    b.add_fund_line("P1", "general_budget", 100)
    b.add_disbursement("P1", datetime.date(2023, 1, 1), "general_budget", 1)
    b.add_adjustment("P1", "2021-12-31", "general_budget", 1)
    with pytest.raises(perfbudget.InvalidArgumentError):
        b.add_disbursement("P1", datetime.date(1399, 12, 31), "general_budget", 1)
    with pytest.raises(ValueError):
        b.add_disbursement("P1", "2022-02-30", "general_budget", 1)
    with pytest.raises(TypeError):
        b.add_disbursement("P1", 20220101, "general_budget", 1)
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        b.build()
    check_error(e.value)
    kinds = [d.kind_name for d in e.value.diagnostics]
    assert kinds.count("date_out_of_year") == 2
    assert b.closed


def test_builder_totals_overflow():
    b = small_builder()
    b.add_fund_line("P1", "general_budget", money.from_fen(INT64_MAX))
    b.add_fund_line("P2", "general_budget", money.from_fen(INT64_MAX))
    try:
        ds = b.build()
    except perfbudget.InvalidArgumentError as e:  # a build may refuse it up front
        check_error(e)
        return
    with ds:
        with pytest.raises(perfbudget.OutOfRangeError) as e:
            ds.totals()
        check_error(e.value, E.OUT_OF_RANGE)
        assert ds.project_totals("P1").approved == money.from_fen(INT64_MAX)


def test_builder_after_build_and_close():
    b = small_builder()
    ds = b.build()
    ds.close()
    assert b.closed
    for call in (lambda: b.add_unit("U2", "x"), b.build, lambda: b.set_origin("x", 1)):
        with pytest.raises(ValueError):
            call()
    # At the C level a used-up builder answers FAILED_PRECONDITION.
    create = _lib.fn("pfb_builder_create", _lib.STR, _lib.STR, _lib.I32, _lib.I32, _lib.U32,
                     _lib.STR, _lib.OUT_HANDLE)
    build = _lib.fn("pfb_builder_build", _lib.HANDLE, _lib.OUT_HANDLE)
    add_unit = _lib.fn("pfb_builder_add_unit", _lib.HANDLE, _lib.STR, _lib.STR)
    destroy_builder = _lib.getter("pfb_builder_destroy", None, _lib.HANDLE)
    destroy_dataset = _lib.getter("pfb_dataset_destroy", None, _lib.HANDLE)
    raw = create("1", "x", 2022, 1, 0, None)
    try:
        destroy_dataset(build(raw))
        with pytest.raises(perfbudget.FailedPreconditionError) as e:
            add_unit(raw, "U1", "x")
        check_error(e.value, E.FAILED_PRECONDITION)
        with pytest.raises(perfbudget.FailedPreconditionError):
            build(raw)
    finally:
        destroy_builder(raw)
    # NULL handles are errors, not crashes.
    with pytest.raises(perfbudget.InvalidArgumentError):
        add_unit(None, "U1", "x")
    with pytest.raises(perfbudget.InvalidArgumentError):
        build(None)
    destroy_builder(None)
    destroy_dataset(None)


# ---- handles ---------------------------------------------------------------------------


class CountingDataset(Dataset):
    destroyed = []

    @staticmethod
    def _count(ptr):
        CountingDataset.destroyed.append(ptr)
        _lib.getter("pfb_dataset_destroy", None, _lib.HANDLE)(ptr)

    _destroy = _count


def test_handles_are_freed_exactly_once():
    CountingDataset.destroyed.clear()
    ds = CountingDataset.from_json(MINI_JSON)
    ptr = ds.ptr
    ds.close()
    ds.close()
    assert CountingDataset.destroyed == [ptr]
    with pytest.raises(ValueError):
        ds.totals()
    with CountingDataset.from_json(MINI_JSON) as ds2:
        ptr2 = ds2.ptr
    assert ds2.closed and CountingDataset.destroyed == [ptr, ptr2]
    ds3 = CountingDataset.from_json(MINI_JSON)
    ptr3 = ds3.ptr
    del ds3
    gc.collect()
    assert CountingDataset.destroyed == [ptr, ptr2, ptr3]
    # A failed load hands out no handle at all.
    with pytest.raises(perfbudget.InvalidArgumentError):
        CountingDataset.from_json("{")
    gc.collect()
    assert len(CountingDataset.destroyed) == 3


def test_handles_cannot_be_copied(mini):
    # A copy would share the C pointer and free it twice.
    for dup in (copy.copy, copy.deepcopy, pickle.dumps):
        with pytest.raises(TypeError):
            dup(mini)
    with Dataset.builder(2022) as b:
        with pytest.raises(TypeError):
            copy.copy(b)
    assert mini.unit_count == 2


def test_concurrent_close_destroys_once():
    CountingDataset.destroyed.clear()
    for _ in range(20):
        ds = CountingDataset.from_json(MINI_JSON)
        barrier = threading.Barrier(8)

        def close():
            barrier.wait()
            ds.close()

        threads = [threading.Thread(target=close) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(CountingDataset.destroyed) == 20


def test_eight_threads_read_one_dataset(mini):
    expected = {
        "totals": mini.totals(),
        "aug": mini.totals("2022-08-31"),
        "units": mini.units(),
        "projects": mini.projects(),
        "gb": mini.fund_source_totals("general_budget"),
        "json": mini.to_json(compact=True),
        "header": (mini.fiscal_year, mini.jurisdiction_name, mini.title, mini.goal_count),
    }
    barrier = threading.Barrier(8)
    failures = []
    rounds = 40

    def read(k):
        try:
            barrier.wait()
            for i in range(rounds):
                got = {
                    "totals": mini.totals(),
                    "aug": mini.totals(datetime.date(2022, 8, 31)),
                    "units": mini.units(),
                    "projects": mini.projects(),
                    "gb": mini.fund_source_totals(FundSource.GENERAL_BUDGET),
                    "json": mini.to_json(compact=True),
                    "header": (mini.fiscal_year, mini.jurisdiction_name, mini.title,
                               mini.goal_count),
                }
                if got != expected:
                    failures.append((k, i, got))
                try:
                    mini.find_unit(f"missing-{k}-{i}")
                    failures.append((k, i, "found a missing unit"))
                except perfbudget.NotFoundError as e:
                    if f"missing-{k}-{i}" not in e.message:  # errors are per call
                        failures.append((k, i, e.message))
        except Exception as e:  # noqa: BLE001 - report, don't lose it in a thread
            failures.append((k, -1, repr(e)))

    threads = [threading.Thread(target=read, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert isinstance(expected["totals"].approved, Decimal)


def test_library_discovery_skips_sanitizer_builds(tmp_path, monkeypatch):
    # An ASan build's library would kill a plain interpreter on load.
    asan = tmp_path / "build" / "asan"
    plain = tmp_path / "build" / "plain"
    for d, flag in ((asan, "ON"), (plain, "OFF")):
        d.mkdir(parents=True)
        (d / "CMakeCache.txt").write_text(f"PERFBUDGET_SANITIZE:BOOL={flag}\n")
        (d / "libperfbudget.so.1").write_bytes(b"")
    assert _lib._sanitized_build(asan) and not _lib._sanitized_build(plain)
    assert not _lib._sanitized_build(tmp_path / "missing")
    monkeypatch.delenv("PERFBUDGET_LIBRARY", raising=False)
    fake_module = tmp_path / "bindings" / "python" / "perfbudget" / "_lib.py"
    monkeypatch.setattr(_lib, "__file__", str(fake_module))
    found = _lib._candidates()
    assert str(plain / "libperfbudget.so.1") in found
    assert str(asan / "libperfbudget.so.1") not in found


# ---- files that are not regular files --------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_policy_and_dataset_paths_that_are_not_files_fail_at_once(tmp_path, kind):
    """A FIFO nobody writes to, /dev/zero and a folder: a clear error at once
    (never a hang, never an out-of-memory), the path and the kind named."""
    import os

    if kind == "fifo":
        path = tmp_path / "p.json"
        os.mkfifo(path)
        what = "FIFO"
    elif kind == "device":
        path = "/dev/zero"
        what = "character device"
    else:
        path = tmp_path
        what = "Is a directory"
    from perfbudget.review import Policy

    with pytest.raises(PerfbudgetError) as e:
        Policy.load(str(path))
    assert str(path) in str(e.value)
    assert what in str(e.value)
    if kind != "folder":  # a folder is a CSV dataset: its tables are missing
        with pytest.raises(PerfbudgetError) as e:
            Dataset.load(str(path))
        assert what in str(e.value)
