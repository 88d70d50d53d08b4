// coverage.cc: the evaluation coverage plan as JSON, CSV and text
// (render/coverage.h).
#include "perfbudget/render/coverage.h"

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

std::string UnitName(const Dataset& ds, std::uint32_t u) {
  return u < ds.units().size() ? std::string(ds.units()[u].name()) : "";
}

std::string GradeText(const std::optional<Grade>& g, bool en) {
  if (!g.has_value()) return "";
  return std::string(en ? CodeOf(*g) : ZhLabelOf(*g));
}

std::string StatusText(CoverageStatus s, bool en) {
  return std::string(en ? CodeOf(s) : ZhLabelOf(s));
}

std::string YearOrDash(int y) { return y == 0 ? "-" : std::to_string(y); }

std::string CapacityText(const CoverageReport& r, MoneyUnit unit, bool en) {
  const std::string un(MoneyUnitName(unit));
  std::string s = en ? std::to_string(r.max_projects) + " projects a year"
                     : "每年" + std::to_string(r.max_projects) + "个项目";
  if (r.max_projects_auto) {
    s += en ? " (the even pace: ⌈" + std::to_string(r.total.key_projects) + " key projects ÷ " +
                  std::to_string(r.window_years) + "⌉)"
            : "（均衡安排：⌈重点项目" + std::to_string(r.total.key_projects) + "个 ÷ " +
                  std::to_string(r.window_years) + "⌉）";
  }
  if (!r.max_amount.is_zero()) {
    s += en ? ", at most " + FormatAmount(r.max_amount, unit) + " " + un
            : "，金额不超过" + FormatAmount(r.max_amount, unit) + un;
  }
  return s;
}

std::string TextImpl(const CoverageReport& r, const RenderOptions& options) {
  const MoneyUnit unit = options.unit;
  const bool en = IsEnglish(options);
  const Dataset& ds = r.dataset;
  const std::string un(MoneyUnitName(unit));
  const std::string w = std::to_string(r.window_years);
  std::string out;
  out += en ? "Fiscal evaluation coverage plan: " + ds.info().jurisdiction_name + ", " +
                  std::to_string(r.horizon_years) + " years from " + std::to_string(r.year) +
                  " (every key project evaluated at least once in any " + w + " years)\n"
            : "财政评价覆盖计划：" + ds.info().jurisdiction_name + " " + std::to_string(r.year) +
                  "年起" + std::to_string(r.horizon_years) + "年（每个重点项目" + w +
                  "年内至少开展一次财政评价）\n";
  out += (en ? "Capacity: " : "评价能力：") + CapacityText(r, unit, en) +
         (en ? "; amounts in " + un : "；金额单位：" + un) + "\n";

  out += "\n" +
         Label(options, "历年财政评价（含第三方评价）",
               "Fiscal evaluations by year (third-party included)") +
         "\n";
  TextTable h({en ? "Year" : "年度", en ? "Projects" : "项目数", en ? "Amount" : "评价资金",
               en ? "Unit-level" : "部门整体评价"},
              {Align::kLeft, Align::kRight, Align::kRight, Align::kLeft});
  for (const CoverageHistoryYear& y : r.history) {
    std::string units;
    for (const std::string& id : y.unit_ids) {
      if (!units.empty()) units += en ? "; " : "；";
      const std::uint32_t u = ds.FindUnit(id);
      units += id + (u == kNoIndex ? "" : " " + std::string(ds.units()[u].name()));
    }
    h.AddRow({std::to_string(y.year), std::to_string(y.projects),
              FormatAmount(y.project_amount, unit), units.empty() ? "-" : units});
  }
  out += r.history.empty() ? Label(options, "  （无）\n", "  (none)\n") : h.Render();

  const CoverageTotal& t = r.total;
  const CoverageYear& first = r.years.front();
  out += "\n" + Label(options, "要点", "Summary") + "\n";
  out += en ? "  " + std::to_string(t.key_projects) + " key projects; " +
                  std::to_string(t.covered) + " evaluated in the " + w + " years to " +
                  std::to_string(r.year) + ", " + std::to_string(t.never) + " never, " +
                  std::to_string(t.overdue) + " already past their window\n"
            : "  重点项目" + std::to_string(t.key_projects) + "个；" + w + "年内已评价" +
                  std::to_string(t.covered) + "个，从未评价" + std::to_string(t.never) +
                  "个，已超过" + w + "年未评价" + std::to_string(t.overdue) + "个\n";
  out += en ? "  " + std::to_string(r.year) + ": " + std::to_string(first.due.size()) + " due, " +
                  std::to_string(first.recommended.size()) + " recommended, " +
                  std::to_string(first.evaluated.size()) + " already evaluated; " +
                  std::to_string(t.breaches) + " projects cannot be reached in time within " +
                  std::to_string(r.horizon_years) + " years\n"
            : "  " + std::to_string(r.year) + "年应评" + std::to_string(first.due.size()) +
                  "个、建议评价" + std::to_string(first.recommended.size()) + "个、本年已评价" +
                  std::to_string(first.evaluated.size()) + "个；" +
                  std::to_string(r.horizon_years) + "年内因评价能力不足无法按期评价" +
                  std::to_string(t.breaches) + "个\n";

  out +=
      "\n" +
      (en ? "Key projects in " + std::to_string(r.year) : std::to_string(r.year) + "年重点项目") +
      "\n";
  TextTable p({en ? "Project" : "项目编码", en ? "Name" : "项目名称", en ? "Unit" : "预算单位",
               en ? "Current" : "全年预算", en ? "Since" : "起始年度", en ? "Last" : "最近评价",
               en ? "Grade" : "等级", en ? "Deadline" : "最迟年度", en ? "Status" : "状态",
               en ? "Planned" : "计划年度"},
              {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight,
               Align::kRight, Align::kLeft, Align::kRight, Align::kLeft, Align::kRight});
  for (const CoverageProject& row : r.projects) {
    const ProjectView proj = ds.projects()[row.project_index];
    p.AddRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
              FormatAmount(row.current, unit), YearOrDash(row.first_year),
              YearOrDash(row.last_year), GradeText(row.last_grade, en),
              std::to_string(row.deadline) + (row.overdue ? "!" : ""), StatusText(row.status, en),
              YearOrDash(row.planned_year)});
  }
  out += p.Render();

  out += "\n" + Label(options, "分年度计划", "Plan by year") + "\n";
  TextTable y({en ? "Year" : "年度", en ? "Evaluated" : "已评价", en ? "Due" : "应评",
               en ? "Recommended" : "建议", en ? "Beyond capacity" : "超出能力",
               en ? "Amount" : "金额", en ? "Projects" : "项目"},
              {Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight,
               Align::kRight, Align::kLeft});
  for (const CoverageYear& yr : r.years) {
    std::string ids;
    for (const auto* rows : {&yr.due, &yr.recommended}) {
      for (std::uint32_t row : *rows) {
        if (!ids.empty()) ids += " ";
        ids += ds.projects()[r.projects[row].project_index].id();
      }
    }
    y.AddRow({std::to_string(yr.year), std::to_string(yr.evaluated.size()),
              std::to_string(yr.due.size()), std::to_string(yr.recommended.size()),
              std::to_string(yr.breaches.size()), FormatAmount(yr.amount, unit), ids});
  }
  out += y.Render();

  out += "\n" + Label(options, "按预算单位", "By unit") + "\n";
  TextTable u({en ? "ID" : "编码", en ? "Unit" : "预算单位", en ? "Key" : "重点项目",
               en ? "Covered" : "已评价", en ? "Never" : "从未评价", en ? "Overdue" : "已超期",
               en ? "Planned" : "本年计划", en ? "Breaches" : "超出能力"},
              {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight,
               Align::kRight, Align::kRight, Align::kRight});
  const auto total_row = [](const CoverageTotal& c) {
    return std::vector<std::string>{std::to_string(c.key_projects), std::to_string(c.covered),
                                    std::to_string(c.never),        std::to_string(c.overdue),
                                    std::to_string(c.planned),      std::to_string(c.breaches)};
  };
  for (const CoverageTotal& c : r.units) {
    std::vector<std::string> cells = {std::string(ds.units()[c.unit_index].id()),
                                      UnitName(ds, c.unit_index)};
    for (std::string& s : total_row(c)) cells.push_back(std::move(s));
    u.AddRow(std::move(cells));
  }
  u.AddRule();
  std::vector<std::string> cells = {"", Label(options, "合计", "Total")};
  for (std::string& s : total_row(t)) cells.push_back(std::move(s));
  u.AddRow(std::move(cells));
  out += u.Render();

  out += "\n" + Label(options, "说明", "Explanations") + "\n";
  for (const CoverageFinding& f : r.findings) {
    out += "  [" + std::string(f.code) + "] " + (en ? f.message_en : f.message_zh) + "\n";
  }
  return out;
}

void TotalJson(JsonWriter& w, const CoverageTotal& c) {
  w.Key("key_projects").Int(c.key_projects);
  w.Key("covered").Int(c.covered);
  w.Key("never").Int(c.never);
  w.Key("overdue").Int(c.overdue);
  w.Key("planned").Int(c.planned);
  w.Key("breaches").Int(c.breaches);
  w.Key("key_amount").String(c.key_amount.ToString());
}

std::string JsonImpl(const CoverageReport& r, const RenderOptions& options) {
  const Dataset& ds = r.dataset;
  const bool en = IsEnglish(options);
  const auto ids = [&](JsonWriter& w, const std::vector<std::uint32_t>& rows) {
    w.BeginArray();
    for (std::uint32_t row : rows) w.String(ds.projects()[r.projects[row].project_index].id());
    w.EndArray();
  };
  JsonWriter w;
  w.BeginObject();
  w.Key("fiscal_year").Int(ds.info().fiscal_year);
  w.Key("year").Int(r.year);
  w.Key("window_years").Int(r.window_years);
  w.Key("horizon_years").Int(r.horizon_years);
  w.Key("max_projects").Int(r.max_projects);
  w.Key("max_projects_auto").Bool(r.max_projects_auto);
  w.Key("max_amount").String(r.max_amount.ToString());
  w.Key("count_third_party").Bool(r.count_third_party);
  w.Key("amount_unit").String("元");
  w.Key("ignored_evaluations").Int(r.ignored_evaluations);
  w.Key("history").BeginArray();
  for (const CoverageHistoryYear& h : r.history) {
    w.BeginObject();
    w.Key("year").Int(h.year);
    w.Key("projects").Int(h.projects);
    w.Key("project_amount").String(h.project_amount.ToString());
    w.Key("unit_level").BeginArray();
    for (const std::string& u : h.unit_ids) w.String(u);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("total").BeginObject();
  TotalJson(w, r.total);
  w.EndObject();
  w.Key("units").BeginArray();
  for (const CoverageTotal& c : r.units) {
    w.BeginObject();
    w.Key("id").String(ds.units()[c.unit_index].id());
    w.Key("name").String(ds.units()[c.unit_index].name());
    TotalJson(w, c);
    w.EndObject();
  }
  w.EndArray();
  w.Key("years").BeginArray();
  for (const CoverageYear& y : r.years) {
    w.BeginObject();
    w.Key("year").Int(y.year);
    w.Key("amount").String(y.amount.ToString());
    w.Key("evaluated");
    ids(w, y.evaluated);
    w.Key("due");
    ids(w, y.due);
    w.Key("recommended");
    ids(w, y.recommended);
    w.Key("breaches");
    ids(w, y.breaches);
    w.EndObject();
  }
  w.EndArray();
  w.Key("projects").BeginArray();
  for (const CoverageProject& row : r.projects) {
    const ProjectView proj = ds.projects()[row.project_index];
    w.BeginObject();
    w.Key("project").String(proj.id());
    w.Key("name").String(proj.name());
    w.Key("unit").String(proj.unit_id());
    w.Key("current_budget").String(row.current.ToString());
    w.Key("first_year").Int(row.first_year);
    w.Key("last_year").Int(row.last_year);
    if (row.last_grade.has_value()) {
      w.Key("last_grade").String(CodeOf(*row.last_grade));
    } else {
      w.Key("last_grade").Null();
    }
    w.Key("last_evaluation").String(row.last_evaluation_id);
    w.Key("evaluations").Int(row.evaluations);
    w.Key("deadline").Int(row.deadline);
    w.Key("overdue").Bool(row.overdue);
    w.Key("status").String(CodeOf(row.status));
    w.Key("planned_year").Int(row.planned_year);
    w.Key("breach_year").Int(row.breach_year);
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings").BeginArray();
  for (const CoverageFinding& f : r.findings) {
    w.BeginObject();
    w.Key("code").String(f.code);
    w.Key("severity").String(CodeOf(f.severity));
    w.Key("year").Int(f.year);
    if (f.row == kNoIndex) {
      w.Key("project").Null();
    } else {
      w.Key("project").String(ds.projects()[r.projects[f.row].project_index].id());
    }
    w.Key("message").String(en ? f.message_en : f.message_zh);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

std::string CsvImpl(const CoverageReport& r, const RenderOptions& options) {
  const MoneyUnit unit = options.unit;
  const bool en = IsEnglish(options);
  const std::string u(MoneyUnitName(unit));
  const Dataset& ds = r.dataset;
  std::string out = en ? CsvRow({"project", "name", "unit", "current_budget_" + u, "first_year",
                                 "last_year", "last_grade", "evaluations", "deadline", "overdue",
                                 "status", "planned_year", "breach_year"})
                       : CsvRow({"项目编码", "项目名称", "预算单位", "全年预算(" + u + ")",
                                 "起始年度", "最近评价年度", "最近评价等级", "评价次数",
                                 "最迟评价年度", "已超期", "状态", "计划评价年度", "超出能力年度"});
  for (const CoverageProject& row : r.projects) {
    const ProjectView proj = ds.projects()[row.project_index];
    out += CsvRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
                   FormatAmount(row.current, unit), std::to_string(row.first_year),
                   std::to_string(row.last_year),
                   row.last_grade.has_value() ? std::string(CodeOf(*row.last_grade)) : "",
                   std::to_string(row.evaluations), std::to_string(row.deadline),
                   row.overdue ? "true" : "false", std::string(CodeOf(row.status)),
                   std::to_string(row.planned_year), std::to_string(row.breach_year)});
  }
  return out;
}

}  // namespace

std::string CoverageJson(const CoverageReport& report, const RenderOptions& options) {
  return JsonImpl(report, options);
}

std::string CoverageCsv(const CoverageReport& report, const RenderOptions& options) {
  return CsvImpl(report, options);
}

std::string CoverageText(const CoverageReport& report, const RenderOptions& options) {
  return TextImpl(report, options);
}

absl::StatusOr<std::string> RenderCoverage(const CoverageReport& report,
                                           const RenderOptions& options) {
  return Dispatch(
      options, "rendering a coverage plan", [&] { return CoverageJson(report, options); },
      [&] { return CoverageCsv(report, options); }, [&] { return CoverageText(report, options); });
}

}  // namespace perfbudget::render
