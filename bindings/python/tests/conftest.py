"""Shared fixtures: the package from this source tree, and a small dataset."""

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import perfbudget  # noqa: E402

# The same dataset as tests/c/capi_test.c (figures in 万元 checked there too).
MINI_JSON = """{
  "format": "perfbudget-dataset", "version": 1,
  "jurisdiction": {"code": "341300", "name": "宿马园区"},
  "fiscal_year": {"year": 2022, "start_month": 1, "named_by_end": false},
  "title": "python test",
  "units": [{"id": "U01", "name": "园区管委会"}, {"id": "U02", "name": "城市管理局"}],
  "projects": [
    {"id": "P001", "unit": "U01", "name": "园区道路维修", "key": true,
     "funds": [{"source": "general_budget", "approved": "500万元"},
               {"source": "land_transfer", "approved": "200万元"}],
     "adjustments": [{"date": "2022-09-15", "source": "general_budget",
                      "amount": "-100万元", "reason": "压减"}]},
    {"id": "P002", "unit": "U01", "name": "绿化养护",
     "funds": [{"source": "general_budget", "approved": "1234.56"}]},
    {"id": "P003", "unit": "U02", "name": "环卫保洁",
     "funds": [{"source": "transfer", "approved": "80万元"}]}],
  "goals": [
    {"id": "G-P001", "owner": "project", "project": "P001", "text": "完成园区主干道维修",
     "indicators": [
       {"id": "1", "level1": "output", "level2": "quantity", "name": "维修道路长度",
        "comparator": "ge", "target": "12", "unit_of_measure": "公里", "weight": "20"},
       {"id": "2", "level1": "satisfaction", "level2": "beneficiary_satisfaction",
        "name": "群众满意度", "target": "≥90%"}]},
    {"id": "G-U01", "owner": "unit", "unit": "U01", "text": "部门整体目标", "indicators": []}],
  "disbursements": [
    {"id": "V1", "project": "P001", "date": "2022-03-10", "source": "general_budget", "amount": "35万元"},
    {"id": "V2", "project": "P001", "date": "2022-08-31", "source": "land_transfer", "amount": "50万元"},
    {"id": "V3", "project": "P001", "date": "2022-10-20", "source": "general_budget", "amount": "100万元"},
    {"id": "V4", "project": "P003", "date": "2022-05-05", "source": "transfer", "amount": "0.01"}]
}"""


@pytest.fixture
def mini():
    with perfbudget.Dataset.from_json(MINI_JSON, "mini.json") as ds:
        yield ds


# The bundled example is part of the suite (docs/testing.md): a test that
# reads it fails, rather than skips, when it is missing.
EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "suma-park-2022" / "dataset.json"


@pytest.fixture
def bundled_example():
    if not EXAMPLE.is_file():
        pytest.fail(f"{EXAMPLE} is missing: the bundled example is required "
                    "(restore it with git checkout -- examples/)", pytrace=False)
    return EXAMPLE
