"""Self-evaluation scoring (单位自评) with the self-score check (自评抽查), and
result application (结果应用), over the C ABI (pfb_evaluation.h).

    from perfbudget import Dataset
    from perfbudget.evaluation import SelfEvaluation, Results
    with Dataset.load("tests/cli/data/selfeval.json") as ds:
        s = SelfEvaluation.run(ds)                      # as_of=None: no cut-off
        for g in s.goals():
            print(g.goal_id, g.owner_id, g.score, g.grade, g.reported, g.inflated)
        for i in s.indicators(lang="en"):
            if i.lost: print(i.name, i.code, i.points, i.earned, i.lost, i.message)
        r = Results.run(ds)
        print(r.budget_year, r.total_cut, [(p.project_id, p.action, p.cut, p.split) for p in r.proposals()])

Scores and points are Decimal rounded half-up to two places (the grade comes
from the exact score, so a score of 89.995 reads Decimal("90.00") with grade
"good"); money is Decimal yuan; dates are datetime.date.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_int32, c_int64, c_uint32
from decimal import Decimal
from typing import TYPE_CHECKING, Any, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _lib, _render, money
from ._lib import BUF, HANDLE, I32, OUT_HANDLE, OUT_STR, U32, Out
from .dataset import DateLike, date_to_int
from .enums import FundSource
from .monitor import _policy_handle

if TYPE_CHECKING:
    from .review import Policy

SEVERITY_NAMES = ("info", "warning", "error", "blocker")
GRADE_NAMES = ("excellent", "good", "fair", "poor")  # 优 良 中 差
BLOCK_NAMES = ("output", "benefit", "satisfaction", "cost")
ACTION_NAMES = ("priority", "keep", "cut", "cancel", "merge")
OWNER_NAMES = ("project", "unit")
_LANGS = {"zh": 0, "en": 1}

_NO_PROJECT_GOALS = 1
_NO_UNIT_GOALS = 2
_INDICATOR_SCORED, _INDICATOR_FAR_BELOW, _INDICATOR_EXPLAINED = 1, 2, 4


class _SelfEvaluationOptions(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("as_of", c_int32), ("flags", c_uint32),
                ("reports", POINTER(ctypes.c_void_p)), ("report_count", c_uint32)]


class _ResultsOptions(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("flags", c_uint32), ("next_year", ctypes.c_void_p)]


class _OptionsParam(_lib.Param):
    """A pointer to a versioned options struct (None: the defaults)."""

    def __init__(self, struct: Any):
        self.argtypes = (POINTER(struct),)

    def encode(self, value: Any) -> Tuple[Any, ...]:
        return (None,) if value is None else (ctypes.byref(value),)


_se_run = _lib.fn("pfb_self_evaluation_run", HANDLE, BUF, _OptionsParam(_SelfEvaluationOptions),
                  OUT_HANDLE)
_se_run_p = _lib.fn("pfb_self_evaluation_run_with_policy", HANDLE, HANDLE,
                    _OptionsParam(_SelfEvaluationOptions), OUT_HANDLE)
_se_destroy = _lib.getter("pfb_self_evaluation_destroy", None, HANDLE)
_se_goal_count = _lib.getter("pfb_self_evaluation_goal_count", c_uint32, HANDLE)
_se_goal = _lib.fn("pfb_self_evaluation_goal", HANDLE, U32, OUT_STR, Out(c_int32), OUT_STR, OUT_STR,
                   OUT_STR, Out(c_int32), OUT_STR, OUT_STR, Out(c_uint32), Out(c_uint32))
_se_check = _lib.fn("pfb_self_evaluation_check", HANDLE, U32, OUT_STR, OUT_STR, OUT_STR,
                    Out(c_int32))
_se_ind_count = _lib.getter("pfb_self_evaluation_indicator_count", c_uint32, HANDLE)
_se_ind = _lib.fn("pfb_self_evaluation_indicator", HANDLE, U32, I32, Out(c_uint32), OUT_STR, OUT_STR,
                  OUT_STR, Out(c_int32), OUT_STR, OUT_STR, OUT_STR, Out(c_uint32), OUT_STR)
_se_flag_count = _lib.getter("pfb_self_evaluation_flag_count", c_uint32, HANDLE)
_se_flag = _lib.fn("pfb_self_evaluation_flag", HANDLE, U32, I32, OUT_STR, Out(c_int32),
                   Out(c_uint32), Out(c_int32), OUT_STR)
_se_totals = _lib.fn("pfb_self_evaluation_totals", HANDLE, Out(c_uint32), Out(c_uint32),
                     Out(c_uint32), Out(c_int64), Out(c_uint32))

_rs_run = _lib.fn("pfb_results_run", HANDLE, BUF, _OptionsParam(_ResultsOptions), OUT_HANDLE)
_rs_run_p = _lib.fn("pfb_results_run_with_policy", HANDLE, HANDLE, _OptionsParam(_ResultsOptions),
                    OUT_HANDLE)
_rs_destroy = _lib.getter("pfb_results_destroy", None, HANDLE)
_rs_year = _lib.getter("pfb_results_budget_year", c_int32, HANDLE)
_rs_total = _lib.getter("pfb_results_total_cut_fen", c_int64, HANDLE)
_rs_count = _lib.getter("pfb_results_proposal_count", c_uint32, HANDLE)
_rs_proposal = _lib.fn("pfb_results_proposal", HANDLE, U32, I32, OUT_STR, OUT_STR, Out(c_int32),
                       OUT_STR, Out(c_int32), OUT_STR, Out(c_int64), Out(c_int64), Out(c_int64),
                       OUT_STR, Out(c_uint32))
_rs_split = _lib.fn("pfb_results_split", HANDLE, U32, U32, Out(c_int32), Out(c_int64))
_rs_unit_count = _lib.getter("pfb_results_unit_count", c_uint32, HANDLE)
_rs_unit = _lib.fn("pfb_results_unit", HANDLE, U32, OUT_STR, Out(c_uint32), Out(c_int64))
_rs_next_count = _lib.getter("pfb_results_next_year_count", c_uint32, HANDLE)
_rs_next_total = _lib.getter("pfb_results_next_year_cut_fen", c_int64, HANDLE)
_rs_next = _lib.fn("pfb_results_next_year_cut", HANDLE, U32, OUT_STR, Out(c_int64), Out(c_int64),
                   Out(c_int64), Out(c_int32), Out(c_int32))


_render_self_evaluation = _render.render_fn("pfb_self_evaluation_render")
_render_results = _render.render_fn("pfb_results_render")


def _lang(lang: str) -> int:
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    return _LANGS[lang]


class GoalScore(NamedTuple):
    index: int
    goal_id: str
    owner: str  # project | unit (部门整体)
    owner_id: str
    unit_id: str
    score: Decimal  # rounded to 2 places
    grade: str  # excellent | good | fair | poor
    execution_rate: Decimal  # percent
    execution_earned: Decimal
    first_indicator: int
    indicator_count: int
    self_evaluation_id: Optional[str]  # the matched self-evaluation record
    reported: Optional[Decimal]  # its score
    difference: Decimal  # reported − computed (0 without one)
    inflated: bool  # above the policy's tolerance (自评抽查)


class IndicatorScore(NamedTuple):
    goal: int  # index into goals()
    indicator_id: str
    name: str
    code: str  # selfeval.higher_is_better, selfeval.no_actual, ...
    block: str  # output | benefit | satisfaction | cost
    points: Decimal
    earned: Decimal
    lost: Decimal
    scored: bool
    far_below: bool
    explained: bool
    message: str


class Flag(NamedTuple):
    code: str
    severity: str
    goal: int
    indicator: Optional[int]  # index within the goal's indicators; None for the goal
    message: str


class SelfEvaluationTotals(NamedTuple):
    project_goals: int
    unit_goals: int
    self_evaluations: int
    amount: Decimal  # yuan covered by the matched self-evaluations
    inflated: int


class SelfEvaluation(_lib.Handle):
    """Self-evaluation scores of a dataset's goals (immutable)."""

    _destroy = _se_destroy

    @classmethod
    def run(cls, dataset, as_of: DateLike = None, policy_json: Optional[str] = None,
            project_goals: bool = True, unit_goals: bool = True,
            reports: Sequence[Any] = (),
            policy: Union["Policy", str, None] = None) -> "SelfEvaluation":
        """`as_of`: the evaluation date (a date or ISO text): the latest actual
        dated on or before it counts; None = no cut-off. `reports`: other
        Datasets holding this year's self-evaluation records (the next year's
        dataset), checked against the computed scores. The policy: `policy`, a
        loaded Policy (or a built-in name / file path), or `policy_json`, a
        profile's JSON text; neither = the default policy."""
        ptrs = (ctypes.c_void_p * max(1, len(reports)))(*[d.ptr for d in reports])
        o = _SelfEvaluationOptions(1, date_to_int(as_of),
                                   (0 if project_goals else _NO_PROJECT_GOALS)
                                   | (0 if unit_goals else _NO_UNIT_GOALS),
                                   ctypes.cast(ptrs, POINTER(ctypes.c_void_p)), len(reports))
        if policy is not None:
            if policy_json is not None:
                raise ValueError("give policy or policy_json, not both")
            return cls(_se_run_p(dataset, _policy_handle(policy), o))
        return cls(_se_run(dataset, policy_json, o))

    def goal(self, index: int) -> GoalScore:
        gid, owner, oid, uid, score, grade, rate, earned, first, count = _se_goal(self, index)
        eid, reported, diff, inflated = _se_check(self, index)
        return GoalScore(index, gid, OWNER_NAMES[owner], oid, uid, Decimal(score),
                         GRADE_NAMES[grade], Decimal(rate), Decimal(earned), first, count,
                         eid or None, Decimal(reported) if reported else None, Decimal(diff),
                         bool(inflated))

    def goals(self) -> List[GoalScore]:
        return [self.goal(i) for i in range(_se_goal_count(self))]

    def indicator(self, index: int, lang: str = "zh") -> IndicatorScore:
        (goal, iid, name, code, block, points, earned, lost, flags,
         msg) = _se_ind(self, index, _lang(lang))
        return IndicatorScore(goal, iid, name, code, BLOCK_NAMES[block], Decimal(points),
                              Decimal(earned), Decimal(lost), bool(flags & _INDICATOR_SCORED),
                              bool(flags & _INDICATOR_FAR_BELOW),
                              bool(flags & _INDICATOR_EXPLAINED), msg)

    def indicators(self, lang: str = "zh", goal: Optional[GoalScore] = None) -> List[IndicatorScore]:
        if goal is not None:
            rng = range(goal.first_indicator, goal.first_indicator + goal.indicator_count)
        else:
            rng = range(_se_ind_count(self))
        return [self.indicator(i, lang) for i in rng]

    def flag(self, index: int, lang: str = "zh") -> Flag:
        code, sev, goal, ind, msg = _se_flag(self, index, _lang(lang))
        return Flag(code, SEVERITY_NAMES[sev], goal, None if ind < 0 else ind, msg)

    def flags(self, lang: str = "zh") -> List[Flag]:
        return [self.flag(i, lang) for i in range(_se_flag_count(self))]

    @property
    def totals(self) -> SelfEvaluationTotals:
        pg, ug, se, amount, inflated = _se_totals(self)
        return SelfEvaluationTotals(pg, ug, se, money.from_fen(amount), inflated)

    def to_json(self, lang: str = "zh") -> str:
        """The scores as `perfbudget evaluate --format json` prints them
        (messages in `lang`; docs/format.md)."""
        return _render_self_evaluation(self, _render.options(_render.FORMAT_JSON, lang))

    def to_csv(self, lang: str = "zh") -> str:
        """One row per goal's execution rate and per indicator, as `perfbudget
        evaluate --format csv` prints them (RFC 4180, CRLF)."""
        return _render_self_evaluation(self, _render.options(_render.FORMAT_CSV, lang))

    def to_text(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """The report `perfbudget evaluate` prints (amounts in `unit`)."""
        return _render_self_evaluation(self, _render.options(_render.FORMAT_TEXT, lang, unit))

    def to_frame(self, what: str = "goals", lang: str = "zh", money: str = "decimal"):
        """A pandas DataFrame of the goals (one row each: goal, owner, score,
        grade, execution rate, the self-score check) or, with
        what="indicators", of the indicators (one row each, with its goal's
        id and the message in `lang`). Scores, points and rates are exact
        Decimal; the rows hold no money, so `money` ("decimal" or "fen") is
        only checked."""
        from . import frames
        if what == "goals":
            return frames.records_frame(self.goals(), [
                "goal_id", "owner", "owner_id", "unit_id", "score", "grade", "execution_rate",
                "execution_earned", "self_evaluation_id", "reported", "difference", "inflated"],
                [], money)
        if what != "indicators":
            raise ValueError(f'what must be "goals" or "indicators", got {what!r}')
        goals = self.goals()

        class _Indicator(NamedTuple):
            goal_id: str
            indicator_id: str
            name: str
            code: str
            block: str
            points: Decimal
            earned: Decimal
            lost: Decimal
            scored: bool
            far_below: bool
            explained: bool
            message: str

        rows = [_Indicator(goals[i.goal].goal_id, *i[1:]) for i in self.indicators(lang)]
        return frames.records_frame(rows, list(_Indicator._fields), [], money)


class Proposal(NamedTuple):
    index: int
    project_id: str
    evaluation_id: str
    grade: str
    code: str  # results.priority | .keep | .cut | .cancel | .merge
    action: str  # priority | keep | cut | cancel | merge
    cut_percent: Decimal
    base: Decimal  # yuan
    cut: Decimal
    proposed: Decimal
    message: str
    split: List[Tuple[FundSource, Decimal]]  # the cut by fund source; sums to `cut`


class ResultUnit(NamedTuple):
    unit_id: str
    projects: int
    cut: Decimal


class NextYearCut(NamedTuple):
    project_id: str
    requested: Decimal  # yuan
    approved: Decimal
    cut: Decimal
    cancelled: bool
    proposal: Optional[int]  # index of this year's proposal for the project, or None


class Results(_lib.Handle):
    """Next year's budget proposals from evaluation grades (immutable)."""

    _destroy = _rs_destroy

    @classmethod
    def run(cls, dataset, policy_json: Optional[str] = None, next_year=None,
            policy: Union["Policy", str, None] = None) -> "Results":
        """`next_year`: the next year's Dataset (budget as approved), whose
        projects approved below their request are listed by next_year_cuts().
        The policy as SelfEvaluation.run takes it."""
        o = _ResultsOptions(1, 0, None if next_year is None else next_year.ptr)
        if policy is not None:
            if policy_json is not None:
                raise ValueError("give policy or policy_json, not both")
            return cls(_rs_run_p(dataset, _policy_handle(policy), o))
        return cls(_rs_run(dataset, policy_json, o))

    def next_year_cuts(self) -> List[NextYearCut]:
        out = []
        for i in range(_rs_next_count(self)):
            pid, req, appr, cut, cancelled, prop = _rs_next(self, i)
            out.append(NextYearCut(pid, money.from_fen(req), money.from_fen(appr),
                                   money.from_fen(cut), bool(cancelled), None if prop < 0 else prop))
        return out

    @property
    def next_year_cut(self) -> Decimal:
        return money.from_fen(_rs_next_total(self))

    @property
    def budget_year(self) -> int:
        return _rs_year(self)

    @property
    def total_cut(self) -> Decimal:
        return money.from_fen(_rs_total(self))

    def proposal(self, index: int, lang: str = "zh") -> Proposal:
        (pid, eid, grade, code, action, percent, base, cut, proposed, msg,
         splits) = _rs_proposal(self, index, _lang(lang))
        split = []
        for k in range(splits):
            source, amount = _rs_split(self, index, k)
            split.append((FundSource(source), money.from_fen(amount)))
        return Proposal(index, pid, eid, GRADE_NAMES[grade], code, ACTION_NAMES[action],
                        Decimal(percent), money.from_fen(base), money.from_fen(cut),
                        money.from_fen(proposed), msg, split)

    def proposals(self, lang: str = "zh") -> List[Proposal]:
        return [self.proposal(i, lang) for i in range(_rs_count(self))]

    def units(self) -> List[ResultUnit]:
        out = []
        for i in range(_rs_unit_count(self)):
            uid, projects, cut = _rs_unit(self, i)
            out.append(ResultUnit(uid, projects, money.from_fen(cut)))
        return out

    def to_json(self, lang: str = "zh") -> str:
        """The proposals as `perfbudget results --format json` prints them
        (messages in `lang`; docs/format.md)."""
        return _render_results(self, _render.options(_render.FORMAT_JSON, lang))

    def to_csv(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """One row per proposal and fund source of its cut, as `perfbudget
        results --format csv` prints them (amounts exact in `unit`)."""
        return _render_results(self, _render.options(_render.FORMAT_CSV, lang, unit))

    def to_text(self, lang: str = "zh", unit: Union[str, int] = "wan") -> str:
        """The report `perfbudget results` prints (amounts in `unit`)."""
        return _render_results(self, _render.options(_render.FORMAT_TEXT, lang, unit))

    def to_frame(self, what: str = "proposals", lang: str = "zh", money: str = "decimal"):
        """A pandas DataFrame of the proposals (one row per proposal and fund
        source of its cut, as the CSV; a proposal without a cut: one row,
        source and source_cut empty), of the units (what="units") or of the
        next year's cuts (what="next_year"). Money columns are Decimal yuan,
        or int64 fen with money="fen"; cut_percent stays Decimal."""
        from . import frames
        if what == "units":
            return frames.records_frame(self.units(), list(ResultUnit._fields), ["cut"], money)
        if what == "next_year":
            return frames.records_frame(self.next_year_cuts(), list(NextYearCut._fields),
                                        ["requested", "approved", "cut"], money)
        if what != "proposals":
            raise ValueError(f'what must be "proposals", "units" or "next_year", got {what!r}')

        class _Line(NamedTuple):
            project_id: str
            evaluation_id: str
            grade: str
            code: str
            action: str
            cut_percent: Decimal
            base: Decimal
            cut: Decimal
            proposed: Decimal
            source: Optional[str]
            source_cut: Optional[Decimal]
            message: str

        lines = []
        for p in self.proposals(lang):
            head = (p.project_id, p.evaluation_id, p.grade, p.code, p.action, p.cut_percent,
                    p.base, p.cut, p.proposed)
            if not p.split:
                lines.append(_Line(*head, None, None, p.message))
            for source, amount in p.split:
                lines.append(_Line(*head, source.code, amount, p.message))
        return frames.records_frame(lines, list(_Line._fields),
                                    ["base", "cut", "proposed", "source_cut"], money)
