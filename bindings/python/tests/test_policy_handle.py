"""A loaded Policy everywhere a policy is taken (monitor, reclaim, curve)."""

import datetime
from decimal import Decimal

import pytest

import perfbudget
from perfbudget import Dataset
from perfbudget.monitor import ExecutionCurve, Monitor, Reclaim
from perfbudget.review import Policy

from test_monitor import SMALL  # the monitoring test's dataset (LAG: 36.67 pp red gap)

LENIENT = ('{"format":"perfbudget-policy","version":1,"name":"lenient",'
           '"rules":{"monitoring.gap_yellow":{"enabled":false},'
           '"monitoring.gap_red":{"params":{"min_gap_pp":60}}}}')


@pytest.fixture()
def small():
    with Dataset.from_json(SMALL) as ds:
        yield ds


def _lag_codes(m):
    lag = [p for p in m.projects() if p.id == "LAG"][0]
    return [r.code for r in m.reasons(row=lag)]


def test_monitor_takes_a_policy_object(small):
    as_of = datetime.date(2022, 8, 31)
    with Monitor.run(small, as_of, policy=Policy.load("defaults")) as m:
        assert _lag_codes(m) == ["monitoring.gap_red"]
    with Policy.from_json(LENIENT) as lenient:
        with Monitor.run(small, as_of, policy=lenient) as m:
            assert m.time_progress == Decimal("66.67")
            assert _lag_codes(m) == []  # 36.67 pp is under the lenient 60 pp red
    # The same through the JSON text form.
    with Monitor.run(small, as_of, policy_json=LENIENT) as m:
        assert _lag_codes(m) == []


def test_a_policy_name_is_loaded(small):
    with Monitor.run(small, "2022-08-31", policy="central") as m:
        assert m.time_progress == Decimal("66.67")
    with pytest.raises(perfbudget.NotFoundError):
        Monitor.run(small, "2022-08-31", policy="no-such-profile")


def test_policy_and_policy_json_together_is_an_error(small):
    with pytest.raises(ValueError):
        Monitor.run(small, "2022-08-31", policy_json=LENIENT, policy=Policy.load("defaults"))
    with pytest.raises(TypeError):
        Monitor.run(small, "2022-08-31", policy=5)


def test_reclaim_and_curve_take_a_policy_object(small):
    with Policy.load("defaults") as p:
        with Reclaim.run(small, "2022-08-31", policy=p) as a, \
                Reclaim.run(small, "2022-08-31") as b:
            assert a.total == b.total
            assert [x.code for x in a.proposals()] == [x.code for x in b.proposals()]
        with ExecutionCurve.run(small, "2022-08-31", policy=p) as c, \
                ExecutionCurve.run(small, "2022-08-31") as d:
            assert len(c.total.points) == 8  # January..August
            assert c.total == d.total


def test_results_outlive_the_policy(small):
    p = Policy.from_json(LENIENT)
    m = Monitor.run(small, "2022-08-31", policy=p)
    p.close()
    assert m.time_progress == Decimal("66.67")
    m.close()


def test_a_missing_file_is_file_not_found(tmp_path):
    missing = tmp_path / "no-such.json"
    with pytest.raises(FileNotFoundError) as e:
        Dataset.load(missing)
    assert isinstance(e.value, perfbudget.NotFoundError)  # still perfbudget's own
    assert e.value.filename == str(missing)
    with pytest.raises(FileNotFoundError):
        Policy.load(str(missing))
    # An unknown built-in name is not a file.
    with pytest.raises(perfbudget.NotFoundError) as e:
        Policy.load("no-such-profile")
    assert not isinstance(e.value, FileNotFoundError)


def test_monitor_rows_carry_every_figure(small):
    with Monitor.run(small, "2022-08-31") as m:
        lag = [p for p in m.projects() if p.id == "LAG"][0]
        # The positional fields are as before; the added ones come from
        # pfb_monitor_row_detail and agree with the row's own figures.
        assert lag.current == lag.approved + lag.adjustments
        assert lag.disbursement_count >= 1
        assert lag.project_count == 1
        assert lag.unit != ""
        unit = [u for u in m.units() if u.id == lag.unit][0]
        assert unit.unit == unit.id
        assert m.total.unit == ""
        assert m.total.project_count == sum(u.project_count for u in m.units())
