"""Dual monitoring and reclaim through the C ABI (perfbudget.monitor)."""

import datetime
import pathlib
from decimal import Decimal

import pytest

import perfbudget
from perfbudget import Dataset, FundSource
from perfbudget.monitor import ROW_PROJECT, ExecutionCurve, Monitor, Reclaim

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "suma-park-2022" / "dataset.json"

SMALL = """{
  "format": "perfbudget-dataset", "version": 1,
  "jurisdiction": {"code": "J1", "name": "测试园区"},
  "fiscal_year": {"year": 2022},
  "units": [{"id": "U1", "name": "一号单位"}],
  "projects": [
    {"id": "LAG", "unit": "U1", "name": "滞后项目",
     "funds": [{"source": "general_budget", "approved": "60万元"},
               {"source": "land_transfer", "approved": "40万元"}],
     "payment_plan": [{"date": "2022-12-31", "amount": "30万元"}]},
    {"id": "N", "unit": "U1", "name": "未实施项目", "status": "not_implemented",
     "funds": [{"source": "general_budget", "approved": "1.00"},
               {"source": "transfer", "approved": "1.00"},
               {"source": "land_transfer", "approved": "1.00"}]}],
  "disbursements": [
    {"id": "V1", "project": "LAG", "date": "2022-02-01", "source": "general_budget", "amount": "30万元"},
    {"id": "V2", "project": "N", "date": "2022-02-01", "source": "general_budget", "amount": "0.01"}]
}"""


@pytest.fixture()
def small():
    with Dataset.from_json(SMALL) as ds:
        yield ds


def test_monitor_rows_and_reasons(small):
    with Monitor.run(small, datetime.date(2022, 8, 31)) as m:
        assert m.time_progress == Decimal("66.67")
        total = m.total
        assert total.current == Decimal("1000003.00")
        projects = m.projects()
        assert [p.id for p in projects] == ["LAG", "N"]
        lag = projects[0]
        assert lag.executed == Decimal("300000.00")
        assert lag.rate == Decimal("30.00")
        assert lag.gap == Decimal("36.67")
        assert lag.level == "red"
        codes = [r.code for r in m.reasons(row=lag)]
        assert codes == ["monitoring.gap_red"]
        msg = m.reasons(lang="en", row=lag)[0].message
        assert "30.00%" in msg and "66.67%" in msg
        assert m.reason(0).row_kind == ROW_PROJECT


def test_monitor_as_of_outside_the_year(small):
    with pytest.raises(perfbudget.OutOfRangeError) as e:
        Monitor.run(small, datetime.date(2023, 1, 1))
    assert "2022-12-31" in e.value.message


def test_monitor_bad_policy_is_reported(small):
    with pytest.raises(perfbudget.InvalidArgumentError):
        Monitor.run(small, "2022-08-31", policy_json='{"rules": 5')


def test_reclaim_proposals_and_splits(small):
    with Reclaim.run(small, "2022-08-31") as rc:
        props = rc.proposals()
        by_project = {p.project_id: p for p in props}
        lag = by_project["LAG"]
        assert lag.code == "reclaim.lagging_with_plan"
        assert lag.amount == Decimal("400000.00")  # 100 − 30 executed − 30 planned (万元)
        assert sum(a for _, a in lag.split) == lag.amount
        n = by_project["N"]
        assert n.code == "reclaim.unimplemented"
        assert n.amount == Decimal("2.99")
        assert sum(a for _, a in n.split) == Decimal("2.99")  # exact to the fen
        assert {s for s, _ in n.split} == {FundSource.GENERAL_BUDGET, FundSource.TRANSFER,
                                           FundSource.LAND_TRANSFER}
        assert rc.total == Decimal("400002.99")
        assert rc.units() == [("U1", Decimal("400002.99"))]


@pytest.mark.usefixtures("bundled_example")
def test_example_f20_to_f23():
    with Dataset.load(str(EXAMPLE)) as ds:
        with Monitor.run(ds, "2022-08-31") as m:
            assert m.total.current == Decimal("1067050000.00")
            assert m.total.executed == Decimal("638540000.00")
            assert m.total.rate == Decimal("59.84")
        with Reclaim.run(ds, "2022-08-31") as rc:
            unimplemented = [p for p in rc.proposals() if p.code == "reclaim.unimplemented"]
            assert len(unimplemented) == 3
            assert sum(p.amount for p in unimplemented) == Decimal("23968000.00")


def test_as_of_defaults_to_the_datasets_own():
    with Dataset.load(str(EXAMPLE)) as ds:
        assert ds.as_of == datetime.date(2022, 8, 31)
        with Monitor.run(ds) as m:  # no date: the dataset's 2022-08-31
            assert m.total.executed == Decimal("638540000.00")
            assert m.total.rate == Decimal("59.84")
        with Reclaim.run(ds) as rc:
            assert len([p for p in rc.proposals() if p.code == "reclaim.unimplemented"]) == 3
        with ExecutionCurve.run(ds) as c:
            assert c.total.points[-1].date == datetime.date(2022, 8, 31)


def test_as_of_is_needed_when_the_dataset_states_none(small):
    assert small.as_of is None
    for run in (Monitor.run, Reclaim.run, ExecutionCurve.run):
        with pytest.raises(perfbudget.InvalidArgumentError, match="states none"):
            run(small)


def test_execution_curve_points_agree_with_monitor(small):
    with ExecutionCurve.run(small, datetime.date(2022, 8, 31)) as curve:
        total = curve.total
        assert (total.id, total.name) == ("J1", "合计")
        assert [p.month for p in total.points] == list(range(1, 9))
        assert total.points[0].executed == Decimal("0.00")
        assert total.points[1].date == datetime.date(2022, 2, 28)
        assert total.points[1].executed == Decimal("300000.01")  # V1 and V2 in February
        last = total.points[-1]
        assert last.date == datetime.date(2022, 8, 31)
        assert last.time_progress == Decimal("66.67")
        assert last.current == Decimal("1000003.00")
        with Monitor.run(small, "2022-08-31") as m:
            assert (last.executed, last.rate) == (m.total.executed, m.total.rate)
        units = curve.units()
        assert [(u.id, u.name, len(u.points)) for u in units] == [("U1", "一号单位", 8)]


def test_execution_curve_svg(small):
    with ExecutionCurve.run(small, "2022-06-30") as curve:
        assert len(curve.total.points) == 6
        zh = curve.svg()
        assert zh.startswith("<?xml") and zh.rstrip().endswith("</svg>")
        assert "一号单位" in zh and "序时进度" in zh
        assert curve.svg() == zh  # deterministic
        en = curve.svg(lang="en", title="Park <2022>", units=False)
        assert "Park &lt;2022&gt;" in en and "Time progress" in en
        assert "一号单位" not in en
        with pytest.raises(ValueError):
            curve.svg(lang="fr")


def test_execution_curve_errors(small):
    with pytest.raises(perfbudget.OutOfRangeError):
        ExecutionCurve.run(small, datetime.date(2021, 12, 31))
    with pytest.raises(perfbudget.InvalidArgumentError):
        ExecutionCurve.run(small, "2022-08-31", policy_json="[")

