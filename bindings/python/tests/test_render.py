"""Result export (to_json / to_csv / to_text, pfb_render.h): the same bytes
as the CLI's `--format json|csv|text` (tests/cli/golden), JSON that parses,
and bad options refused."""

import json
import pathlib

import pytest

from perfbudget import Dataset, InvalidArgumentError, OutOfRangeError
from perfbudget.monitor import ExecutionCurve, Monitor, Reclaim
from perfbudget.review import Policy, review

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "suma-park-2022" / "dataset.json"
SMALL = ROOT / "tests" / "cli" / "data" / "small.json"
GOLDEN = ROOT / "tests" / "cli" / "golden"
AS_OF = "2022-08-31"


def golden(case: str) -> str:
    # newline="" keeps the CSV goldens' CRLF line ends.
    with open(GOLDEN / f"{case}.out", encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="module")
def suma():
    with Dataset.load(EXAMPLE) as ds:
        yield ds


def test_review_renders_as_the_cli(suma):
    with review(suma, Policy.load("suma-park")) as r:
        assert r.to_json() == golden("review_suma_json")
        assert r.to_csv() == golden("review_suma_csv")
        assert r.to_text() == golden("review_suma_text_zh")
        assert r.to_text(lang="en") == golden("review_suma_text_en")
        doc = json.loads(r.to_json())
        assert doc["policy"] == "suma-park"
        assert doc["summary"]["project_goals"]["passed"] == r.summary["project_goals.passed"]
    with pytest.raises(ValueError):
        r.to_json()  # closed
    with review(suma, Policy.load("suma-park"), project="P0217") as r:
        assert r.to_text(all_goals=True) == golden("review_suma_project")


def test_monitor_renders_as_the_cli(suma):
    with Monitor.run(suma, AS_OF) as m:
        assert m.to_json() == golden("monitor_suma_json")
        assert m.to_csv() == golden("monitor_suma_csv")
        assert m.to_text() == golden("monitor_suma_text_zh")
        assert m.to_text(lang="en") == golden("monitor_suma_text_en")
        doc = json.loads(m.to_json(curve=False, rows="unit"))
        assert "execution_curve" not in doc and "projects" not in doc
        assert len(doc["units"]) == len(m.units())
        assert doc["total"]["execution_rate"]["percent"] == str(m.total.rate)
    with Monitor.run(suma) as m:  # the dataset's own as-of date
        assert m.to_csv() == golden("monitor_suma_default_as_of")
        assert m.to_text(rows="unit") == golden("monitor_suma_default_as_of_unit_text")
        assert json.loads(m.to_json(curve=False))["as_of_source"] == "dataset"


def test_reclaim_renders_as_the_cli(suma):
    with Reclaim.run(suma, AS_OF) as r:
        assert r.to_json() == golden("reclaim_suma_json")
        assert r.to_csv() == golden("reclaim_suma_csv")
        assert r.to_text() == golden("reclaim_suma_text_zh")
        assert r.to_text(lang="en") == golden("reclaim_suma_text_en")
        assert json.loads(r.to_json())["total"]["amount"] == f"{r.total:.2f}"
    with Reclaim.run(suma, policy="defaults") as r:
        assert r.to_csv() == golden("reclaim_suma_default_as_of")
        assert r.to_text(lang="en") == golden("reclaim_suma_default_as_of_en_text")


def test_curve_json_is_the_monitor_curve(suma):
    with ExecutionCurve.run(suma, AS_OF) as c:
        doc = json.loads(c.to_json())
        assert doc["execution_curve"] == json.loads(golden("monitor_suma_json"))["execution_curve"]
        assert doc["as_of"] == AS_OF and doc["amount_unit"] == "元"
        csv = c.to_csv(lang="en", unit="yuan")
        lines = csv.split("\r\n")
        assert lines[0].startswith("series,name,fiscal_month,date,current_budget_元")
        assert len(lines) - 2 == sum(len(s.points) for s in [c.total] + c.units())
        assert c.total.points[-1].date.isoformat() in csv
        assert "预算执行进度曲线" in c.to_text()


def test_summary_renders_as_the_cli(suma):
    assert suma.summary_json(lang="en") == golden("summary_suma_park_default_as_of_en_json")
    with Dataset.load(SMALL) as small:
        assert small.summary_csv(AS_OF) == golden("summary_csv_zh")
        assert small.summary_csv(lang="en", unit="元") == golden("summary_csv_en")
    text = suma.summary_text(AS_OF)
    assert "截至日期：2022-08-31\n" in text and "数据：" not in text
    with pytest.raises(OutOfRangeError):
        suma.summary_json("2023-01-01")


def test_bad_options_are_refused(suma):
    with Monitor.run(suma, AS_OF) as m:
        with pytest.raises(ValueError):
            m.to_csv(lang="fr")
        with pytest.raises(ValueError):
            m.to_csv(rows="jurisdiction")
        with pytest.raises(ValueError):
            m.to_csv(unit="dollar")
        # Out of range at the C level: PFB_INVALID_ARGUMENT, not a crash.
        with pytest.raises(InvalidArgumentError):
            m.to_csv(unit=9)
