"""The closed vocabularies of the domain, numbered as in the C ABI (pfb_core.h)
and include/perfbudget/model/enums.h. Functions taking one accept the member,
its int value, or its code ("general_budget")."""

from __future__ import annotations

import enum
from typing import Any, Type, TypeVar


class _Coded(enum.IntEnum):
    @property
    def code(self) -> str:
        """The stable code used in JSON and CSV ("general_budget")."""
        return self.name.lower()


class FundSource(_Coded):
    GENERAL_BUDGET = 0   # 一般公共预算
    GOVERNMENT_FUND = 1  # 政府性基金预算
    LAND_TRANSFER = 2    # 土地出让收入
    STATE_CAPITAL = 3    # 国有资本经营预算
    TRANSFER = 4         # 上级转移支付
    CARRY_OVER = 5       # 结转
    OTHER = 6            # 其他


class ProjectKind(_Coded):
    NEW = 0         # 新增
    CONTINUING = 1  # 延续


class ProjectStatus(_Coded):
    PLANNED = 0
    IN_PROGRESS = 1
    FINISHED = 2
    TERMINATED = 3
    NOT_IMPLEMENTED = 4
    CANCELLED = 5


class GoalOwner(_Coded):
    PROJECT = 0
    UNIT = 1


class IndicatorLevel1(_Coded):
    COST = 0
    OUTPUT = 1
    BENEFIT = 2
    SATISFACTION = 3


class IndicatorLevel2(_Coded):
    ECONOMIC_COST = 0
    SOCIAL_COST = 1
    ENVIRONMENTAL_COST = 2
    QUANTITY = 3
    QUALITY = 4
    TIMELINESS = 5
    OUTPUT_COST = 6
    ECONOMIC_BENEFIT = 7
    SOCIAL_BENEFIT = 8
    ECOLOGICAL_BENEFIT = 9
    SUSTAINABILITY = 10
    BENEFICIARY_SATISFACTION = 11


class Comparator(_Coded):
    GE = 0
    LE = 1
    EQ = 2
    GT = 3
    LT = 4
    RANGE = 5
    QUALITATIVE = 6


class ValueSource(_Coded):
    UNSPECIFIED = 0
    PLAN = 1
    INDUSTRY = 2
    HISTORY = 3
    OTHER = 4


class QualitativeGrade(_Coded):
    ACHIEVED = 0
    PARTLY_ACHIEVED = 1
    NOT_ACHIEVED = 2


class DiagnosticKind(_Coded):
    SYNTAX = 0
    TYPE = 1
    MISSING = 2
    ENUM_VALUE = 3
    SUB_FEN = 4
    OVERFLOW = 5
    DATE = 6
    DATE_OUT_OF_YEAR = 7
    DUPLICATE_ID = 8
    UNKNOWN_REFERENCE = 9
    NEGATIVE_AMOUNT = 10
    NEGATIVE_EXECUTED = 11
    FORMAT = 12
    ENCODING = 13
    VALUE = 14
    IO = 15


E = TypeVar("E", bound=_Coded)


def to_int(cls: Type[E], value: Any) -> int:
    """The C value of `value` (a member, an int, or a code string). Ints pass
    through unchecked: the library validates them and says what it expected."""
    if isinstance(value, str):
        try:
            return int(cls[value.strip().upper()])
        except KeyError:
            codes = ", ".join(m.code for m in cls)
            raise ValueError(f"{value!r} is not a {cls.__name__} (expected one of {codes})") from None
    if isinstance(value, (bool, float)) or not isinstance(value, int):
        raise TypeError(f"expected {cls.__name__}, int or code string, got {type(value).__name__}")
    if isinstance(value, enum.Enum) and not isinstance(value, cls):
        # FundSource.TRANSFER where a ProjectStatus is expected: a mix-up, not a 4.
        raise TypeError(f"expected {cls.__name__}, got {type(value).__name__}.{value.name}")
    return int(value)
