"""Money: decimal.Decimal yuan in Python, int64 fen (分) across the C ABI.

Conversions are exact and never go through float: ``to_fen(Decimal("1234.56"))
== 123456`` and ``from_fen(123456) == Decimal("1234.56")``. More precision than
a fen is an error, never a rounding.
"""

from __future__ import annotations

from ctypes import c_int64
from decimal import Decimal
from typing import Union

from . import _lib

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

UNITS = {"yuan": 0, "元": 0, "wan": 1, "wan_yuan": 1, "万元": 1, "yi": 2, "yi_yuan": 2, "亿元": 2}

_parse = _lib.fn("pfb_money_parse", _lib.BUF, _lib.I32, _lib.Out(c_int64))
_format = _lib.fn("pfb_money_format", _lib.I64, _lib.I32, _lib.U32, _lib.I32, _lib.OUT_OWNED_STR)

Amount = Union[Decimal, int, str]


def _unit(unit: Union[str, int]) -> int:
    if isinstance(unit, int) and not isinstance(unit, bool):
        return unit
    try:
        return UNITS[str(unit)]
    except KeyError:
        raise ValueError(f"{unit!r} is not a money unit (expected yuan, wan_yuan or yi_yuan)") from None


def _check_range(fen: int) -> int:
    if not INT64_MIN <= fen <= INT64_MAX:
        raise OverflowError(f"{fen} fen does not fit in 64 bits")
    return fen


def _decimal_to_fen(amount: Decimal) -> int:
    """Exact fen of a Decimal in yuan, in integer arithmetic on its digits (no
    decimal context, so no rounding, and no huge powers of ten for
    Decimal("1E+999999999") or Decimal("1E-999999999"))."""
    if not amount.is_finite():
        raise ValueError(f"{amount} is not an amount")
    sign, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)
    # Drop trailing zeros of the coefficient: 1234.5600 is 123456 × 10^-2.
    n = len(digits)
    while n > 0 and digits[n - 1] == 0:
        n -= 1
        exponent += 1
    if n == 0:
        return 0
    if exponent < -2:
        raise ValueError(f"{amount} has more precision than a fen (0.01)")
    # |amount| ≥ 10^(n - 1 + exponent); 2^63 fen < 10^17 yuan.
    if n - 1 + exponent > 17:
        raise OverflowError(f"{amount} yuan does not fit in 64-bit fen")
    coefficient = int("".join(map(str, digits[:n])))
    fen = coefficient * 10 ** (exponent + 2)
    return _check_range(-fen if sign else fen)


def to_fen(amount: Amount, default_unit: Union[str, int] = "yuan") -> int:
    """Fen of an amount: a Decimal or int in yuan, or text as written in data
    ("2400万元", "1,234.56", parsed by the library in `default_unit` when it
    names no unit). float is refused (TypeError); sub-fen precision is a
    ValueError."""
    if isinstance(amount, bool) or isinstance(amount, float):
        raise TypeError("money is never a float: use decimal.Decimal, int or str")
    if isinstance(amount, int):
        return _check_range(amount * 100)
    if isinstance(amount, Decimal):
        return _decimal_to_fen(amount)
    if isinstance(amount, str):
        return _parse(amount, _unit(default_unit))
    raise TypeError(f"expected Decimal, int or str amount, got {type(amount).__name__}")


def from_fen(fen: int) -> Decimal:
    """Decimal yuan with two places: from_fen(123456) == Decimal("1234.56")."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"fen must be int, got {type(fen).__name__}")
    return Decimal(fen).scaleb(-2)


def parse(text: str, default_unit: Union[str, int] = "yuan") -> Decimal:
    """Parses an amount as written in data ("1.2亿元", "￥12.5") to Decimal yuan."""
    return from_fen(_parse(text, _unit(default_unit)))


def format(amount: Amount, unit: Union[str, int] = "yuan", grouping: bool = False,  # noqa: A001
           suffix: bool = False, decimals: int | None = None) -> str:
    """Exact text of an amount: format(Decimal("24000000"), "wan_yuan",
    suffix=True) == "2400万元". `decimals` None is exact; 0..10 rounds half-up."""
    flags = (1 if grouping else 0) | (2 if suffix else 0)
    return _format(to_fen(amount), _unit(unit), flags, -1 if decimals is None else decimals)
