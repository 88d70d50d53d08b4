// disclosure.cc: the disclosure check as JSON, CSV and text
// (render/disclosure.h).
#include "perfbudget/render/disclosure.h"

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

std::string YesNo(bool v, bool en) { return v ? (en ? "yes" : "是") : (en ? "no" : "否"); }

std::vector<std::string> CountCells(const DisclosureCounts& c) {
  return {std::to_string(c.key_projects),      std::to_string(c.key_with_budget),
          std::to_string(c.key_with_approval), std::to_string(c.with_budget),
          std::to_string(c.with_approval),     std::to_string(c.results),
          std::to_string(c.results_published)};
}

std::string TextImpl(const DisclosureReport& r, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const Dataset& ds = r.dataset;
  const std::string year = std::to_string(r.year);
  std::string out =
      en ? "Disclosure (公开): " + ds.info().jurisdiction_name + ", fiscal year " + year + "\n"
         : "绩效信息公开情况：" + ds.info().jurisdiction_name + " " + year + "年度\n";
  const DisclosureCounts& t = r.total;
  out += "\n" + Label(options, "要点", "Summary") + "\n";
  out += en ? "  " + std::to_string(t.key_with_budget) + " of " + std::to_string(t.key_projects) +
                  " key project goals published with the department budget; " +
                  std::to_string(t.key_with_approval) + " with the budget approval\n"
            : "  重点项目" + std::to_string(t.key_projects) + "个：随部门预算公开绩效目标" +
                  std::to_string(t.key_with_budget) + "个，随预算批复公开" +
                  std::to_string(t.key_with_approval) + "个\n";
  out += en ? "  all budgeted projects: " + std::to_string(t.with_budget) + " of " +
                  std::to_string(t.projects) + " goals with the budget, " +
                  std::to_string(t.with_approval) + " with the approval\n"
            : "  全部预算项目" + std::to_string(t.projects) + "个：随部门预算公开" +
                  std::to_string(t.with_budget) + "个，随预算批复公开" +
                  std::to_string(t.with_approval) + "个\n";
  out += en ? "  fiscal evaluation results published with the final accounts: " +
                  std::to_string(t.results_published) + " of " + std::to_string(t.results) + "\n"
            : "  财政评价结果随部门决算公开" + std::to_string(t.results_published) + "个（共" +
                  std::to_string(t.results) + "个）\n";

  out += "\n" + Label(options, "按预算单位", "By unit") + "\n";
  TextTable u({en ? "ID" : "编码", en ? "Unit" : "预算单位", en ? "Key" : "重点项目",
               en ? "Key, budget" : "重点随预算", en ? "Key, approval" : "重点随批复",
               en ? "All, budget" : "全部随预算", en ? "All, approval" : "全部随批复",
               en ? "Results" : "评价结果", en ? "Published" : "随决算公开"},
              {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight,
               Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  for (const DisclosureUnitRow& row : r.units) {
    std::vector<std::string> cells = {std::string(ds.units()[row.unit_index].id()),
                                      std::string(ds.units()[row.unit_index].name())};
    for (std::string& s : CountCells(row.counts)) cells.push_back(std::move(s));
    u.AddRow(std::move(cells));
  }
  u.AddRule();
  std::vector<std::string> total = {"", Label(options, "合计", "Total")};
  for (std::string& s : CountCells(t)) total.push_back(std::move(s));
  u.AddRow(total);
  out += u.Render();

  out += "\n" + Label(options, "重点项目绩效目标", "Key project goals") + "\n";
  TextTable k({en ? "Project" : "项目编码", en ? "Name" : "项目名称", en ? "Unit" : "预算单位",
               en ? "With budget" : "随部门预算", en ? "With approval" : "随预算批复"},
              {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft});
  for (std::uint32_t p : r.key_projects) {
    const ProjectView proj = ds.projects()[p];
    k.AddRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
              YesNo(proj.disclosure().with_budget, en),
              YesNo(proj.disclosure().with_approval, en)});
  }
  out += r.key_projects.empty() ? Label(options, "  （无）\n", "  (none)\n") : k.Render();

  out += "\n" + Label(options, "财政评价结果", "Fiscal evaluation results") + "\n";
  TextTable e({en ? "Evaluation" : "评价", en ? "Kind" : "类型", en ? "Subject" : "对象",
               en ? "Grade" : "等级", en ? "With final accounts" : "随决算公开"},
              {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft});
  for (std::uint32_t i : r.results) {
    const Evaluation& ev = ds.evaluations()[i];
    e.AddRow({ev.id, en ? std::string(CodeOf(ev.kind)) : std::string(ZhLabelOf(ev.kind)),
              ev.project_id.empty() ? ev.unit_id : ev.project_id,
              ev.grade.has_value()
                  ? (en ? std::string(CodeOf(*ev.grade)) : std::string(ZhLabelOf(*ev.grade)))
                  : "",
              YesNo(ev.published_with_final_accounts, en)});
  }
  out += r.results.empty() ? Label(options, "  （无）\n", "  (none)\n") : e.Render();

  out += "\n" + Label(options, "未公开", "Not published") + "\n";
  if (r.findings.empty()) out += Label(options, "  （无）\n", "  (none)\n");
  for (const DisclosureFinding& f : r.findings) {
    out += "  [" + std::string(f.code) + "] " + (en ? f.message_en : f.message_zh) + "\n";
  }
  return out;
}

void CountsJson(JsonWriter& w, const DisclosureCounts& c) {
  w.Key("projects").Int(c.projects);
  w.Key("key_projects").Int(c.key_projects);
  w.Key("key_with_budget").Int(c.key_with_budget);
  w.Key("key_with_approval").Int(c.key_with_approval);
  w.Key("with_budget").Int(c.with_budget);
  w.Key("with_approval").Int(c.with_approval);
  w.Key("results").Int(c.results);
  w.Key("results_published").Int(c.results_published);
}

std::string JsonImpl(const DisclosureReport& r, const RenderOptions& options) {
  const Dataset& ds = r.dataset;
  const bool en = IsEnglish(options);
  JsonWriter w;
  w.BeginObject();
  w.Key("fiscal_year").Int(r.year);
  w.Key("total").BeginObject();
  CountsJson(w, r.total);
  w.EndObject();
  w.Key("units").BeginArray();
  for (const DisclosureUnitRow& row : r.units) {
    w.BeginObject();
    w.Key("id").String(ds.units()[row.unit_index].id());
    w.Key("name").String(ds.units()[row.unit_index].name());
    CountsJson(w, row.counts);
    w.EndObject();
  }
  w.EndArray();
  w.Key("key_projects").BeginArray();
  for (std::uint32_t p : r.key_projects) {
    const ProjectView proj = ds.projects()[p];
    w.BeginObject();
    w.Key("project").String(proj.id());
    w.Key("name").String(proj.name());
    w.Key("unit").String(proj.unit_id());
    w.Key("with_budget").Bool(proj.disclosure().with_budget);
    w.Key("with_approval").Bool(proj.disclosure().with_approval);
    w.EndObject();
  }
  w.EndArray();
  w.Key("results").BeginArray();
  for (std::uint32_t i : r.results) {
    const Evaluation& ev = ds.evaluations()[i];
    w.BeginObject();
    w.Key("evaluation").String(ev.id);
    w.Key("kind").String(CodeOf(ev.kind));
    w.Key("project").String(ev.project_id);
    w.Key("unit").String(ev.unit_id);
    w.Key("published_with_final_accounts").Bool(ev.published_with_final_accounts);
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings").BeginArray();
  for (const DisclosureFinding& f : r.findings) {
    w.BeginObject();
    w.Key("code").String(f.code);
    w.Key("severity").String(CodeOf(f.severity));
    if (f.project_index != kNoIndex) {
      w.Key("project").String(ds.projects()[f.project_index].id());
    } else {
      w.Key("project").Null();
    }
    if (f.evaluation_index != kNoIndex) {
      w.Key("evaluation").String(ds.evaluations()[f.evaluation_index].id);
    } else {
      w.Key("evaluation").Null();
    }
    w.Key("message").String(en ? f.message_en : f.message_zh);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

std::string CsvImpl(const DisclosureReport& r, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const Dataset& ds = r.dataset;
  // One row per key project goal and per evaluation result.
  std::string out = en ? CsvRow({"kind", "id", "name", "unit", "with_budget", "with_approval",
                                 "with_final_accounts"})
                       : CsvRow({"类别", "编号", "名称", "预算单位", "随部门预算公开",
                                 "随预算批复公开", "随决算公开"});
  for (std::uint32_t p : r.key_projects) {
    const ProjectView proj = ds.projects()[p];
    out += CsvRow({en ? "key_project_goal" : "重点项目绩效目标", std::string(proj.id()),
                   std::string(proj.name()), std::string(proj.unit_id()),
                   proj.disclosure().with_budget ? "true" : "false",
                   proj.disclosure().with_approval ? "true" : "false", ""});
  }
  for (std::uint32_t i : r.results) {
    const Evaluation& ev = ds.evaluations()[i];
    out += CsvRow({en ? "evaluation_result" : "财政评价结果", ev.id,
                   ev.project_id.empty() ? ev.unit_id : ev.project_id, ev.unit_id, "", "",
                   ev.published_with_final_accounts ? "true" : "false"});
  }
  return out;
}

}  // namespace

std::string DisclosureJson(const DisclosureReport& report, const RenderOptions& options) {
  return JsonImpl(report, options);
}

std::string DisclosureCsv(const DisclosureReport& report, const RenderOptions& options) {
  return CsvImpl(report, options);
}

std::string DisclosureText(const DisclosureReport& report, const RenderOptions& options) {
  return TextImpl(report, options);
}

absl::StatusOr<std::string> RenderDisclosure(const DisclosureReport& report,
                                             const RenderOptions& options) {
  return Dispatch(
      options, "rendering a disclosure check", [&] { return DisclosureJson(report, options); },
      [&] { return DisclosureCsv(report, options); },
      [&] { return DisclosureText(report, options); });
}

}  // namespace perfbudget::render
