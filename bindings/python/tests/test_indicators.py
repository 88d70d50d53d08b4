"""The core indicator library over the C ABI (perfbudget.indicators)."""
import decimal

import pytest

from perfbudget import errors
from perfbudget.indicators import suggest
from perfbudget.review import Policy


def test_suggest_category():
    inds = suggest("高标准农田")
    names = [i.name for i in inds]
    assert "高标准农田建设面积" in names
    coef = next(i for i in inds if i.name == "农田灌溉水有效利用系数")
    assert coef.unit == ""  # dimensionless
    assert coef.low == decimal.Decimal("0.45") and coef.high == decimal.Decimal("0.75")
    assert "灌溉水有效利用系数" in coef.synonyms
    assert all(i.category == "高标准农田" for i in inds)


def test_suggest_alias_and_policy():
    inds = suggest("农机购置补贴", Policy.load("central"))  # an alias of 农机补贴
    assert inds[0].category == "农机补贴"
    assert inds[0].required


def test_suggest_unknown_category():
    with pytest.raises(errors.NotFoundError) as e:
        suggest("无此类别")
    assert "市政管护" in str(e.value)
