"""Result export of the year-end analyses (to_json / to_csv / to_text,
pfb_render.h): the same bytes as the CLI's `--format json|csv|text`
(tests/cli/golden), JSON that parses, and to_frame() with exact Decimal
columns (or int64 fen on request)."""

import datetime
import json
import pathlib
from decimal import Decimal

import pytest

from perfbudget import Dataset, InvalidArgumentError
from perfbudget.evaluation import Results, SelfEvaluation
from perfbudget.followup import coverage, disclosure, rectification
from perfbudget.indicators import suggest

pd = pytest.importorskip("pandas")

ROOT = pathlib.Path(__file__).resolve().parents[3]
SELFEVAL = ROOT / "tests" / "cli" / "data" / "selfeval.json"
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "cli" / "golden"


def golden(case: str) -> str:
    # newline="" keeps the CSV goldens' CRLF line ends.
    with open(GOLDEN / f"{case}.out", encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="module")
def selfeval():
    with Dataset.load(str(SELFEVAL)) as ds:
        yield ds


@pytest.fixture(scope="module")
def years():
    """The three-year example: FY2021, FY2022, FY2023."""
    with Dataset.load(str(EXAMPLES / "suma-park-2021")) as y21, \
            Dataset.load(str(EXAMPLES / "suma-park-2022")) as y22, \
            Dataset.load(str(EXAMPLES / "suma-park-2023")) as y23:
        yield y21, y22, y23


# ---- self-evaluation (evaluate) ------------------------------------------------------

def test_self_evaluation_renders_as_the_cli(selfeval, years):
    with SelfEvaluation.run(selfeval) as s:
        assert s.to_json(lang="en") == golden("evaluate_json_en")
        assert s.to_csv() == golden("evaluate_csv_zh")
        assert s.to_text() == golden("evaluate_text_zh")
        assert s.to_text(lang="en") == golden("evaluate_text_en")
        doc = json.loads(s.to_json())
        assert doc["total"]["project_goals"] == s.totals.project_goals
        assert [g["goal"] for g in doc["goals"]] == [g.goal_id for g in s.goals()]
        with pytest.raises(ValueError):
            s.to_csv(lang="fr")
        with pytest.raises(InvalidArgumentError):
            s.to_text(unit=9)
    with SelfEvaluation.run(selfeval, as_of=datetime.date(2021, 12, 31)) as s:
        assert s.to_text(lang="en") == golden("evaluate_as_of_en")
    y21, y22, _ = years
    with SelfEvaluation.run(y21, reports=[y22]) as s:
        assert s.to_text() == golden("evaluate_suma_2021")
        assert s.to_json(lang="en") == golden("evaluate_suma_2021_json_en")


def test_self_evaluation_frames(selfeval):
    with SelfEvaluation.run(selfeval) as s:
        goals = s.to_frame()
        assert list(goals["goal_id"]) == [g.goal_id for g in s.goals()]
        row = goals.set_index("goal_id").loc["G-P003"]
        assert row["score"] == Decimal("90.00") and isinstance(row["score"], Decimal)
        assert row["grade"] == "good"
        assert bool(goals.set_index("goal_id").loc["G-P002", "inflated"])
        inds = s.to_frame("indicators", lang="en")
        assert len(inds) == len(s.indicators())
        first = inds.iloc[0]
        assert first["goal_id"] == "G-P001"
        assert (first["points"], first["earned"], first["lost"]) == (
            Decimal("30.00"), Decimal("22.50"), Decimal("7.50"))
        assert all(isinstance(v, Decimal) for v in inds["lost"])
        with pytest.raises(ValueError):
            s.to_frame("flags")
        with pytest.raises(ValueError):
            s.to_frame(money="float")


# ---- result application (results) ------------------------------------------------------

def test_results_render_as_the_cli(selfeval, years):
    with Results.run(selfeval) as r:
        assert r.to_json() == golden("results_json")
        assert r.to_csv(lang="en") == golden("results_csv_en")
        assert r.to_text() == golden("results_text_zh")
        assert r.to_text(lang="en", unit="元") == golden("results_text_en")
        doc = json.loads(r.to_json())
        assert doc["budget_year"] == r.budget_year
        assert Decimal(doc["total"]["cut"]) == r.total_cut
    _, y22, y23 = years
    with Results.run(y22) as r:
        assert r.to_text() == golden("results_suma_park")
    with Results.run(y22, next_year=y23) as r:
        assert r.to_text() == golden("results_suma_next_year")
        assert r.to_json() == golden("results_suma_next_year_json")


def test_results_frames(selfeval, years):
    with Results.run(selfeval) as r:
        f = r.to_frame()
        props = r.proposals()
        assert len(f) == sum(max(1, len(p.split)) for p in props)
        assert all(isinstance(v, Decimal) for v in f["cut"])
        # The fund-source cuts of each proposal sum to its cut, exactly.
        with_split = f.dropna(subset=["source"])
        for pid, group in with_split.groupby("project_id"):
            assert sum(group["source_cut"]) == group["cut"].iloc[0]
        fen = r.to_frame(money="fen")
        assert str(fen["cut"].dtype) == "Int64"
        assert list(fen["cut"]) == [int(v * 100) for v in f["cut"]]
        units = r.to_frame("units")
        assert sum(units["cut"]) == r.total_cut
        with pytest.raises(ValueError):
            r.to_frame("goals")
    _, y22, y23 = years
    with Results.run(y22, next_year=y23) as r:
        nx = r.to_frame("next_year", money="fen")
        assert int(nx["cut"].sum()) == int(r.next_year_cut * 100)


# ---- the coverage plan (coverage) ----------------------------------------------------------

def test_coverage_renders_as_the_cli(years):
    y21, y22, y23 = years
    plan = coverage(y23, history=[y21, y22])
    assert plan.to_text() == golden("coverage_suma_2023")
    assert plan.to_json(lang="en") == golden("coverage_suma_2023_en_json")
    assert plan.to_csv() == golden("coverage_suma_2023_csv")
    doc = json.loads(plan.to_json())
    assert doc["total"]["key_projects"] == plan.total.key_projects
    assert [p["project"] for p in doc["projects"]] == [p.project_id for p in plan.projects]
    with coverage(y23, history=[y21, y22], max_projects=3) as tight:
        assert tight.to_text(lang="en") == golden("coverage_suma_2023_tight")
    with pytest.raises(ValueError):
        tight.to_text()  # closed
    assert coverage(y22, history=[y21]).to_text(lang="en") == golden("coverage_suma_2022_en")


def test_coverage_frames(years):
    y21, y22, y23 = years
    plan = coverage(y23, history=[y21, y22])
    f = plan.to_frame()
    assert list(f["project_id"]) == [p.project_id for p in plan.projects]
    assert sum(f["current"]) == sum(p.current for p in plan.projects)
    assert all(isinstance(v, Decimal) for v in f["current"])
    fen = plan.to_frame(money="fen")
    assert list(fen["current"]) == [int(p.current * 100) for p in plan.projects]
    hist = plan.to_frame("history")
    assert list(hist["year"]) == [h.year for h in plan.history]
    assert len(plan.to_frame("years")) == len(plan.years)
    assert len(plan.to_frame("findings")) == len(plan.findings)
    with pytest.raises(ValueError):
        plan.to_frame("units")


# ---- rectification and disclosure ------------------------------------------------------------

def test_rectification_renders_as_the_cli(years):
    y21, y22, _ = years
    with rectification(y22, as_of="2022-12-31", unit_ids=["U01"]) as r:
        assert r.to_text() == golden("rectification_suma_2022")
        assert r.to_json(lang="en") == golden("rectification_suma_2022_en_json")
        assert r.to_csv() == golden("rectification_suma_2022_csv")
        doc = json.loads(r.to_json())
        assert doc["total"]["overdue"] == r.total.overdue == 6
        items = r.to_frame()
        assert list(items["id"]) == [i.id for i in r.items]
        assert int(items["overdue"].sum()) == r.total.overdue
        units = r.to_frame("units")
        assert list(units["unit_id"]) == ["U01"]
        assert int(units["items"].iloc[0]) == r.units["U01"].items
        assert len(r.to_frame("findings")) == len(r.findings)
        with pytest.raises(ValueError):
            r.to_frame("goals")
    assert rectification(y21).to_text(lang="en") == golden("rectification_suma_2021_en")


def test_disclosure_renders_as_the_cli(years):
    y21, y22, y23 = years
    assert disclosure(y22).to_text() == golden("disclosure_suma_2022")
    d = disclosure(y23, unit_ids=["U01"])
    assert d.to_text(lang="en") == golden("disclosure_suma_2023_en")
    assert d.to_json() == golden("disclosure_suma_2023_json")
    assert json.loads(d.to_json())["total"]["key_with_approval"] == d.total.key_with_approval
    assert disclosure(y21).to_csv(lang="en") == golden("disclosure_suma_2021_csv")
    f = d.to_frame()
    assert list(f["code"]) == [x.code for x in d.findings]
    assert list(d.to_frame("units")["unit_id"]) == ["U01"]
    with pytest.raises(ValueError):
        d.to_frame(money="float")
    d.close()
    with pytest.raises(ValueError):
        d.to_json()


# ---- the core indicator library (indicators suggest) -------------------------------------------

def test_indicator_list_renders_as_the_cli():
    with suggest("市政管护") as core:
        assert core.to_text() == golden("indicators_suggest_zh")
        assert isinstance(core, list) and core[0].category == "市政管护"
    with pytest.raises(ValueError):
        core.to_text()  # closed
    assert suggest("高标准农田").to_text(lang="en") == golden("indicators_suggest_en")
    assert suggest("农机补贴").to_json() == golden("indicators_suggest_json")
    assert suggest("疾控").to_csv() == golden("indicators_suggest_csv")


def test_indicator_list_frame():
    core = suggest("市政管护")
    f = core.to_frame()
    assert list(f["name"]) == [c.name for c in core]
    bounded = [c for c in core if c.low is not None]
    if bounded:
        row = f[f["name"] == bounded[0].name].iloc[0]
        assert row["low"] == bounded[0].low and isinstance(row["low"], Decimal)
    with pytest.raises(ValueError):
        core.to_frame(money="float")
