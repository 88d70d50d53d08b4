"""Goal review from Python: policies, the seed park's figures, one goal, findings as rows."""

import decimal
import pathlib

import pytest

import perfbudget
from perfbudget.review import (Consequence, Dimension, Grade, Policy, Severity, review,
                               review_goal)

EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "suma-park-2022" / "dataset.json"

GOAL_JSON = """{
  "format": "perfbudget-dataset", "version": 1,
  "fiscal_year": {"year": 2022},
  "units": [{"id": "U01", "name": "宿马园区城乡建设局"}],
  "projects": [{"id": "P001", "unit": "U01", "name": "园区主干道维修改造项目", "category": "市政管护",
                "kind": "continuing", "funds": [{"source": "general_budget", "approved": "500万元"}]}],
  "goals": [{"id": "G1", "owner": "project", "project": "P001",
             "text": "完成园区主干道维修改造12公里，保障道路通行安全",
             "indicators": [
      {"id": "1", "level1": "output", "level2": "quantity", "name": "主干道维修长度", "target": "≥12公里"},
      {"id": "2", "level1": "benefit", "level2": "social_benefit", "name": "道路通行能力提升", "target": "≥20%"},
      {"id": "3", "level1": "satisfaction", "level2": "beneficiary_satisfaction",
       "name": "沿线群众满意度", "target": "≥75%"}]}]
}"""


def test_policies():
    central = Policy.load("central")
    assert central.name == "central"
    assert '"completeness.missing_cost": {"enabled": true' in central.to_json()
    mine = Policy.from_json('{"extends": "suma-park", "name": "mine"}')
    assert mine.name == "mine"
    with pytest.raises(perfbudget.InvalidArgumentError) as e:
        Policy.from_json('{"rules": {"completeness.nope": {}, '
                         '"appropriateness.satisfaction_too_low": {"deduction": -2}}}')
    paths = [d.path for d in e.value.diagnostics]
    assert paths == ['$.rules["completeness.nope"]',
                     '$.rules["appropriateness.satisfaction_too_low"].deduction']
    with pytest.raises(perfbudget.NotFoundError):
        Policy.load("/no/such/policy.json")


@pytest.mark.usefixtures("bundled_example")
def test_seed_park_figures():
    ds = perfbudget.Dataset.load(EXAMPLE)
    r = review(ds, Policy.load("suma-park"))
    s = r.summary
    assert s["project_goals.goals"] == 80
    assert s["project_goals.passed"] == 78
    assert s["project_goals.blocked"] == 2
    assert s["project_goals.comments"] == 39  # F16 "20+" (40 before issue 14)
    assert s["ex_ante_assessed"] == 32
    assert s["ex_ante_not_supported"] == 3
    # F10 "about 1000 万元", F15 "a little over 10 万元": the exact figures.
    assert s["ex_ante_cut"] == decimal.Decimal("10060000.00")
    assert s["amount_blocked_by_review"] == decimal.Decimal("107000.00")
    assert r.any_blocked
    blocked = sorted(g.goal for g in r.goals if g.blocked)
    assert blocked == ["G-P0217", "G-P0409"]
    rows = r.rows("en")
    assert len(rows) == s["comments"]
    assert {"goal", "code", "dimension", "severity", "message", "score", "grade"} <= set(rows[0])
    gates = {g.project: g for g in r.gates}
    assert not gates["P0217"].may_enter and gates["P0217"].reasons == ["review.goal_poor"]


def test_single_goal():
    ds = perfbudget.Dataset.from_json(GOAL_JSON)
    g = review_goal(ds, "G1")
    assert g.goal == "G1"
    codes = [f.code for f in g.findings]
    assert codes == ["appropriateness.satisfaction_too_low"]
    f = g.findings[0]
    assert f.dimension == Dimension.APPROPRIATENESS
    assert f.severity == Severity.WARNING
    assert f.indicator_index == 2 and f.indicator_id == "3"
    assert "75%低于80%" in f.message_zh
    assert "75% is below 80%" in f.message("en")
    assert g.score == decimal.Decimal("97")
    assert g.grade == Grade.EXCELLENT and g.consequence == Consequence.PROCEED
    assert f.as_dict()["dimension"] == "appropriateness"
    with pytest.raises(perfbudget.NotFoundError):
        review_goal(ds, "G-none")
    r = review(ds, project="P001", messages=False)
    assert r.findings[0].message_zh == ""
    with pytest.raises(perfbudget.NotFoundError):
        review(ds, project="P999")
