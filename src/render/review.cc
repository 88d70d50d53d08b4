// review.cc: the goal review as JSON, CSV and text (render/review.h).
#include "perfbudget/render/review.h"

#include <sstream>
#include <string>

#include "perfbudget/policy/rule_catalog.h"
#include "render/dispatch.h"

namespace perfbudget::render {
namespace {

std::string Wan(Money m) { return FormatAmount(m, MoneyUnit::kWanYuan); }

std::string S(std::string_view s) { return std::string(s); }

std::string Label(bool en, std::string_view zh, std::string_view english) {
  return std::string(en ? english : zh);
}

std::string GradeText(bool en, Grade grade) { return en ? S(CodeOf(grade)) : S(ZhLabelOf(grade)); }

std::string IndicatorText(const Finding& f) {
  if (f.location.indicator_index == kNoIndex) return "";
  return f.location.indicator_id.empty() ? "#" + std::to_string(f.location.indicator_index + 1)
                                         : f.location.indicator_id;
}

void WriteCounts(JsonWriter& w, const GoalCounts& c) {
  w.BeginObject();
  w.Key("reviewed").Int(c.reviewed);
  w.Key("excellent").Int(c.per_grade[0]);
  w.Key("good").Int(c.per_grade[1]);
  w.Key("fair").Int(c.per_grade[2]);
  w.Key("poor").Int(c.per_grade[3]);
  w.Key("passed").Int(c.passed);
  w.Key("passed_after_fixes").Int(c.passed_after_fixes);
  w.Key("to_revise").Int(c.to_revise);
  w.Key("blocked").Int(c.blocked);
  w.Key("comments").Int(c.comments);
  w.Key("by_dimension").BeginObject();
  for (int d = 0; d < 5; ++d) {
    w.Key(CodeOf(static_cast<ReviewDimension>(d)))
        .Int(c.per_dimension[static_cast<std::size_t>(d)]);
  }
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string ReviewJson(const ReviewResult& r, std::string_view policy_name) {
  const ReviewSummary& s = r.summary;
  const int dec = r.decimals;
  JsonWriter w;
  w.BeginObject();
  w.Key("policy").String(policy_name);
  w.Key("summary").BeginObject();
  w.Key("goals");
  WriteCounts(w, s.all);
  w.Key("project_goals");
  WriteCounts(w, s.project_goals);
  w.Key("unit_goals");
  WriteCounts(w, s.unit_goals);
  w.Key("projects_blocked_by_review").Int(s.projects_blocked_by_review);
  w.Key("amount_blocked_by_review").String(s.amount_blocked_by_review.ToString());
  w.Key("ex_ante").BeginObject();
  w.Key("assessed").Int(s.ex_ante_assessed);
  w.Key("supported").Int(s.ex_ante_supported);
  w.Key("supported_after_revision").Int(s.ex_ante_after_revision);
  w.Key("not_supported").Int(s.ex_ante_not_supported);
  w.Key("amount_cut").String(s.ex_ante_cut.ToString());
  w.Key("missing").Int(s.ex_ante_missing);
  w.Key("amount_missing").String(s.ex_ante_missing_amount.ToString());
  w.EndObject();
  w.Key("projects").Int(s.projects);
  w.Key("projects_entering").Int(s.projects_entering);
  w.Key("projects_blocked").Int(s.projects_blocked);
  w.Key("amount_blocked").String(s.amount_blocked.ToString());
  w.EndObject();
  w.Key("goals").BeginArray();
  for (const GoalReview& g : r.goals) {
    w.BeginObject();
    w.Key("goal").String(g.goal_id);
    w.Key("owner").String(CodeOf(g.owner));
    w.Key("project").String(g.project_id);
    w.Key("unit").String(g.unit_id);
    w.Key("indicators").Int(g.indicator_count);
    w.Key("score").Raw(g.score.ToDecimalString(dec));
    w.Key("uncapped_score").Raw(g.uncapped_score.ToDecimalString(dec));
    if (g.capped_by.has_value()) {
      w.Key("capped_by").String(CodeOf(*g.capped_by));
    } else {
      w.Key("capped_by").Null();
    }
    w.Key("grade").String(CodeOf(g.grade));
    w.Key("consequence").String(CodeOf(g.consequence));
    w.Key("findings").BeginArray();
    for (const Finding& f : g.findings) {
      w.BeginObject();
      w.Key("code").String(f.code);
      w.Key("dimension").String(CodeOf(f.dimension));
      w.Key("severity").String(CodeOf(f.severity));
      w.Key("deduction").Raw(f.deduction.ToShortString(dec));
      if (f.location.indicator_index == kNoIndex) {
        w.Key("indicator_index").Null();
      } else {
        w.Key("indicator_index").Int(f.location.indicator_index);
      }
      w.Key("indicator_id").String(f.location.indicator_id);
      w.Key("field").String(f.location.field);
      w.Key("message_zh").String(f.message_zh.str());
      w.Key("message_en").String(f.message_en.str());
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("ex_ante").BeginArray();
  for (const ExAnteReview& e : r.ex_ante) {
    w.BeginObject();
    w.Key("project").String(e.project_id);
    w.Key("total").Raw(e.total.ToShortString(dec));
    w.Key("missing_scores").Int(e.missing_scores);
    w.Key("conclusion").String(CodeOf(e.conclusion));
    w.Key("amount").String(e.amount.ToString());
    w.EndObject();
  }
  w.EndArray();
  w.Key("gates").BeginArray();
  for (const ProjectGate& gt : r.gates) {
    w.BeginObject();
    w.Key("project").String(gt.project_id);
    w.Key("may_enter").Bool(gt.may_enter);
    w.Key("amount").String(gt.amount.ToString());
    w.Key("reasons").BeginArray();
    for (std::string_view code : gt.reasons) w.String(code);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

std::string ReviewCsv(const ReviewResult& r, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  std::string out =
      CsvRow({"goal", "owner", "project", "unit", "score", "grade", "indicator_index",
              "indicator_id", "field", "code", "dimension", "severity", "deduction", "message"});
  for (const GoalReview& g : r.goals) {
    for (const Finding& f : g.findings) {
      out += CsvRow({g.goal_id, S(CodeOf(g.owner)), g.project_id, g.unit_id,
                     g.score.ToDecimalString(r.decimals), S(CodeOf(g.grade)),
                     f.location.indicator_index == kNoIndex
                         ? std::string()
                         : std::to_string(f.location.indicator_index + 1),
                     f.location.indicator_id, f.location.field, S(f.code), S(CodeOf(f.dimension)),
                     S(CodeOf(f.severity)), f.deduction.ToShortString(r.decimals),
                     f.Message(en ? "en" : "zh")});
    }
  }
  return out;
}

std::string ReviewText(const ReviewResult& r, std::string_view policy_name,
                       const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const ReviewSummary& s = r.summary;
  const DatasetInfo& info = r.dataset.info();
  std::ostringstream out;
  auto counts = [&](std::string_view what_zh, std::string_view what_en, const GoalCounts& c) {
    if (en) {
      out << what_en << ": " << c.reviewed << " reviewed; excellent " << c.per_grade[0] << ", good "
          << c.per_grade[1] << ", fair " << c.per_grade[2] << ", poor " << c.per_grade[3]
          << "; passed " << c.passed << ", passed after agreed fixes " << c.passed_after_fixes
          << ", to revise " << c.to_revise << ", blocked " << c.blocked << "; " << c.comments
          << " comments\n";
    } else {
      out << what_zh << "：审核 " << c.reviewed << " 个；优 " << c.per_grade[0] << "，良 "
          << c.per_grade[1] << "，中 " << c.per_grade[2] << "，差 " << c.per_grade[3] << "；通过 "
          << c.passed << " 个，协商修改后通过 " << c.passed_after_fixes << " 个，修改后重报 "
          << c.to_revise << " 个，不予通过（取消） " << c.blocked << " 个；审核意见 " << c.comments
          << " 条\n";
    }
  };
  if (en) {
    out << "Goal review (completeness, relevance, appropriateness, feasibility): "
        << info.jurisdiction_name << " FY" << info.fiscal_year << ", policy " << policy_name
        << "\n";
  } else {
    out << "绩效目标审核（完整性、相关性、适当性、可行性）：" << info.jurisdiction_name
        << info.fiscal_year << "年度，政策 " << policy_name << "\n";
  }
  counts("项目绩效目标", "Project goals", s.project_goals);
  if (s.unit_goals.reviewed > 0) counts("部门整体绩效目标", "Unit-level goals", s.unit_goals);
  if (en) {
    out << "Projects cancelled at goal review: " << s.projects_blocked_by_review << ", "
        << Wan(s.amount_blocked_by_review) << " wan yuan\n";
    out << "Ex-ante assessments: " << s.ex_ante_assessed << " assessed; supported "
        << s.ex_ante_supported << ", after revision " << s.ex_ante_after_revision
        << ", not supported " << s.ex_ante_not_supported << " (" << Wan(s.ex_ante_cut)
        << " wan yuan cut); required but missing " << s.ex_ante_missing << "\n";
    out << "Project library: " << s.projects << " projects; may enter " << s.projects_entering
        << ", blocked " << s.projects_blocked << " (" << Wan(s.amount_blocked) << " wan yuan)\n";
  } else {
    out << "目标审核取消项目：" << s.projects_blocked_by_review << " 个，核减 "
        << Wan(s.amount_blocked_by_review) << " 万元\n";
    out << "事前绩效评估：评估 " << s.ex_ante_assessed << " 个；予以支持 " << s.ex_ante_supported
        << " 个，修改完善后支持 " << s.ex_ante_after_revision << " 个，不予支持 "
        << s.ex_ante_not_supported << " 个（核减 " << Wan(s.ex_ante_cut) << " 万元）；应评未评 "
        << s.ex_ante_missing << " 个\n";
    out << "项目入库：" << s.projects << " 个项目；准予入库 " << s.projects_entering
        << " 个，不予入库 " << s.projects_blocked << " 个（" << Wan(s.amount_blocked)
        << " 万元）\n";
  }

  // Goals not graded 优 (or every goal with all_goals).
  TextTable goals(
      {Label(en, "绩效目标", "goal"), Label(en, "项目", "project"), Label(en, "得分", "score"),
       Label(en, "等级", "grade"), Label(en, "处理", "consequence"), Label(en, "意见", "comments")},
      {Align::kLeft, Align::kLeft, Align::kRight, Align::kLeft, Align::kLeft, Align::kRight});
  int shown = 0;
  for (const GoalReview& gr : r.goals) {
    if (!options.all_goals && gr.grade == Grade::kExcellent) continue;
    goals.AddRow({gr.goal_id, gr.project_id, gr.score.ToDecimalString(r.decimals),
                  GradeText(en, gr.grade),
                  en ? S(CodeOf(gr.consequence)) : S(ZhLabelOf(gr.consequence)),
                  std::to_string(gr.findings.size())});
    ++shown;
  }
  if (shown > 0) out << "\n" << goals.Render();

  // Findings.
  TextTable findings(
      {Label(en, "绩效目标", "goal"), Label(en, "指标", "indicator"),
       Label(en, "维度", "dimension"), Label(en, "严重程度", "severity"),
       Label(en, "扣分", "points"), Label(en, "规则", "rule"), Label(en, "说明", "explanation")},
      {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kLeft,
       Align::kLeft});
  int nf = 0;
  for (const GoalReview& gr : r.goals) {
    for (const Finding& f : gr.findings) {
      findings.AddRow(
          {gr.goal_id, IndicatorText(f), en ? S(CodeOf(f.dimension)) : S(ZhLabelOf(f.dimension)),
           en ? S(CodeOf(f.severity)) : S(ZhLabelOf(f.severity)),
           f.deduction.ToShortString(r.decimals), S(f.code), f.Message(en ? "en" : "zh")});
      ++nf;
    }
  }
  if (nf > 0) out << "\n" << findings.Render();

  // Blocked projects.
  TextTable gates({Label(en, "项目", "project"), Label(en, "名称", "name"),
                   Label(en, "金额(万元)", "amount (wan yuan)"), Label(en, "原因", "reasons")},
                  {Align::kLeft, Align::kLeft, Align::kRight, Align::kLeft});
  int nb = 0;
  for (const ProjectGate& gt : r.gates) {
    if (gt.may_enter) continue;
    std::string reasons;
    for (std::string_view code : gt.reasons) {
      if (!reasons.empty()) reasons += ", ";
      reasons += code;
    }
    gates.AddRow({gt.project_id, std::string(r.dataset.projects()[gt.project_index].name()),
                  Wan(gt.amount), reasons});
    ++nb;
  }
  if (nb > 0) {
    out << "\n"
        << Label(en, "不予入库的项目：", "Projects blocked from the library:") << "\n"
        << gates.Render();
  }
  return out.str();
}

absl::StatusOr<std::string> RenderReview(const ReviewResult& result, std::string_view policy_name,
                                         const RenderOptions& options) {
  return Dispatch(
      options, "rendering a goal review", [&] { return ReviewJson(result, policy_name); },
      [&] { return ReviewCsv(result, options); },
      [&] { return ReviewText(result, policy_name, options); });
}

}  // namespace perfbudget::render
