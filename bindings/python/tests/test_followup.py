"""The evaluation follow-up (perfbudget.followup): coverage plan,
rectification, disclosure, on the bundled example's three years (seed
figures F5-F8, F17, F25, F27) and on error paths."""

import datetime
import pathlib
from decimal import Decimal

import pytest

from perfbudget import Dataset
from perfbudget.errors import InvalidArgumentError
from perfbudget.followup import coverage, disclosure, rectification
from perfbudget.review import Policy

ROOT = pathlib.Path(__file__).resolve().parents[3]


def _year(y):
    return Dataset.load(str(ROOT / "examples" / f"suma-park-{y}" / "dataset.json"))


@pytest.fixture(scope="module")
def years():
    ds = {y: _year(y) for y in (2021, 2022, 2023)}
    yield ds
    for d in ds.values():
        d.close()


def test_history_f5_f6_f7(years):
    plan = coverage(years[2022], history=[years[2021]])
    assert [(h.year, h.projects) for h in plan.history] == [(2021, 5), (2022, 8)]
    assert plan.history[1].amount == Decimal("62000000.00")  # 6200 万元
    assert plan.history[1].unit_ids == ["U01", "U03"]


def test_plan_f8(years):
    plan = coverage(years[2023], history=[years[2021], years[2022]], lang="en")
    assert plan.year == 2023 and plan.window_years == 5 and plan.max_projects == 7
    due = sorted(p.project_id for p in plan.projects if p.status == "due")
    assert due == ["P0201", "P0604"]
    assert plan.total.breaches == 0 and plan.total.key_projects == 34
    assert plan.max_amount is None
    assert any(f.code == "coverage.due" and "P0201" in f.message for f in plan.findings)
    p0201 = next(p for p in plan.projects if p.project_id == "P0201")
    assert p0201.last_year is None and p0201.first_year == 2019 and p0201.deadline == 2023
    assert sum(u.key_projects for u in plan.units.values()) == 34
    tight = coverage(years[2023], history=[years[2021], years[2022]], max_projects=3)
    assert tight.total.breaches > 0
    assert any(f.code == "coverage.breach" and f.severity == "error" for f in tight.findings)


def test_plan_options(years):
    plan = coverage(years[2023], year=2024, horizon_years=2, max_amount=Decimal("1000000000"))
    assert plan.year == 2024 and len(plan.years) == 2
    assert plan.max_amount == Decimal("1000000000.00")
    with pytest.raises(InvalidArgumentError):
        coverage(years[2023], horizon_years=500)
    with pytest.raises(ValueError):
        coverage(years[2023], lang="fr")


def test_rectification_f25(years):
    r = rectification(years[2022], as_of=datetime.date(2022, 12, 31), unit_ids=["U01"])
    assert r.as_of == datetime.date(2022, 12, 31)
    t = r.total
    assert (t.problems, t.suggestions, t.items, t.done, t.overdue) == (22, 16, 22, 6, 6)
    assert r.units["U01"].items > 0
    overdue = [i for i in r.items if i.overdue]
    assert len(overdue) == 6 and all(i.status != "done" and i.days_overdue > 0 for i in overdue)
    assert sum(f.code == "rectification.overdue" for f in r.findings) == 6
    # Default as-of: the dataset's (2022-08-31): fewer overdue then.
    assert rectification(years[2022]).as_of == datetime.date(2022, 8, 31)


def test_disclosure_f17_f27(years):
    d22 = disclosure(years[2022])
    assert d22.total.key_with_budget == 14  # F17
    assert (d22.total.results, d22.total.results_published) == (10, 10)
    d23 = disclosure(years[2023], lang="en", unit_ids=["U01"])
    assert d23.total.key_with_approval == 8  # F27
    assert d23.units["U01"].key_projects > 0
    assert any(f.code == "disclosure.goal_not_with_approval" for f in d23.findings)
    # A policy that does not require publication with the approval.
    pol = Policy.from_json('{"name": "t", "rules": {"disclosure.goal_not_with_approval": {"enabled": false}}}')
    with pol:
        d = disclosure(years[2023], pol)
        assert not any(f.code == "disclosure.goal_not_with_approval" for f in d.findings)
    d21 = disclosure(years[2021])
    assert d21.total.results_published == d21.total.results - 1  # E21-TP03


def test_deterministic(years):
    a = coverage(years[2023], history=[years[2021], years[2022]])
    b = coverage(years[2023], history=[years[2022], years[2021], years[2022]])
    assert a == b
