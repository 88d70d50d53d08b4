"""pandas frames in and out (perfbudget.frames; Debian's python3-pandas)."""

import datetime
from decimal import Decimal

import pandas as pd
import pytest

import perfbudget
from perfbudget import Dataset
from perfbudget.monitor import ROW_PROJECT, ExecutionCurve, Monitor, Reclaim
from perfbudget.review import review

UNITS = pd.DataFrame({"id": ["U01", "U02"], "name": ["园区管委会", "城市管理局"]})
PROJECTS = pd.DataFrame({
    "id": ["P001", "P002", "P003"], "unit": ["U01", "U01", "U02"],
    "name": ["园区道路维修", "绿化提升", "环卫保洁"],
    "status": ["in_progress", "not_implemented", "in_progress"]})
FUNDS = pd.DataFrame({
    "project": ["P001", "P001", "P002", "P003"],
    "source": ["general_budget", "land_transfer", "general_budget", "transfer"],
    "approved": [Decimal("5000000"), Decimal("2000000"), Decimal("3000000"), "100万元"]})
# P001: 100万 on 2022-03-10 (general) and 50万 on 2022-09-15 (after as_of);
# P003: 60万 + 35万 = 95万 (transfer).
DISBURSEMENTS = pd.DataFrame({
    "id": ["V1", "V2", "V3", "V4"],
    "project": ["P001", "P001", "P003", "P003"],
    "date": pd.to_datetime(["2022-03-10", "2022-09-15", "2022-04-01", "2022-07-15"]),
    "source": ["general_budget", "general_budget", "transfer", "transfer"],
    "amount_fen": [100 * 10**6, 50 * 10**6, 60 * 10**6, 35 * 10**6]})


def small():
    return Dataset.from_frames(fiscal_year=2022, jurisdiction_code="341300",
                               jurisdiction_name="宿马园区", units=UNITS, projects=PROJECTS,
                               funds=FUNDS, disbursements=DISBURSEMENTS, as_of="2022-08-31")


def test_from_frames_builds_the_dataset():
    with small() as ds:
        assert ds.project_count == 3 and ds.disbursement_count == 4
        assert ds.as_of == datetime.date(2022, 8, 31)
        t = ds.totals()
        assert t.approved == Decimal("11000000.00")  # 500 + 200 + 300 + 100 万元
        assert t.executed == Decimal("2450000.00")  # 100 + 50 + 60 + 35 万元
        t = ds.totals("2022-08-31")
        assert t.executed == Decimal("1950000.00")  # without V2 (2022-09-15)


def test_amounts_in_yuan_dates_as_text():
    frame = DISBURSEMENTS.drop(columns=["amount_fen"]).assign(
        amount=[Decimal("1000000"), 500000, "35万元", Decimal("350000.00")],
        date=["2022-03-10", "2022-09-15", datetime.date(2022, 4, 1), "2022-07-15"])
    with Dataset.from_frames(fiscal_year=2022, units=UNITS, projects=PROJECTS, funds=FUNDS,
                             disbursements=frame) as ds:
        assert ds.totals().executed == Decimal("2200000.00")  # 100 + 50 + 35 + 35 万元


def test_bad_rows_are_all_reported_with_their_place():
    bad = DISBURSEMENTS.copy()
    bad["date"] = ["2022-03-10", "not a date", "2022-04-01", "2022-02-30"]
    bad["source"] = ["general_budget", "general_budget", "no_such_source", "transfer"]
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        Dataset.from_frames(fiscal_year=2022, units=UNITS, projects=PROJECTS, funds=FUNDS,
                            disbursements=bad)
    places = sorted(d.path for d in e.value.diagnostics if "disbursements[" in d.path)
    assert places == ["disbursements[1]", "disbursements[2]", "disbursements[3]"]
    fields = {d.path: d.field for d in e.value.diagnostics}
    assert fields["disbursements[2]"] == "source"
    assert fields["disbursements[3]"] == "date"


def test_an_unknown_project_is_reported_at_build():
    bad = DISBURSEMENTS.assign(project=["P001", "P404", "P003", "P003"])
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        Dataset.from_frames(fiscal_year=2022, units=UNITS, projects=PROJECTS, funds=FUNDS,
                            disbursements=bad)
    assert any("P404" in d.message or d.value == "P404" for d in e.value.diagnostics)


def test_many_rows_through_one_call():
    n = 50_000
    frame = pd.DataFrame({
        "project": ["P001", "P003"] * (n // 2),
        "date": pd.to_datetime(["2022-05-31"] * n),
        "source": ["general_budget", "transfer"] * (n // 2),
        "amount_fen": [1, 2] * (n // 2)})
    with Dataset.from_frames(fiscal_year=2022, units=UNITS, projects=PROJECTS, funds=FUNDS,
                             disbursements=frame) as ds:
        assert ds.disbursement_count == n
        assert ds.totals().executed == Decimal(n // 2 * 3) / 100


def test_monitor_to_frame_decimal_and_fen():
    with small() as ds, Monitor.run(ds) as m:
        f = m.to_frame(ROW_PROJECT)
        p1 = f[f["id"] == "P001"].iloc[0]
        assert p1["kind"] == "project" and p1["unit"] == "U01"
        assert p1["approved"] == Decimal("7000000.00")
        assert p1["executed"] == Decimal("1000000.00")
        assert p1["rate"] == Decimal("14.29")
        assert isinstance(p1["current"], Decimal)
        fen = m.to_frame(ROW_PROJECT, money="fen")
        assert fen[fen["id"] == "P001"].iloc[0]["executed"] == 100 * 10**6
        assert str(fen["executed"].dtype) == "Int64"
        everything = m.to_frame()
        assert list(everything["kind"].unique()) == ["project", "unit", "fund", "jurisdiction"]
        with pytest.raises(ValueError):
            m.to_frame(money="float")


def test_reclaim_curve_and_review_frames():
    with small() as ds:
        with Reclaim.run(ds) as r:
            f = r.to_frame()
            p2 = f[f["project_id"] == "P002"].iloc[0]
            assert p2["code"] == "reclaim.unimplemented"
            assert p2["amount"] == Decimal("3000000.00")
            assert p2["source"] == "general_budget"
            assert r.to_frame(money="fen")["amount"].max() >= 300 * 10**6
        with ExecutionCurve.run(ds) as c:
            f = c.to_frame()
            total = f[f["series"] == f["series"].iloc[0]]
            assert list(total["month"]) == list(range(1, 9))
            assert total.iloc[-1]["executed"] == Decimal("1950000.00")
        rv = review(ds)
        assert list(rv.to_frame("goals").columns)[:2] == ["goal", "owner"]
        assert len(rv.to_frame("findings")) == len(rv.findings)
