// results.cc: result application as JSON, CSV and text (render/results.h).
#include "perfbudget/render/results.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "perfbudget/policy/rule_catalog.h"
#include "render/dispatch.h"

namespace perfbudget::render {
namespace {

std::string Label(bool en, std::string_view zh, std::string_view english) {
  return std::string(en ? english : zh);
}
std::string Label(const RenderOptions& options, std::string_view zh, std::string_view english) {
  return Label(IsEnglish(options), zh, english);
}

std::string ActionText(ResultAction a, bool en) {
  return std::string(en ? CodeOf(a) : ZhLabelOf(a));
}

std::string SplitCell(const std::vector<FundSplit>& split, MoneyUnit unit, bool en) {
  std::string s;
  for (const FundSplit& f : split) {
    if (!s.empty()) s += "; ";
    s += std::string(en ? CodeOf(f.source) : ZhLabelOf(f.source)) + " " +
         FormatAmount(f.amount, unit);
  }
  return s;
}

std::string TextImpl(const ResultApplicationReport& rep, const RenderOptions& options) {
  const MoneyUnit unit = options.unit;
  const bool en = IsEnglish(options);
  const Dataset& ds = rep.dataset;
  const std::string un(MoneyUnitName(unit));
  const std::string year = std::to_string(rep.budget_year);
  std::string out;
  out += en ? "Result application: " + ds.info().jurisdiction_name + ", evaluation results → the " +
                  year + " budget (base: the fiscal year " + std::to_string(ds.info().fiscal_year) +
                  " current budget); amounts in " + un + "\n"
            : "评价结果应用：" + ds.info().jurisdiction_name + "，评价结果用于" + year +
                  "年预算安排（基数：" + std::to_string(ds.info().fiscal_year) +
                  "年度全年预算）；金额单位：" + un + "\n";

  out += "\n" + Label(options, "要点", "Summary") + "\n";
  const ResultTotal& t = rep.total;
  for (int a = 0; a < kResultActionCount; ++a) {
    const auto act = static_cast<ResultAction>(a);
    if (t.by_action[a] == 0) continue;
    out += en ? "  " + ActionText(act, en) + ": " + std::to_string(t.by_action[a]) + " project" +
                    (t.by_action[a] == 1 ? "" : "s") + ", cut " +
                    FormatAmount(t.cut_by_action[a], unit) + " " + un + "\n"
              : "  " + ActionText(act, en) + "：" + std::to_string(t.by_action[a]) +
                    "个项目，压减" + FormatAmount(t.cut_by_action[a], unit) + un + "\n";
  }
  out += en ? "  Total: " + std::to_string(t.projects) + " projects, base " +
                  FormatAmount(t.base, unit) + ", cut " + FormatAmount(t.cut, unit) +
                  ", proposed " + FormatAmount(t.proposed, unit) + " " + un + "\n"
            : "  合计：" + std::to_string(t.projects) + "个项目，基数" +
                  FormatAmount(t.base, unit) + un + "，压减" + FormatAmount(t.cut, unit) + un +
                  "，建议安排" + FormatAmount(t.proposed, unit) + un + "\n";
  if (!rep.ungraded.empty()) {
    out += en ? "  Evaluations without grade or score (not applied): " +
                    std::to_string(rep.ungraded.size()) + "\n"
              : "  无等级或得分的评价（未应用）：" + std::to_string(rep.ungraded.size()) + "份\n";
  }

  out += "\n" + Label(options, "项目建议", "Proposals") + "\n";
  if (rep.proposals.empty()) {
    out += Label(options, "  （无）\n", "  (none)\n");
  } else {
    TextTable pt(
        {en ? "Project" : "项目编码", en ? "Name" : "项目名称", en ? "Unit" : "预算单位",
         en ? "Evaluation" : "评价", en ? "Grade" : "等级", en ? "Action" : "应用",
         en ? "Base" : "基数", en ? "Cut %" : "压减%", en ? "Cut" : "压减",
         en ? "Proposed" : "建议安排", en ? "Cut by fund source" : "按资金来源"},
        {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft,
         Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kLeft});
    for (const ResultProposal& p : rep.proposals) {
      const ProjectView proj = ds.projects()[p.project_index];
      pt.AddRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
                 ds.evaluations()[p.evaluation_index].id,
                 std::string(en ? CodeOf(p.grade) : ZhLabelOf(p.grade)), ActionText(p.action, en),
                 FormatAmount(p.base, unit), p.cut_percent.ToShortString(),
                 FormatAmount(p.cut, unit), FormatAmount(p.proposed, unit),
                 SplitCell(p.split, unit, en)});
    }
    out += pt.Render();
  }

  out += "\n" + Label(options, "按预算单位", "By unit") + "\n";
  TextTable ut(
      {en ? "ID" : "编码", en ? "Unit" : "预算单位", en ? "Projects" : "项目数",
       en ? "Base" : "基数", en ? "Cut" : "压减", en ? "Proposed" : "建议安排"},
      {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  for (const ResultTotal& x : rep.units) {
    ut.AddRow({std::string(ds.units()[x.unit_index].id()),
               std::string(ds.units()[x.unit_index].name()), std::to_string(x.projects),
               FormatAmount(x.base, unit), FormatAmount(x.cut, unit),
               FormatAmount(x.proposed, unit)});
  }
  ut.AddRule();
  ut.AddRow({"", Label(options, "合计", "Total"), std::to_string(t.projects),
             FormatAmount(t.base, unit), FormatAmount(t.cut, unit),
             FormatAmount(t.proposed, unit)});
  out += ut.Render();

  out += "\n" + Label(options, "压减按资金来源", "Cut by fund source") + "\n";
  bool any = false;
  for (int s = 0; s < kFundSourceCount; ++s) {
    if (t.cut_by_source[s].is_zero()) continue;
    any = true;
    const auto src = static_cast<FundSource>(s);
    out += "  " + std::string(en ? CodeOf(src) : ZhLabelOf(src)) + "  " +
           FormatAmount(t.cut_by_source[s], unit) + "\n";
  }
  if (!any) out += Label(options, "  （无）\n", "  (none)\n");

  if (rep.next_year.has_value()) {
    const Dataset& nx = *rep.next_year;
    const std::string ny = std::to_string(nx.info().fiscal_year);
    out += "\n" +
           (en ? "The " + ny + " budget as approved: projects approved below their request"
               : ny + "年预算批复：批复数低于申报数的项目") +
           "\n";
    out += en ? "  " + std::to_string(rep.next_year_cuts.size()) + " projects, cut " +
                    FormatAmount(rep.next_year_cut, unit) + " " + un + "\n"
              : "  " + std::to_string(rep.next_year_cuts.size()) + "个项目，压减" +
                    FormatAmount(rep.next_year_cut, unit) + un + "\n";
    if (!rep.next_year_cuts.empty()) {
      TextTable nt({en ? "Project" : "项目编码", en ? "Name" : "项目名称", en ? "Unit" : "预算单位",
                    en ? "Requested" : "申报数", en ? "Approved" : "批复数", en ? "Cut" : "压减",
                    en ? "Cancelled" : "取消", en ? "This year's proposal" : "本年评价应用建议"},
                   {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight,
                    Align::kRight, Align::kLeft, Align::kLeft});
      for (const NextYearCut& c : rep.next_year_cuts) {
        const ProjectView p = nx.projects()[c.project_index];
        std::string prop = "-";
        if (c.proposal != kNoIndex) {
          const ResultProposal& rp = rep.proposals[c.proposal];
          prop = ActionText(rp.action, en) + " (" + ds.evaluations()[rp.evaluation_index].id + ")";
        }
        nt.AddRow({std::string(p.id()), std::string(p.name()), std::string(p.unit_id()),
                   FormatAmount(c.requested, unit), FormatAmount(c.approved, unit),
                   FormatAmount(c.cut, unit), c.cancelled ? Label(options, "是", "yes") : "",
                   prop});
      }
      out += nt.Render();
    }
  }

  out += "\n" + Label(options, "说明", "Explanations") + "\n";
  if (rep.proposals.empty()) out += Label(options, "  （无）\n", "  (none)\n");
  for (const ResultProposal& p : rep.proposals) {
    out += "  " + (en ? p.message_en : p.message_zh) + "\n";
  }
  return out;
}

void TotalJson(JsonWriter& w, const ResultTotal& t) {
  w.Key("projects").Int(t.projects);
  w.Key("base").String(t.base.ToString());
  w.Key("cut").String(t.cut.ToString());
  w.Key("proposed").String(t.proposed.ToString());
  w.Key("by_action").BeginObject();
  for (int a = 0; a < kResultActionCount; ++a) {
    w.Key(CodeOf(static_cast<ResultAction>(a))).BeginObject();
    w.Key("projects").Int(t.by_action[a]);
    w.Key("cut").String(t.cut_by_action[a].ToString());
    w.EndObject();
  }
  w.EndObject();
  w.Key("cut_by_fund_source").BeginObject();
  for (int s = 0; s < kFundSourceCount; ++s) {
    if (t.cut_by_source[s].is_zero()) continue;
    w.Key(CodeOf(static_cast<FundSource>(s))).String(t.cut_by_source[s].ToString());
  }
  w.EndObject();
}

std::string JsonImpl(const ResultApplicationReport& rep, const RenderOptions& options) {
  const Dataset& ds = rep.dataset;
  JsonWriter w;
  w.BeginObject();
  w.Key("fiscal_year").Int(ds.info().fiscal_year);
  w.Key("budget_year").Int(rep.budget_year);
  w.Key("amount_unit").String("元");
  w.Key("total").BeginObject();
  TotalJson(w, rep.total);
  w.EndObject();
  w.Key("units").BeginArray();
  for (const ResultTotal& t : rep.units) {
    w.BeginObject();
    w.Key("id").String(ds.units()[t.unit_index].id());
    w.Key("name").String(ds.units()[t.unit_index].name());
    TotalJson(w, t);
    w.EndObject();
  }
  w.EndArray();
  w.Key("proposals").BeginArray();
  for (const ResultProposal& p : rep.proposals) {
    const ProjectView proj = ds.projects()[p.project_index];
    const Evaluation& ev = ds.evaluations()[p.evaluation_index];
    w.BeginObject();
    w.Key("project").String(proj.id());
    w.Key("name").String(proj.name());
    w.Key("unit").String(proj.unit_id());
    w.Key("evaluation").String(ev.id);
    w.Key("evaluation_kind").String(CodeOf(ev.kind));
    w.Key("grade").String(CodeOf(p.grade));
    w.Key("grade_from_score").Bool(p.grade_from_score);
    w.Key("code").String(p.code);
    w.Key("severity").String(CodeOf(p.severity));
    w.Key("action").String(CodeOf(p.action));
    if (p.suggestion != kNoIndex) {
      w.Key("suggestion").String(ev.suggestions[p.suggestion]);
    }
    w.Key("cut_percent").Raw(p.cut_percent.ToShortString());
    w.Key("base").String(p.base.ToString());
    w.Key("cut").String(p.cut.ToString());
    w.Key("proposed").String(p.proposed.ToString());
    w.Key("split").BeginArray();
    for (const FundSplit& f : p.split) {
      w.BeginObject();
      w.Key("source").String(CodeOf(f.source));
      w.Key("amount").String(f.amount.ToString());
      w.EndObject();
    }
    w.EndArray();
    w.Key("message").String(IsEnglish(options) ? p.message_en : p.message_zh);
    w.EndObject();
  }
  w.EndArray();
  w.Key("ungraded_evaluations").BeginArray();
  for (std::uint32_t e : rep.ungraded) w.String(ds.evaluations()[e].id);
  w.EndArray();
  if (rep.next_year.has_value()) {
    const Dataset& nx = *rep.next_year;
    w.Key("next_year").BeginObject();
    w.Key("fiscal_year").Int(nx.info().fiscal_year);
    w.Key("projects").Int(static_cast<std::int64_t>(rep.next_year_cuts.size()));
    w.Key("cut").String(rep.next_year_cut.ToString());
    w.Key("cuts").BeginArray();
    for (const NextYearCut& c : rep.next_year_cuts) {
      const ProjectView p = nx.projects()[c.project_index];
      w.BeginObject();
      w.Key("project").String(p.id());
      w.Key("name").String(p.name());
      w.Key("unit").String(p.unit_id());
      w.Key("requested").String(c.requested.ToString());
      w.Key("approved").String(c.approved.ToString());
      w.Key("cut").String(c.cut.ToString());
      w.Key("cancelled").Bool(c.cancelled);
      if (c.proposal != kNoIndex) {
        w.Key("proposal_action").String(CodeOf(rep.proposals[c.proposal].action));
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  return w.Finish();
}

std::string CsvImpl(const ResultApplicationReport& rep, const RenderOptions& options) {
  const MoneyUnit unit = options.unit;
  const bool en = IsEnglish(options);
  const std::string u(MoneyUnitName(unit));
  const Dataset& ds = rep.dataset;
  // One row per proposal and fund source of its cut (no cut: one row).
  std::string out = en ? CsvRow({"project", "name", "unit", "evaluation", "grade", "code", "action",
                                 "cut_percent", "base_" + u, "cut_" + u, "proposed_" + u,
                                 "fund_source", "source_cut_" + u, "message"})
                       : CsvRow({"项目编码", "项目名称", "预算单位", "评价", "等级", "规则", "应用",
                                 "压减比例%", "基数(" + u + ")", "压减(" + u + ")",
                                 "建议安排(" + u + ")", "资金来源", "来源压减(" + u + ")", "说明"});
  for (const ResultProposal& p : rep.proposals) {
    const ProjectView proj = ds.projects()[p.project_index];
    const auto row = [&](const std::string& source, const std::string& amount) {
      out += CsvRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
                     ds.evaluations()[p.evaluation_index].id,
                     std::string(en ? CodeOf(p.grade) : ZhLabelOf(p.grade)), std::string(p.code),
                     ActionText(p.action, en), p.cut_percent.ToShortString(),
                     FormatAmount(p.base, unit), FormatAmount(p.cut, unit),
                     FormatAmount(p.proposed, unit), source, amount,
                     en ? p.message_en : p.message_zh});
    };
    if (p.split.empty()) row("", "");
    for (const FundSplit& f : p.split) {
      row(std::string(CodeOf(f.source)), FormatAmount(f.amount, unit));
    }
  }
  return out;
}

}  // namespace

std::string ResultsJson(const ResultApplicationReport& report, const RenderOptions& options) {
  return JsonImpl(report, options);
}

std::string ResultsCsv(const ResultApplicationReport& report, const RenderOptions& options) {
  return CsvImpl(report, options);
}

std::string ResultsText(const ResultApplicationReport& report, const RenderOptions& options) {
  return TextImpl(report, options);
}

absl::StatusOr<std::string> RenderResults(const ResultApplicationReport& report,
                                          const RenderOptions& options) {
  return Dispatch(
      options, "rendering result application", [&] { return ResultsJson(report, options); },
      [&] { return ResultsCsv(report, options); }, [&] { return ResultsText(report, options); });
}

}  // namespace perfbudget::render
