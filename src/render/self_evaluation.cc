// self_evaluation.cc: self-evaluation scores as JSON, CSV and text
// (render/self_evaluation.h).
#include "perfbudget/render/self_evaluation.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "perfbudget/policy/rule_catalog.h"
#include "render/dispatch.h"

namespace perfbudget::render {
namespace {

std::string Label(bool en, std::string_view zh, std::string_view english) {
  return std::string(en ? english : zh);
}

std::string P(const Ratio& r) { return r.ToDecimalString(2); }
std::string GradeText(Grade g, bool en) { return std::string(en ? CodeOf(g) : ZhLabelOf(g)); }

struct OwnerText {
  std::string id;
  std::string name;
};

OwnerText Owner(const Dataset& ds, const GoalScore& g) {
  if (g.project_index != kNoIndex) {
    return {std::string(ds.projects()[g.project_index].id()),
            std::string(ds.projects()[g.project_index].name())};
  }
  if (g.unit_index != kNoIndex)
    return {std::string(ds.units()[g.unit_index].id()),
            std::string(ds.units()[g.unit_index].name())};
  return {};
}

std::string UnitId(const Dataset& ds, const GoalScore& g) {
  return g.unit_index == kNoIndex ? "" : std::string(ds.units()[g.unit_index].id());
}

std::string DateText(const SelfEvaluationReport& rep, bool en) {
  if (rep.as_of.has_value()) return rep.as_of->ToString();
  return en ? "the latest actual (no cut-off)" : "最新完成值（不设截止日期）";
}

std::string TextImpl(const SelfEvaluationReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const MoneyUnit unit = options.unit;
  const Dataset& ds = rep.dataset;
  const std::string un(MoneyUnitName(unit));
  const SelfEvaluationTotal& t = rep.total;
  std::string out;
  out += en ? "Self-evaluation scores: " + ds.info().jurisdiction_name + ", fiscal year " +
                  std::to_string(ds.info().fiscal_year) + "; actuals: " + DateText(rep, en) +
                  "; execution to " + rep.execution_to.ToString() + "; amounts in " + un + "\n"
            : "单位自评评分：" + ds.info().jurisdiction_name + " " +
                  std::to_string(ds.info().fiscal_year) + "年度；完成值：" + DateText(rep, en) +
                  "；预算执行截至 " + rep.execution_to.ToString() + "；金额单位：" + un + "\n";

  out += "\n" + Label(en, "要点", "Summary") + "\n";
  const auto grades = [&](const std::array<std::uint32_t, 4>& by) {
    std::string s;
    for (int k = 0; k < 4; ++k) {
      if (k > 0) s += en ? ", " : "，";
      s += GradeText(static_cast<Grade>(k), en) + " " + std::to_string(by[k]);
    }
    return s;
  };
  if (en) {
    out += "  Goals scored: " + std::to_string(t.project_goals) + " project, " +
           std::to_string(t.unit_goals) + " unit-level (部门整体); grades: " + grades(t.by_grade) +
           "\n";
    out += "  Self-evaluation records matched: " + std::to_string(t.self_evaluations) +
           " project, " + std::to_string(t.unit_self_evaluations) +
           " unit-level (部门整体); funds covered by the project records " +
           FormatAmount(t.self_evaluation_amount, unit) + " " + un + ", by the unit-level ones " +
           FormatAmount(t.unit_self_evaluation_amount, unit) + " " + un + "\n";
    out += "  Self-score check (自评抽查): " + std::to_string(t.inflated) +
           " reported score(s) above the computed one by more than the tolerance\n";
    out += "  Flags: " + std::to_string(t.flags) + "\n";
  } else {
    out += "  评分目标：项目" + std::to_string(t.project_goals) + "个，部门整体" +
           std::to_string(t.unit_goals) + "个；等级：" + grades(t.by_grade) + "\n";
    out += "  匹配的自评记录：项目" + std::to_string(t.self_evaluations) + "份，涉及资金" +
           FormatAmount(t.self_evaluation_amount, unit) + un + "；部门整体" +
           std::to_string(t.unit_self_evaluations) + "份，涉及资金" +
           FormatAmount(t.unit_self_evaluation_amount, unit) + un + "\n";
    out += "  自评抽查：自评分高于计算分超过容差的" + std::to_string(t.inflated) + "个\n";
    out += "  提示事项：" + std::to_string(t.flags) + "项\n";
  }

  out += "\n" + Label(en, "目标得分", "Goal scores") + "\n";
  TextTable gt({en ? "Goal" : "目标", en ? "Owner" : "主体", en ? "Name" : "名称",
                en ? "Unit" : "预算单位", en ? "Execution %" : "执行率%", en ? "Score" : "得分",
                en ? "Grade" : "等级", en ? "Reported" : "自评分", en ? "Difference" : "差额"},
               {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight,
                Align::kRight, Align::kLeft, Align::kRight, Align::kRight});
  for (const GoalScore& gs : rep.goals) {
    const OwnerText o = Owner(ds, gs);
    gt.AddRow({ds.goals()[gs.goal_index].id, o.id, o.name, UnitId(ds, gs),
               gs.execution_rate.ToPercentString(2), P(gs.score), GradeText(gs.grade, en),
               gs.reported.has_value() ? P(*gs.reported) : "-",
               gs.reported.has_value() ? P(gs.difference) + (gs.inflated ? " !" : "") : "-"});
  }
  out += gt.Render();

  out += "\n" + Label(en, "失分明细", "Points lost") + "\n";
  TextTable lt(
      {en ? "Goal" : "目标", en ? "Indicator" : "指标", en ? "Rule" : "规则",
       en ? "Points" : "分值", en ? "Earned" : "得分", en ? "Lost" : "失分"},
      {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight});
  bool any = false;
  for (const GoalScore& gs : rep.goals) {
    const std::string gid = ds.goals()[gs.goal_index].id;
    const Ratio exec_lost = gs.execution_points - gs.execution_earned;
    if (exec_lost > Ratio()) {
      any = true;
      lt.AddRow({gid, Label(en, "预算执行率", "execution rate"),
                 gs.current.fen() > 0 ? "selfeval.execution_rate" : "selfeval.zero_budget",
                 P(gs.execution_points), P(gs.execution_earned), P(exec_lost)});
    }
    for (const IndicatorScore& is : rep.IndicatorsOf(gs)) {
      if (!(is.lost() > Ratio())) continue;
      any = true;
      lt.AddRow({gid, ds.goals()[gs.goal_index].indicators[is.indicator].name, std::string(is.code),
                 P(is.points), P(is.earned), P(is.lost())});
    }
  }
  if (any) {
    out += lt.Render();
  } else {
    out += Label(en, "  （无）\n", "  (none)\n");
  }

  out += "\n" + Label(en, "提示事项", "Flags") + "\n";
  if (rep.flags.empty()) out += Label(en, "  （无）\n", "  (none)\n");
  for (const SelfEvaluationFlag& f : rep.flags) {
    out += "  [" + std::string(f.code) + "] " + (en ? f.message_en : f.message_zh) + "\n";
  }

  out += "\n" + Label(en, "按预算单位", "By unit") + "\n";
  TextTable ut(
      {en ? "ID" : "编码", en ? "Unit" : "预算单位", en ? "Projects" : "项目目标",
       en ? "Unit-level" : "部门整体", GradeText(Grade::kExcellent, en),
       GradeText(Grade::kGood, en), GradeText(Grade::kFair, en), GradeText(Grade::kPoor, en),
       en ? "Self-evals" : "自评记录", en ? "Inflated" : "虚高", en ? "Flags" : "提示"},
      {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight,
       Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  const auto unit_row = [&](const SelfEvaluationTotal& x, std::string id, std::string name) {
    ut.AddRow({std::move(id), std::move(name), std::to_string(x.project_goals),
               std::to_string(x.unit_goals), std::to_string(x.by_grade[0]),
               std::to_string(x.by_grade[1]), std::to_string(x.by_grade[2]),
               std::to_string(x.by_grade[3]),
               std::to_string(x.self_evaluations + x.unit_self_evaluations),
               std::to_string(x.inflated), std::to_string(x.flags)});
  };
  for (const SelfEvaluationTotal& x : rep.units) {
    unit_row(x, std::string(ds.units()[x.unit_index].id()),
             std::string(ds.units()[x.unit_index].name()));
  }
  ut.AddRule();
  unit_row(t, "", Label(en, "合计", "Total"));
  out += ut.Render();
  return out;
}

void TotalJson(JsonWriter& w, const SelfEvaluationTotal& t) {
  w.Key("project_goals").Int(t.project_goals);
  w.Key("unit_goals").Int(t.unit_goals);
  w.Key("by_grade").BeginObject();
  for (int k = 0; k < 4; ++k) w.Key(CodeOf(static_cast<Grade>(k))).Int(t.by_grade[k]);
  w.EndObject();
  w.Key("self_evaluations").Int(t.self_evaluations);
  w.Key("unit_self_evaluations").Int(t.unit_self_evaluations);
  w.Key("self_evaluation_amount").String(t.self_evaluation_amount.ToString());
  w.Key("unit_self_evaluation_amount").String(t.unit_self_evaluation_amount.ToString());
  w.Key("inflated").Int(t.inflated);
  w.Key("flags").Int(t.flags);
  w.Key("points_lost").Raw(t.points_lost.ToDecimalString(2));
}

std::string JsonImpl(const SelfEvaluationReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const Dataset& ds = rep.dataset;
  JsonWriter w;
  w.BeginObject();
  w.Key("fiscal_year").Int(ds.info().fiscal_year);
  if (rep.as_of.has_value()) {
    w.Key("as_of").String(rep.as_of->ToString());
  } else {
    w.Key("as_of").Null();
  }
  w.Key("execution_to").String(rep.execution_to.ToString());
  w.Key("amount_unit").String("元");
  w.Key("total").BeginObject();
  TotalJson(w, rep.total);
  w.EndObject();
  w.Key("units").BeginArray();
  for (const SelfEvaluationTotal& t : rep.units) {
    w.BeginObject();
    w.Key("id").String(ds.units()[t.unit_index].id());
    w.Key("name").String(ds.units()[t.unit_index].name());
    TotalJson(w, t);
    w.EndObject();
  }
  w.EndArray();
  w.Key("goals").BeginArray();
  for (const GoalScore& gs : rep.goals) {
    const Goal& goal = ds.goals()[gs.goal_index];
    const OwnerText o = Owner(ds, gs);
    w.BeginObject();
    w.Key("goal").String(goal.id);
    w.Key("owner").String(CodeOf(gs.owner));
    w.Key("owner_id").String(o.id);
    w.Key("owner_name").String(o.name);
    w.Key("unit").String(UnitId(ds, gs));
    w.Key("score").Raw(gs.score.ToDecimalString(2));
    w.Key("score_exact").String(gs.score.ToExactString());
    w.Key("grade").String(CodeOf(gs.grade));
    w.Key("max_score").Raw(gs.max_score.ToDecimalString(2));
    w.Key("weights_given").Bool(gs.weights_given);
    w.Key("blocks").BeginObject();
    for (int b = 0; b < kScoreBlockCount; ++b) {
      if (gs.block_points[b].is_zero()) continue;
      w.Key(CodeOf(static_cast<ScoreBlock>(b))).Raw(gs.block_points[b].ToDecimalString(2));
    }
    w.EndObject();
    w.Key("execution").BeginObject();
    w.Key("current_budget").String(gs.current.ToString());
    w.Key("executed").String(gs.executed.ToString());
    w.Key("rate_percent").Raw(gs.execution_rate.ToPercentString(2));
    w.Key("points").Raw(gs.execution_points.ToDecimalString(2));
    w.Key("earned").Raw(gs.execution_earned.ToDecimalString(2));
    w.Key("message").String(en ? gs.execution_message_en : gs.execution_message_zh);
    w.EndObject();
    w.Key("self_evaluation").BeginObject();
    if (const Evaluation* ev = rep.SelfEvaluationOf(gs); ev != nullptr) {
      w.Key("id").String(ev->id);
      if (gs.reported.has_value()) {
        w.Key("reported").Raw(gs.reported->ToDecimalString(2));
      } else {
        w.Key("reported").Null();
      }
      w.Key("difference").Raw(gs.difference.ToDecimalString(2));
      w.Key("inflated").Bool(gs.inflated);
    }
    w.EndObject();
    w.Key("indicators").BeginArray();
    for (const IndicatorScore& is : rep.IndicatorsOf(gs)) {
      const Indicator& ind = goal.indicators[is.indicator];
      w.BeginObject();
      w.Key("id").String(ind.id);
      w.Key("name").String(ind.name);
      w.Key("block").String(CodeOf(is.block));
      w.Key("code").String(is.code);
      w.Key("points").Raw(is.points.ToDecimalString(2));
      w.Key("earned").Raw(is.earned.ToDecimalString(2));
      w.Key("lost").Raw(is.lost().ToDecimalString(2));
      w.Key("attainment_percent").Raw(is.attainment.ToPercentString(2));
      if (is.actual != kNoIndex) {
        w.Key("actual_date").String(ind.actuals[is.actual].date.ToString());
      }
      w.Key("far_below").Bool(is.far_below);
      w.Key("explained").Bool(is.explained);
      w.Key("message").String(en ? is.message_en : is.message_zh);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("flags").BeginArray();
  for (const SelfEvaluationFlag& f : rep.flags) {
    const GoalScore& gs = rep.goals[f.goal_row];
    const Goal& goal = ds.goals()[gs.goal_index];
    w.BeginObject();
    w.Key("code").String(f.code);
    w.Key("severity").String(CodeOf(f.severity));
    w.Key("goal").String(goal.id);
    if (f.indicator != kNoIndex) w.Key("indicator").String(goal.indicators[f.indicator].id);
    w.Key("message").String(en ? f.message_en : f.message_zh);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

std::string CsvImpl(const SelfEvaluationReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const Dataset& ds = rep.dataset;
  // One row per indicator, and one for each goal's execution rate.
  std::string out =
      en ? CsvRow({"goal", "owner", "owner_id", "unit", "item", "block", "code", "points", "earned",
                   "lost", "goal_score", "goal_grade", "reported", "message"})
         : CsvRow({"目标", "主体类型", "主体编码", "预算单位", "项目", "一级指标", "规则", "分值",
                   "得分", "失分", "目标得分", "目标等级", "自评分", "说明"});
  for (const GoalScore& gs : rep.goals) {
    const Goal& goal = ds.goals()[gs.goal_index];
    const OwnerText o = Owner(ds, gs);
    const std::string owner(en ? CodeOf(gs.owner) : ZhLabelOf(gs.owner));
    const std::string reported = gs.reported.has_value() ? P(*gs.reported) : "";
    out +=
        CsvRow({goal.id, owner, o.id, UnitId(ds, gs), Label(en, "预算执行率", "execution rate"), "",
                gs.current.fen() > 0 ? "selfeval.execution_rate" : "selfeval.zero_budget",
                P(gs.execution_points), P(gs.execution_earned),
                P(gs.execution_points - gs.execution_earned), P(gs.score), GradeText(gs.grade, en),
                reported, en ? gs.execution_message_en : gs.execution_message_zh});
    for (const IndicatorScore& is : rep.IndicatorsOf(gs)) {
      out += CsvRow({goal.id, owner, o.id, UnitId(ds, gs), goal.indicators[is.indicator].name,
                     std::string(en ? CodeOf(is.block) : ZhLabelOf(is.block)), std::string(is.code),
                     P(is.points), P(is.earned), P(is.lost()), P(gs.score), GradeText(gs.grade, en),
                     reported, en ? is.message_en : is.message_zh});
    }
  }
  return out;
}

}  // namespace

std::string SelfEvaluationJson(const SelfEvaluationReport& report, const RenderOptions& options) {
  return JsonImpl(report, options);
}

std::string SelfEvaluationCsv(const SelfEvaluationReport& report, const RenderOptions& options) {
  return CsvImpl(report, options);
}

std::string SelfEvaluationText(const SelfEvaluationReport& report, const RenderOptions& options) {
  return TextImpl(report, options);
}

absl::StatusOr<std::string> RenderSelfEvaluation(const SelfEvaluationReport& report,
                                                 const RenderOptions& options) {
  return Dispatch(
      options, "rendering self-evaluation scores",
      [&] { return SelfEvaluationJson(report, options); },
      [&] { return SelfEvaluationCsv(report, options); },
      [&] { return SelfEvaluationText(report, options); });
}

}  // namespace perfbudget::render
