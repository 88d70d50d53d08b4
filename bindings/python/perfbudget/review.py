"""Goal review (绩效目标审核: 完整性 · 相关性 · 适当性 · 可行性), ex-ante gating and
policy profiles, over the C ABI (pfb_review.h). See docs/policy.md.

    import perfbudget
    from perfbudget.review import Policy, review

    ds = perfbudget.Dataset.load("examples/suma-park-2022/dataset.json")
    r = review(ds, Policy.load("suma-park"))
    r.summary["project_goals.passed"]          # 78
    rows = [f.as_dict() for f in r.findings]   # a table (e.g. pandas.DataFrame(rows))
"""

from __future__ import annotations

import decimal
import enum
import os
from ctypes import c_int32, c_int64, c_uint32
from dataclasses import asdict, dataclass
from typing import Dict, List, NamedTuple, Optional, Union

from . import _lib, _render, errors, money
from ._lib import BORROWED_STR, BUF, HANDLE, I32, OUT_HANDLE, OUT_OWNED_STR, STR, U32, fn, getter
from .dataset import Dataset
from .enums import GoalOwner

NO_INDEX = 0xFFFFFFFF
NO_UNIT_GOALS = 1
NO_MESSAGES = 2


class Grade(enum.IntEnum):
    EXCELLENT = 0  # 优
    GOOD = 1       # 良
    FAIR = 2       # 中
    POOR = 3       # 差

    @property
    def code(self) -> str:
        return self.name.lower()


class Consequence(enum.IntEnum):
    PROCEED = 0
    PROCEED_AFTER_FIXES = 1
    REVISE_AND_RESUBMIT = 2
    BLOCKED = 3

    @property
    def code(self) -> str:
        return self.name.lower()


class Dimension(enum.IntEnum):
    COMPLETENESS = 0     # 完整性
    RELEVANCE = 1        # 相关性
    APPROPRIATENESS = 2  # 适当性
    FEASIBILITY = 3      # 可行性
    OTHER = 4

    @property
    def code(self) -> str:
        return self.name.lower()


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2
    BLOCKER = 3

    @property
    def code(self) -> str:
        return self.name.lower()


_policy_load = fn("pfb_policy_load", STR, OUT_HANDLE)
_policy_load_json = fn("pfb_policy_load_json", BUF, OUT_HANDLE)
_policy_destroy = getter("pfb_policy_destroy", None, HANDLE)
_policy_name = getter("pfb_policy_name", BORROWED_STR, HANDLE)
_policy_to_json = fn("pfb_policy_to_json", HANDLE, OUT_OWNED_STR)

_review_dataset = fn("pfb_review_dataset", HANDLE, HANDLE, STR, U32, OUT_HANDLE)
_review_goal = fn("pfb_review_goal", HANDLE, HANDLE, STR, U32, OUT_HANDLE)
_review_destroy = getter("pfb_review_destroy", None, HANDLE)
_summary_value = getter("pfb_review_summary_value", c_int64, HANDLE, STR)
_goal_count = getter("pfb_review_goal_count", c_uint32, HANDLE)
_goal_str = {k: getter(f"pfb_review_goal_{k}", BORROWED_STR, HANDLE, U32)
             for k in ("id", "project", "unit", "score")}
_goal_int = {k: getter(f"pfb_review_goal_{k}", c_int32, HANDLE, U32)
             for k in ("owner", "grade", "consequence")}
_goal_first = getter("pfb_review_goal_first_finding", c_uint32, HANDLE, U32)
_goal_nfind = getter("pfb_review_goal_finding_count", c_uint32, HANDLE, U32)
_finding_count = getter("pfb_review_finding_count", c_uint32, HANDLE)
_finding_goal = getter("pfb_review_finding_goal", c_uint32, HANDLE, U32)
_finding_str = {k: getter(f"pfb_review_finding_{k}", BORROWED_STR, HANDLE, U32)
                for k in ("code", "deduction", "indicator_id", "field")}
_finding_int = {k: getter(f"pfb_review_finding_{k}", c_int32, HANDLE, U32)
                for k in ("dimension", "severity")}
_finding_indicator = getter("pfb_review_finding_indicator", c_uint32, HANDLE, U32)
_finding_message = getter("pfb_review_finding_message", BORROWED_STR, HANDLE, U32, STR)
_gate_count = getter("pfb_review_gate_count", c_uint32, HANDLE)
_gate_project = getter("pfb_review_gate_project", BORROWED_STR, HANDLE, U32)
_gate_may_enter = getter("pfb_review_gate_may_enter", c_int32, HANDLE, U32)
_gate_amount = getter("pfb_review_gate_amount", c_int64, HANDLE, U32)
_gate_reasons = getter("pfb_review_gate_reasons", BORROWED_STR, HANDLE, U32)
_render_review = _render.render_fn("pfb_review_render")


class _ReviewHandle(_lib.Handle):
    """The C review, kept for rendering (to_json, to_csv, to_text)."""

    _destroy = _review_destroy

_SUMMARY_KEYS = (
    "goals", "excellent", "good", "fair", "poor", "passed", "passed_after_fixes", "to_revise",
    "blocked", "comments", "projects_blocked_by_review", "amount_blocked_by_review", "ex_ante_assessed",
    "ex_ante_supported", "ex_ante_after_revision", "ex_ante_not_supported", "ex_ante_cut",
    "ex_ante_missing", "ex_ante_missing_amount", "projects", "projects_entering",
    "projects_blocked", "amount_blocked", "any_blocked")
_COUNT_KEYS = ("goals", "excellent", "good", "fair", "poor", "passed", "passed_after_fixes",
               "to_revise", "blocked", "comments")
_AMOUNT_KEYS = {"amount_blocked_by_review", "ex_ante_cut", "ex_ante_missing_amount",
                "amount_blocked"}


class Policy(_lib.Handle):
    """A policy profile: a built-in name ("defaults", "central", "suma-park"),
    a JSON file, or JSON text (Policy.from_json). A bad profile raises
    InvalidArgumentError with every problem in .diagnostics."""

    _destroy = _policy_destroy

    @classmethod
    def load(cls, name_or_path: str) -> "Policy":
        """A built-in profile by name, or a JSON file. A missing file (a name
        with a "/" or ending in ".json") raises MissingFileError, a
        FileNotFoundError; an unknown built-in name NotFoundError."""
        try:
            return cls(_policy_load(name_or_path))
        except errors.NotFoundError as e:
            text = os.fspath(name_or_path)
            if "/" in text or text.endswith(".json"):
                raise errors.as_missing_file(e, text) from None
            raise

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Policy":
        return cls(_policy_load_json(text))

    @property
    def name(self) -> str:
        return _policy_name(self)

    def to_json(self) -> str:
        return _policy_to_json(self)


@dataclass(frozen=True)
class Finding:
    """One fired rule, with its location and explanation in Chinese and English."""
    goal: str
    project: str
    code: str
    dimension: Dimension
    severity: Severity
    deduction: decimal.Decimal
    indicator_index: Optional[int]  # position in the goal; None for the goal itself
    indicator_id: str
    field: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def as_dict(self) -> Dict[str, object]:
        """A flat row (enums as their codes), for tables."""
        d = asdict(self)
        d["dimension"] = self.dimension.code
        d["severity"] = self.severity.code
        return d


@dataclass(frozen=True)
class GoalReview:
    goal: str
    owner: GoalOwner
    project: str
    unit: str
    score: decimal.Decimal
    grade: Grade
    consequence: Consequence
    findings: List[Finding]

    @property
    def passed(self) -> bool:
        """Passed without required changes (优); 良 proceeds after agreed fixes."""
        return self.grade == Grade.EXCELLENT

    @property
    def blocked(self) -> bool:
        return self.consequence == Consequence.BLOCKED


@dataclass(frozen=True)
class Gate:
    project: str
    may_enter: bool
    amount: decimal.Decimal  # yuan
    reasons: List[str]


class Review:
    """The result of review(); plain Python objects, read once from the C
    result, which is kept for to_json / to_csv / to_text until close() (or
    the end of a ``with`` block, or garbage collection)."""

    def __init__(self, handle: int):
        self._handle = _ReviewHandle(handle)
        try:
            self.summary: Dict[str, object] = {}
            for k in _SUMMARY_KEYS:
                v = _summary_value(handle, k)
                self.summary[k] = money.from_fen(v) if k in _AMOUNT_KEYS else v
            for prefix in ("project_goals.", "unit_goals."):
                for k in _COUNT_KEYS:
                    self.summary[prefix + k] = _summary_value(handle, prefix + k)
            self.summary["any_blocked"] = bool(self.summary["any_blocked"])
            findings: List[Finding] = []
            goals_ids = [_goal_str["id"](handle, g) for g in range(_goal_count(handle))]
            projects = [_goal_str["project"](handle, g) for g in range(len(goals_ids))]
            for i in range(_finding_count(handle)):
                g = _finding_goal(handle, i)
                ind = _finding_indicator(handle, i)
                findings.append(Finding(
                    goal=goals_ids[g], project=projects[g], code=_finding_str["code"](handle, i),
                    dimension=Dimension(_finding_int["dimension"](handle, i)),
                    severity=Severity(_finding_int["severity"](handle, i)),
                    deduction=decimal.Decimal(_finding_str["deduction"](handle, i)),
                    indicator_index=None if ind == NO_INDEX else ind,
                    indicator_id=_finding_str["indicator_id"](handle, i),
                    field=_finding_str["field"](handle, i),
                    message_zh=_finding_message(handle, i, "zh"),
                    message_en=_finding_message(handle, i, "en")))
            self.findings: List[Finding] = findings
            self.goals: List[GoalReview] = []
            for g, gid in enumerate(goals_ids):
                first = _goal_first(handle, g)
                self.goals.append(GoalReview(
                    goal=gid, owner=GoalOwner(_goal_int["owner"](handle, g)), project=projects[g],
                    unit=_goal_str["unit"](handle, g),
                    score=decimal.Decimal(_goal_str["score"](handle, g)),
                    grade=Grade(_goal_int["grade"](handle, g)),
                    consequence=Consequence(_goal_int["consequence"](handle, g)),
                    findings=findings[first:first + _goal_nfind(handle, g)]))
            self.gates: List[Gate] = [
                Gate(project=_gate_project(handle, i), may_enter=_gate_may_enter(handle, i) == 1,
                     amount=money.from_fen(_gate_amount(handle, i)),
                     reasons=[r for r in _gate_reasons(handle, i).split(",") if r])
                for i in range(_gate_count(handle))]
        except BaseException:
            self._handle.close()
            raise

    def close(self) -> None:
        """Frees the C result (to_json and the like then raise ValueError)."""
        self._handle.close()

    def __enter__(self) -> "Review":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def to_json(self) -> str:
        """The review as `perfbudget review --format json` prints it (policy,
        summary, goals with findings and both messages, ex_ante, gates)."""
        return _render_review(self._handle, _render.options(_render.FORMAT_JSON))

    def to_csv(self, lang: str = "zh") -> str:
        """One row per finding, as `perfbudget review --format csv` prints
        them (messages in `lang`)."""
        return _render_review(self._handle, _render.options(_render.FORMAT_CSV, lang))

    def to_text(self, lang: str = "zh", all_goals: bool = False) -> str:
        """The report `perfbudget review` prints (every goal with all_goals,
        as --all; else those below 优)."""
        return _render_review(self._handle, _render.options(
            _render.FORMAT_TEXT, lang, flags=_render.ALL_GOALS if all_goals else 0))

    @property
    def any_blocked(self) -> bool:
        return bool(self.summary["any_blocked"])

    def to_frame(self, what: str = "findings", lang: str = "zh", money: str = "decimal"):
        """A pandas DataFrame of the findings (one row each, as rows()) or of
        the goals (what="goals": goal, owner, project, unit, score, grade,
        consequence, finding count). Scores and deductions are Decimal."""
        from . import frames
        if what == "findings":
            import pandas as pd
            frames._check_money_mode(money)
            return pd.DataFrame(self.rows(lang))
        if what != "goals":
            raise ValueError(f'what must be "findings" or "goals", got {what!r}')

        class _Goal(NamedTuple):
            goal: str
            owner: str
            project: str
            unit: str
            score: decimal.Decimal
            grade: str
            consequence: str
            findings: int

        goals = [_Goal(g.goal, g.owner.code, g.project, g.unit, g.score, g.grade.code,
                       g.consequence.code, len(g.findings)) for g in self.goals]
        return frames.records_frame(goals, list(_Goal._fields), [], money)

    def rows(self, lang: str = "zh") -> List[Dict[str, object]]:
        """One dict per finding, with its goal's score and grade: a table."""
        by_goal = {g.goal: g for g in self.goals}
        out = []
        for f in self.findings:
            d = f.as_dict()
            d["message"] = f.message(lang)
            d["score"] = by_goal[f.goal].score
            d["grade"] = by_goal[f.goal].grade.code
            out.append(d)
        return out


def review(dataset: Dataset, policy: Optional[Policy] = None, project: Optional[str] = None,
           unit_goals: bool = True, messages: bool = True) -> Review:
    """Reviews every goal of `dataset` (or one project's) and gates the projects."""
    flags = (0 if unit_goals else NO_UNIT_GOALS) | (0 if messages else NO_MESSAGES)
    return Review(_review_dataset(dataset, policy.ptr if policy else None, project, flags))


def review_goal(dataset: Dataset, goal_id: str, policy: Optional[Policy] = None) -> GoalReview:
    """Reviews one goal of `dataset` on its own (interactive use)."""
    r = Review(_review_goal(dataset, policy.ptr if policy else None, goal_id, 0))
    return r.goals[0]
