"""Self-evaluation scoring and result application through the C ABI
(perfbudget.evaluation), on tests/cli/data/selfeval.json (FY2021)."""

import datetime
import pathlib
from decimal import Decimal

import pytest

import perfbudget
from perfbudget import Dataset, FundSource
from perfbudget.evaluation import Results, SelfEvaluation
from perfbudget.review import Policy

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "cli" / "data" / "selfeval.json"


@pytest.fixture(scope="module")
def ds():
    with Dataset.load(str(DATA)) as d:
        yield d


def test_exported_from_the_package():
    assert perfbudget.evaluation.SelfEvaluation is SelfEvaluation


def test_goal_scores_and_the_self_score_check(ds):
    with SelfEvaluation.run(ds) as s:
        goals = {g.goal_id: g for g in s.goals()}
        assert set(goals) == {"G-P001", "G-P002", "G-P003", "G-U01"}
        # 89.995 prints 90.00 and is 良 (the grade comes from the exact score).
        g3 = goals["G-P003"]
        assert g3.score == Decimal("90.00")
        assert g3.grade == "good"
        assert g3.owner == "project" and g3.owner_id == "P003" and g3.unit_id == "U02"
        u = goals["G-U01"]
        assert u.owner == "unit"
        assert u.self_evaluation_id == "E-SU1"
        assert u.reported == Decimal("98.00")
        p2 = goals["G-P002"]
        assert p2.inflated and p2.reported == Decimal("90.00")
        assert p2.difference == p2.reported - p2.score
        t = s.totals
        assert (t.project_goals, t.unit_goals, t.self_evaluations) == (3, 1, 3)
        assert t.amount == Decimal("13333500.00")  # project records only
        assert t.inflated == sum(1 for g in goals.values() if g.inflated)


def test_indicator_points_and_flags(ds):
    with SelfEvaluation.run(ds) as s:
        g1 = s.goals()[0]
        inds = s.indicators(lang="en", goal=g1)
        assert len(inds) == 5
        first = inds[0]
        # ≥ 3.2 公里, actual 2.4 (the 2022-01-20 actual, explained): 30 × 0.75.
        assert first.code == "selfeval.higher_is_better"
        assert (first.points, first.earned, first.lost) == (Decimal("30.00"), Decimal("22.50"),
                                                            Decimal("7.50"))
        assert first.far_below and first.explained
        assert inds[2].block == "output"  # cost shares the output block
        assert inds[3].code == "selfeval.qualitative"
        codes = [f.code for f in s.flags()]
        assert "selfeval.no_actual" in codes
        assert "selfeval.far_below_without_reason" in codes
        no_actual = [f for f in s.flags(lang="en") if f.code == "selfeval.no_actual"][0]
        assert no_actual.indicator == 1 and no_actual.severity == "warning"
        assert "has no actual" in no_actual.message


def test_evaluation_date_and_goal_selection(ds):
    with SelfEvaluation.run(ds, as_of=datetime.date(2021, 12, 31)) as s:
        g1 = s.indicators(goal=s.goals()[0])
        assert g1[0].code == "selfeval.higher_is_better"
        assert g1[0].earned == Decimal("14.06")  # 30 × 1.5 ÷ 3.2 = 14.0625
    with SelfEvaluation.run(ds, project_goals=False) as s:
        assert [g.owner for g in s.goals()] == ["unit"]
    with pytest.raises(perfbudget.InvalidArgumentError):
        SelfEvaluation.run(ds, policy_json='{"rules": {"selfeval.nope": {}}}')
    with pytest.raises(ValueError):
        with SelfEvaluation.run(ds) as s:
            s.indicator(0, lang="fr")


def test_result_application(ds):
    with Results.run(ds) as r:
        assert r.budget_year == 2022
        props = {p.project_id: p for p in r.proposals()}
        assert props["P001"].action == "keep" and props["P001"].cut == Decimal("0.00")
        fair = props["P002"]
        assert fair.grade == "fair" and fair.code == "results.cut"
        assert fair.cut == Decimal("200000.00") and fair.proposed == Decimal("1800000.00")
        assert props["P003"].action == "priority"
        merge = props["P004"]
        assert merge.action == "merge" and merge.cut == Decimal("2000100.00")
        assert merge.split == [(FundSource.GENERAL_BUDGET, Decimal("1500000.00")),
                               (FundSource.TRANSFER, Decimal("500100.00"))]
        assert sum(a for _, a in merge.split) == merge.cut
        assert r.total_cut == fair.cut + merge.cut
        assert {u.unit_id: u.cut for u in r.units()} == {"U01": fair.cut, "U02": merge.cut}
        assert "merged or optimised" in r.proposal(3, lang="en").message


def test_policy_object_or_text(ds):
    """A loaded Policy (or a built-in name) is taken like the other analyses
    take one, and gives what the same profile as JSON text gives."""
    text = ('{"extends": "suma-park", "result_application":'
            ' {"grades": {"fair": {"action": "cut", "cut_percent": 20}}}}')
    policy = Policy.from_json(text)
    with Results.run(ds, policy=policy) as by_handle, \
            Results.run(ds, policy_json=text) as by_text, Results.run(ds) as default:
        fair = {p.project_id: p for p in by_handle.proposals()}["P002"]
        assert fair.cut == Decimal("400000.00")  # 20% of 200万, not the default 10%
        assert by_handle.total_cut == by_text.total_cut
        assert by_handle.total_cut == default.total_cut + Decimal("200000.00")
    with SelfEvaluation.run(ds, policy="suma-park") as named, SelfEvaluation.run(ds) as plain:
        assert [g.score for g in named.goals()] == [g.score for g in plain.goals()]
    with pytest.raises(ValueError):
        Results.run(ds, policy=policy, policy_json=text)
    with pytest.raises(TypeError):
        SelfEvaluation.run(ds, policy=42)


EXAMPLES = ROOT / "examples"


def test_seed_figures_f2_to_f4_and_f26():
    with Dataset.load(str(EXAMPLES / "suma-park-2021")) as fy21, \
            Dataset.load(str(EXAMPLES / "suma-park-2022")) as fy22, \
            Dataset.load(str(EXAMPLES / "suma-park-2023")) as fy23:
        with SelfEvaluation.run(fy21, reports=[fy22]) as s:
            t = s.totals
            assert (t.self_evaluations, t.amount) == (32, Decimal("1004210000.00"))  # F3, F4
            assert sum(1 for g in s.goals() if g.owner == "unit" and g.self_evaluation_id) == 6
            assert sorted(g.owner_id for g in s.goals() if g.inflated) == ["P0209", "P0507"]
        with Results.run(fy22, next_year=fy23) as r:  # F26
            cuts = r.next_year_cuts()
            assert len(cuts) == 3
            assert r.next_year_cut == Decimal("24000000.00")
            assert {c.project_id for c in cuts} == {"P0304", "P0503", "P0602"}
            # The rules give the same: the 3 evaluations recommending a merge
            # (优化整合) cut their projects' whole FY2022 budget.
            merged = [p for p in r.proposals() if p.action == "merge"]
            assert {p.project_id for p in merged} == {"P0304", "P0503", "P0602"}
            assert r.total_cut == Decimal("24000000.00")
