"""pytest for the perfbudget Python binding: the same ground as
tests/c/capi_test.c, seen from Python."""

import datetime
import gc
import pathlib
import threading
from decimal import Decimal

import pytest

import perfbudget
from perfbudget import (Comparator, Dataset, FundSource, GoalOwner, IndicatorLevel1,
                        IndicatorLevel2, PerfbudgetError, ProjectKind, ProjectStatus, money)
from perfbudget import errors as E

from conftest import MINI_JSON

D = Decimal
APPROVED = D("7801234.56")
CURRENT = D("6801234.56")
EXECUTED = D("1850000.01")


def check_figures(ds):
    assert ds.fiscal_year == 2022
    assert ds.fiscal_year_start_month == 1
    assert ds.jurisdiction_code == "341300"
    assert ds.jurisdiction_name == "宿马园区"
    assert (ds.unit_count, ds.project_count, ds.goal_count, ds.indicator_count,
            ds.disbursement_count) == (2, 3, 2, 2, 4)
    assert ds.totals() == (APPROVED, CURRENT, EXECUTED)
    t = ds.totals(datetime.date(2022, 8, 31))
    assert t.approved == APPROVED and t.current == APPROVED and t.executed == D("850000.01")
    assert ds.unit_totals("U01") == (D("7001234.56"), D("6001234.56"), D("1850000.00"))
    assert ds.unit_totals(1).executed == D("0.01")
    gb = ds.fund_source_totals(FundSource.GENERAL_BUDGET)
    assert gb == (D("5001234.56"), D("4001234.56"), D("1350000.00"))
    assert ds.fund_source_totals("land_transfer", "2022-08-31").executed == D("500000.00")
    assert ds.project_totals("P003") == (D("800000.00"), D("800000.00"), D("0.01"))
    assert [u.id for u in ds.units()] == ["U01", "U02"]
    assert ds.units()[1].name == "城市管理局"
    assert ds.project(ds.find_project("P003")).unit_index == 1


def test_version():
    assert perfbudget.version() == "0.1.0"
    assert perfbudget.version_info() == (0, 1, 0)
    assert perfbudget.abi_version() == 1


def test_money_exact():
    assert money.to_fen(D("1234.56")) == 123456
    assert money.to_fen(D("1234.560")) == 123456
    assert money.to_fen(12) == 1200
    assert money.to_fen("2400万元") == 2400 * 1000000
    assert money.to_fen("12", "wan_yuan") == 12 * 1000000
    assert money.from_fen(123456) == D("1234.56")
    assert str(money.from_fen(-5)) == "-0.05"
    assert str(money.from_fen(0)) == "0.00"
    # Largest amounts survive both ways, exactly.
    assert money.to_fen(money.from_fen(2**63 - 1)) == 2**63 - 1
    assert money.parse("1.2亿元") == D("120000000.00")
    assert money.format(D("24000000"), "wan_yuan", suffix=True) == "2400万元"
    assert money.format(D("1234567.89"), grouping=True) == "1,234,567.89"
    assert money.format(D("12345.67"), "wan_yuan", decimals=2) == "1.23"


def test_money_refuses_float_and_sub_fen():
    with pytest.raises(TypeError):
        money.to_fen(1.5)
    with pytest.raises(ValueError):
        money.to_fen(D("0.001"))
    with pytest.raises(OverflowError):
        money.to_fen(2**63)
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        money.to_fen("1.234")
    assert e.value.code == E.INVALID_ARGUMENT
    with pytest.raises(perfbudget.OutOfRangeError):
        money.to_fen("99999999999999999999")
    with pytest.raises(ValueError):
        money.format(1, "furlong")
    with pytest.raises(perfbudget.InvalidArgumentError):
        money.format(1, decimals=11)


def test_load_json_and_queries(mini):
    check_figures(mini)
    assert mini.title == "python test"
    assert "341300" in repr(mini)


def test_round_trips(mini, tmp_path):
    text = mini.to_json()
    assert text == Dataset.from_json(text).to_json()
    assert len(mini.to_json(compact=True)) < len(text)
    path = tmp_path / "mini.json"
    path.write_text(text, encoding="utf-8")
    with Dataset.load(path) as ds:
        check_figures(ds)
    mini.write_csv(tmp_path / "csv")
    with Dataset.load(tmp_path / "csv") as ds:
        check_figures(ds)
    mini.write_csv(tmp_path / "gb", encoding="gb18030", bom=False)
    with Dataset.load(tmp_path / "gb", encoding="gb18030") as ds:
        check_figures(ds)


def test_builder_matches_loaded():
    b = Dataset.builder(2022, "341300", "宿马园区", title="built")
    b.set_origin("vendor.units", 1)
    b.add_unit("U01", "园区管委会").add_unit("U02", "城市管理局")
    b.set_origin(None)
    b.add_fund_line("P001", FundSource.GENERAL_BUDGET, "500万元")  # before its project
    b.add_project("P001", "U01", "园区道路维修", "市政管护", ProjectKind.CONTINUING,
                  ProjectStatus.IN_PROGRESS, 2020, key=True, disclosed_with_budget=True)
    b.add_fund_line("P001", "land_transfer", D("2000000"))
    b.add_adjustment("P001", datetime.date(2022, 9, 15), "general_budget", D("-1000000"), "压减")
    b.add_planned_payment("P001", "2022-12-31", "120万元")
    b.add_project("P002", "U01", "绿化养护", kind="new", status="planned")
    b.add_fund_line("P002", 0, D("1234.56"))
    b.add_project("P003", "U02", "环卫保洁")
    b.add_fund_line("P003", FundSource.TRANSFER, 800000)
    b.add_goal("G-P001", GoalOwner.PROJECT, project_id="P001", text="完成园区主干道维修")
    b.add_indicator("G-P001", "1", IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY,
                    "维修道路长度", Comparator.GE, 12, unit_of_measure="公里", weight=D("20"),
                    baseline=10, value_source="plan")
    b.add_indicator("G-P001", "2", "satisfaction", "beneficiary_satisfaction", "群众满意度",
                    Comparator.RANGE, 90, 100, "%")
    b.add_actual("G-P001", "1", "2022-08-31", value=D("8"), text="8公里")
    b.add_actual("G-P001", "2", "2022-08-31", grade="achieved")
    b.add_goal("G-U01", "unit", unit_id="U01", text="部门整体目标")
    b.add_disbursement("P001", "2022-03-10", "general_budget", "35万元", id="V1")
    b.add_disbursement("P001", "2022-08-31", "land_transfer", "50万元", id="V2")
    b.add_disbursement("P001", "2022-10-20", "general_budget", "100万元")
    b.add_disbursement("P003", "2022-05-05", "transfer", D("0.01"), id="V4")
    assert b.set_as_of("2022-08-31") is b
    with b.build() as ds:
        check_figures(ds)
        assert ds.title == "built"
        assert ds.as_of == datetime.date(2022, 8, 31)
    assert b.closed


def test_as_of_date(mini, tmp_path):
    assert mini.as_of is None  # the fixture states none
    b = Dataset.builder(2022, start_month=4)
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        b.set_as_of(datetime.date(2023, 4, 1))  # after the year (April .. March)
    assert "2023-03-31" in str(e.value)
    b.set_as_of(datetime.date(2023, 3, 31))
    b.set_as_of(datetime.date(2022, 4, 1)).set_as_of(None)  # None clears it
    with b.build() as ds:
        assert ds.as_of is None
    b = Dataset.builder(2022).set_as_of("2022-06-30")
    with b.build() as ds:
        assert ds.as_of == datetime.date(2022, 6, 30)
        text = ds.to_json()
        assert '"as_of": "2022-06-30"' in text
        assert Dataset.from_json(text).as_of == datetime.date(2022, 6, 30)
        ds.write_csv(tmp_path / "csv")
        with Dataset.load(tmp_path / "csv") as back:
            assert back.as_of == datetime.date(2022, 6, 30)


def test_builder_bad_rows_raise_and_fail_build():
    b = Dataset.builder(2022)
    b.set_origin("vendor.rows", 7)
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        b.add_unit("U1", b"\xff")  # invalid UTF-8 straight through
    assert "UTF-8" in e.value.message
    with pytest.raises(perfbudget.InvalidArgumentError):
        b.add_fund_line("P1", 7, 1)
    with pytest.raises(ValueError):
        b.add_fund_line("P1", "nope", 1)
    with pytest.raises(perfbudget.InvalidArgumentError):
        b.add_disbursement("P1", None, "general_budget", 1)
    with pytest.raises(perfbudget.InvalidArgumentError):
        b.add_indicator("G1", "1", "output", "quantity", "n", weight="二十")
    with pytest.raises(TypeError):
        b.add_indicator("G1", "1", "output", "quantity", "n", weight=0.5)
    b.add_unit("U1", "单位")
    b.add_project("P1", "U9", "unknown unit")
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        b.build()
    diags = e.value.diagnostics
    assert len(diags) >= 5
    assert diags[0].file == "vendor.rows" and diags[0].line == 7
    assert any(d.kind == perfbudget.DiagnosticKind.UNKNOWN_REFERENCE for d in diags)
    assert b.closed


def test_builder_used_up_and_closed():
    b = Dataset.builder(2022)
    b.close()
    with pytest.raises(ValueError):
        b.add_unit("U1", "x")
    with pytest.raises(perfbudget.InvalidArgumentError):
        Dataset.builder(2022, start_month=13)


def test_bad_json_diagnostics():
    with pytest.raises(PerfbudgetError) as e:
        Dataset.from_json('{"format": ', "bad.json")
    err = e.value
    assert err.code == E.INVALID_ARGUMENT and err.code_name == "INVALID_ARGUMENT"
    assert err.diagnostics[0].kind_name == "syntax"
    assert err.diagnostics[0].file == "bad.json"
    bad = MINI_JSON.replace('"source": "transfer"', '"source": "nope"', 1).replace(
        '"1234.56"', '"1234.567"')
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        Dataset.from_json(bad)
    kinds = {d.kind_name for d in e.value.diagnostics}
    assert {"enum_value", "sub_fen"} <= kinds
    enum = next(d for d in e.value.diagnostics if d.kind_name == "enum_value")
    assert enum.value == "nope" and enum.expected and enum.path
    assert "nope" in str(enum)


def test_invalid_utf8_in_json_is_a_diagnostic():
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        Dataset.from_json(MINI_JSON.encode().replace("园区管委会".encode(), b"\xff\xfe"))
    assert e.value.diagnostics


def test_lookup_errors(mini, tmp_path):
    with pytest.raises(perfbudget.NotFoundError) as e:
        mini.find_unit("U99")
    assert isinstance(e.value, LookupError) and "U99" in e.value.message
    with pytest.raises(perfbudget.OutOfRangeError):
        mini.unit(2)
    with pytest.raises(perfbudget.OutOfRangeError):
        mini.project_totals(3)
    with pytest.raises(perfbudget.InvalidArgumentError):
        mini.fund_source_totals(7)
    with pytest.raises(perfbudget.NotFoundError):
        Dataset.load(tmp_path / "missing.json")
    with pytest.raises(ValueError):
        Dataset.load(tmp_path, encoding="latin-1")


def test_handle_lifetime(mini):
    ds = Dataset.from_json(MINI_JSON)
    ds.close()
    ds.close()  # twice is fine
    with pytest.raises(ValueError):
        ds.unit_count
    Dataset.from_json(MINI_JSON)  # freed by __del__
    gc.collect()


def test_threads_share_a_dataset(mini):
    results = []

    def work():
        for _ in range(50):
            results.append(mini.totals().approved)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [APPROVED] * 200


def test_declaring_a_function():
    """The declarative layer other modules use (review.py, monitor.py)."""
    from ctypes import c_uint32

    from perfbudget import _lib
    find = _lib.fn("pfb_dataset_find_unit", _lib.HANDLE, _lib.STR, _lib.Out(c_uint32))
    with Dataset.from_json(MINI_JSON) as ds:
        assert find(ds, "U02") == 1
        with pytest.raises(perfbudget.NotFoundError):
            find(ds, "nope")
        with pytest.raises(TypeError):
            find(ds)
    status_name = _lib.getter("pfb_status_name", _lib.BORROWED_STR, _lib.I32)
    assert status_name(E.NOT_FOUND) == "NOT_FOUND"


EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "suma-park-2022" / "dataset.json"


@pytest.mark.usefixtures("bundled_example")
def test_seed_figures_from_example():
    """F20/F21 of the seed report: 106705 万元 approved, 63854 万元 executed by 2022-08-31."""
    with Dataset.load(EXAMPLE) as ds:
        assert ds.unit_count == 6
        t = ds.totals(datetime.date(2022, 8, 31))
        assert t.approved == money.parse("106705万元")
        assert t.executed == money.parse("63854万元")


def test_synth_is_deterministic_and_checked():
    with Dataset.synth(seed=7, units=2, projects=12, indicators_per_goal=3) as a, \
            Dataset.synth(seed=7, units=2, projects=12, indicators_per_goal=3) as b:
        assert (a.unit_count, a.project_count, a.goal_count) == (2, 12, 14)
        assert a.to_json() == b.to_json()
    with Dataset.synth(seed=8, units=2, projects=12, indicators_per_goal=3) as c, \
            Dataset.synth(seed=7, units=2, projects=12, indicators_per_goal=3) as d:
        assert c.to_json() != d.to_json()
    with Dataset.synth(units=1, projects=3, unit_goals=False, start_month=7) as e:
        assert (e.goal_count, e.fiscal_year_start_month) == (3, 7)
    with pytest.raises(perfbudget.InvalidArgumentError):
        Dataset.synth(units=0)
    with pytest.raises(OverflowError):
        Dataset.synth(seed=-1)



# Determinism beyond one process (tests/cpp/determinism_test.cc does the same
# for the C++ API): the same calls in two fresh interpreters, with different
# hash seeds and glibc's MALLOC_PERTURB_ (fresh and freed memory filled), print
# the same bytes; and a dataset whose JSON objects list their fields in the
# reverse order loads to the same dataset.
_DETERMINISM_SCRIPT = r'''
import sys
import perfbudget
from perfbudget.monitor import ExecutionCurve, Monitor
out = []
with perfbudget.Dataset.synth(seed=7, units=3, projects=30) as s:
    out.append(s.to_json())
with perfbudget.Dataset.load(sys.argv[1]) as ds:
    out.append(ds.to_json())
    with Monitor.run(ds, "2022-08-31") as m:
        out.append(str(m.total.rate))
    with ExecutionCurve.run(ds, "2022-08-31") as c:
        out.append(c.svg())
sys.stdout.buffer.write("\n".join(out).encode("utf-8"))
'''


@pytest.mark.usefixtures("bundled_example")
def test_same_bytes_in_separate_processes():
    import os
    import subprocess
    import sys
    outs = []
    for seed, perturb in (("1", "0"), ("4242", "165")):
        env = dict(os.environ, PYTHONHASHSEED=seed, MALLOC_PERTURB_=perturb,
                   TZ="Pacific/Kiritimati" if seed != "1" else "UTC",
                   PYTHONPATH=str(pathlib.Path(__file__).resolve().parents[1]))
        run = subprocess.run([sys.executable, "-c", _DETERMINISM_SCRIPT, str(EXAMPLE)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        assert run.returncode == 0, run.stderr.decode()
        outs.append(run.stdout)
    assert len(outs[0]) > 100000
    assert outs[0] == outs[1]


def _reverse_keys(value):
    if isinstance(value, dict):
        return {k: _reverse_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reverse_keys(v) for v in value]
    return value


@pytest.mark.usefixtures("bundled_example")
def test_field_order_does_not_matter():
    import json
    text = EXAMPLE.read_text(encoding="utf-8")
    shuffled = json.dumps(_reverse_keys(json.loads(text)), ensure_ascii=False, indent=1)
    assert shuffled != text
    with Dataset.load(EXAMPLE) as a, Dataset.from_json(shuffled, "reversed.json") as b:
        assert a.to_json() == b.to_json()
