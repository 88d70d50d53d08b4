// summary.cc: the dataset summary as JSON, CSV and text (render/summary.h).
#include "perfbudget/render/summary.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "render/dispatch.h"

namespace perfbudget::render {
namespace {

std::string Rate(const BudgetTotals& t) {
  return t.execution_rate.has_value() ? t.execution_rate->ToPercentString(2) : "-";
}

// The unit's name in English CSV headers.
std::string UnitCode(MoneyUnit u) {
  switch (u) {
    case MoneyUnit::kYuan:
      return "yuan";
    case MoneyUnit::kWanYuan:
      return "wan_yuan";
    case MoneyUnit::kYiYuan:
      return "yi_yuan";
  }
  return "yuan";
}

void WriteTotalsJson(JsonWriter& w, const BudgetTotals& t) {
  w.Key("approved").String(t.approved.ToString());
  w.Key("adjustments").String(t.adjustments.ToString());
  w.Key("current_budget").String(t.current_budget.ToString());
  w.Key("executed").String(t.executed.ToString());
  w.Key("execution_rate");
  if (t.execution_rate.has_value()) {
    w.BeginObject();
    w.Key("percent").String(t.execution_rate->ToPercentString(2));
    w.Key("exact").String(t.execution_rate->ToExactString());
    w.EndObject();
  } else {
    w.Null();
  }
}

void WriteCountsJson(JsonWriter& w, const SummaryCounts& c, bool with_units) {
  w.BeginObject();
  if (with_units) w.Key("units").Int(c.units);
  w.Key("projects").Int(c.projects);
  w.Key("key_projects").Int(c.key_projects);
  w.Key("project_goals").Int(c.project_goals);
  w.Key("unit_goals").Int(c.unit_goals);
  w.Key("indicators").Int(c.indicators);
  w.Key("disbursements").Int(c.disbursements);
  w.Key("disbursements_to_as_of").Int(c.disbursements_to_as_of);
  w.EndObject();
}

// "label    value" lines, labels padded to a common display width.
std::string KeyValues(const std::vector<std::pair<std::string, std::string>>& kv) {
  int width = 0;
  for (const auto& [k, v] : kv) width = std::max(width, DisplayWidth(k));
  std::string out;
  for (const auto& [k, v] : kv) {
    out.append("  ").append(k);
    const int pad = width - DisplayWidth(k) + 2;
    out.append(static_cast<std::size_t>(pad), ' ');
    out.append(v).append("\n");
  }
  return out;
}

}  // namespace

std::string FundSourceLabel(FundSource s, Language lang) {
  if (lang != Language::kEn) return std::string(ZhLabelOf(s));
  switch (s) {
    case FundSource::kGeneralBudget:
      return "General public budget";
    case FundSource::kGovernmentFund:
      return "Government fund budget";
    case FundSource::kLandTransfer:
      return "Land-transfer revenue";
    case FundSource::kStateCapital:
      return "State capital budget";
    case FundSource::kTransfer:
      return "Transfers from higher levels";
    case FundSource::kCarryOver:
      return "Carry-over";
    case FundSource::kOther:
      return "Other";
  }
  return std::string(CodeOf(s));
}

std::string SummaryJson(const Dataset& ds, const DatasetSummary& s, const RenderOptions& o) {
  JsonWriter w;
  w.BeginObject();
  w.Key("dataset").BeginObject();
  w.Key("jurisdiction_code").String(ds.info().jurisdiction_code);
  w.Key("jurisdiction_name").String(ds.info().jurisdiction_name);
  w.Key("fiscal_year").Int(ds.info().fiscal_year);
  w.Key("title").String(ds.info().title);
  if (ds.info().as_of.has_value()) w.Key("as_of").String(ds.info().as_of->ToString());
  w.EndObject();
  WriteAsOfJson(w, s.as_of, s.as_of_source);
  w.Key("amount_unit").String("元");
  w.Key("execution_rate_definition").String("executed / current_budget as of as_of");
  w.Key("counts");
  WriteCountsJson(w, s.counts, true);
  w.Key("overall").BeginObject();
  WriteTotalsJson(w, s.overall);
  w.EndObject();
  w.Key("units").BeginArray();
  for (const UnitSummary& u : s.units) {
    w.BeginObject();
    w.Key("id").String(u.id);
    w.Key("name").String(u.name);
    w.Key("counts");
    WriteCountsJson(w, u.counts, false);
    WriteTotalsJson(w, u.totals);
    w.EndObject();
  }
  w.EndArray();
  w.Key("fund_sources").BeginArray();
  for (const FundSourceSummary& f : s.fund_sources) {
    w.BeginObject();
    w.Key("source").String(CodeOf(f.source));
    w.Key("label").String(FundSourceLabel(f.source, o.lang));
    w.Key("projects").Int(f.projects);
    WriteTotalsJson(w, f.totals);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

std::string SummaryCsv(const DatasetSummary& s, const RenderOptions& o) {
  const bool en = IsEnglish(o);
  const MoneyUnit unit = o.unit;
  std::string out;
  if (en) {
    const std::string u = "_" + UnitCode(unit);
    out += CsvRow({"scope", "id", "name", "as_of", "projects", "approved" + u, "adjustments" + u,
                   "current_budget" + u, "executed" + u, "execution_rate_percent"});
  } else {
    const std::string u = "(" + std::string(MoneyUnitName(unit)) + ")";
    out += CsvRow({"范围", "编码", "名称", "截至日期", "项目数", "年初预算" + u, "预算调整" + u,
                   "全年预算" + u, "执行数" + u, "预算执行率(%)"});
  }
  const std::string as_of = s.as_of.ToString();
  auto row = [&](const std::string& scope, const std::string& id, const std::string& name,
                 std::int64_t projects, const BudgetTotals& t) {
    out += CsvRow({scope, id, name, as_of, std::to_string(projects), FormatAmount(t.approved, unit),
                   FormatAmount(t.adjustments, unit), FormatAmount(t.current_budget, unit),
                   FormatAmount(t.executed, unit), t.execution_rate ? Rate(t) : ""});
  };
  for (const UnitSummary& u : s.units) {
    row(en ? "unit" : "预算单位", u.id, u.name, u.counts.projects, u.totals);
  }
  for (const FundSourceSummary& f : s.fund_sources) {
    row(en ? "fund_source" : "资金来源", std::string(CodeOf(f.source)),
        FundSourceLabel(f.source, o.lang), f.projects, f.totals);
  }
  row(en ? "total" : "合计", "", en ? "Total" : "合计", s.counts.projects, s.overall);
  return out;
}

std::string SummaryText(const Dataset& ds, const DatasetSummary& s, const RenderOptions& o) {
  const bool en = IsEnglish(o);
  const MoneyUnit unit = o.unit;
  const std::string unit_name(MoneyUnitName(unit));
  const std::string with_unit = " " + unit_name;
  std::string out;
  const DatasetInfo& info = ds.info();
  if (en) {
    out += "Budget execution summary: " + info.jurisdiction_name + ", fiscal year " +
           std::to_string(info.fiscal_year) + "\n";
    if (!o.data_label.empty()) out += "Data: " + o.data_label + "\n";
    out += "As of: " + AsOfText(s.as_of, s.as_of_source, en) + "\n";
    out += "Amounts in " + unit_name +
           "; execution rate = executed / current budget (approved + adjustments to the as-of "
           "date)\n";
  } else {
    out += "预算执行汇总：" + info.jurisdiction_name + " " + std::to_string(info.fiscal_year) +
           "年度\n";
    if (!o.data_label.empty()) out += "数据：" + o.data_label + "\n";
    out += "截至日期：" + AsOfText(s.as_of, s.as_of_source, en) + "\n";
    out += "金额单位：" + unit_name +
           "；预算执行率 = 执行数 ÷ 全年预算数（年初预算 + 截至日期的调整）\n";
  }

  out += en ? "\nOverall\n" : "\n总体\n";
  const BudgetTotals& t0 = s.overall;
  out += KeyValues({
      {en ? "Approved budget" : "年初预算", FormatAmount(t0.approved, unit) + with_unit},
      {en ? "Adjustments" : "预算调整", FormatAmount(t0.adjustments, unit) + with_unit},
      {en ? "Current budget" : "全年预算", FormatAmount(t0.current_budget, unit) + with_unit},
      {en ? "Executed" : "执行数", FormatAmount(t0.executed, unit) + with_unit},
      {en ? "Execution rate" : "预算执行率", t0.execution_rate ? Rate(t0) + "%" : "-"},
  });

  out += en ? "\nCounts\n" : "\n计数\n";
  const SummaryCounts& c = s.counts;
  out += KeyValues({
      {en ? "Units" : "预算单位", std::to_string(c.units)},
      {en ? "Projects" : "项目", std::to_string(c.projects)},
      {en ? "Key projects" : "重点项目", std::to_string(c.key_projects)},
      {en ? "Project goals" : "项目绩效目标", std::to_string(c.project_goals)},
      {en ? "Unit goals" : "部门整体绩效目标", std::to_string(c.unit_goals)},
      {en ? "Indicators" : "绩效指标", std::to_string(c.indicators)},
      {en ? "Disbursements" : "支出笔数",
       std::to_string(c.disbursements) + (en ? " (to the as-of date: " : "（截至日期：") +
           std::to_string(c.disbursements_to_as_of) + (en ? ")" : "）")},
  });

  const std::vector<Align> align = {Align::kLeft,  Align::kLeft,  Align::kRight, Align::kRight,
                                    Align::kRight, Align::kRight, Align::kRight, Align::kRight};
  auto money_cells = [&](const BudgetTotals& t) {
    return std::vector<std::string>{
        FormatAmount(t.approved, unit), FormatAmount(t.adjustments, unit),
        FormatAmount(t.current_budget, unit), FormatAmount(t.executed, unit), Rate(t)};
  };
  const std::vector<std::string> money_headers =
      en ? std::vector<std::string>{"Approved", "Adjustments", "Current", "Executed", "Rate %"}
         : std::vector<std::string>{"年初预算", "预算调整", "全年预算", "执行数", "执行率%"};

  out += en ? "\nBy unit\n" : "\n按预算单位\n";
  std::vector<std::string> headers = {en ? "ID" : "编码", en ? "Unit" : "预算单位",
                                      en ? "Projects" : "项目数"};
  headers.insert(headers.end(), money_headers.begin(), money_headers.end());
  TextTable units(headers, align);
  for (const UnitSummary& u : s.units) {
    std::vector<std::string> row = {u.id, u.name, std::to_string(u.counts.projects)};
    const auto m = money_cells(u.totals);
    row.insert(row.end(), m.begin(), m.end());
    units.AddRow(std::move(row));
  }
  units.AddRule();
  {
    std::vector<std::string> row = {"", en ? "Total" : "合计", std::to_string(c.projects)};
    const auto m = money_cells(t0);
    row.insert(row.end(), m.begin(), m.end());
    units.AddRow(std::move(row));
  }
  out += units.Render();

  out += en ? "\nBy fund source\n" : "\n按资金来源\n";
  headers = {en ? "Code" : "代码", en ? "Fund source" : "资金来源", en ? "Projects" : "项目数"};
  headers.insert(headers.end(), money_headers.begin(), money_headers.end());
  TextTable sources(headers, align);
  for (const FundSourceSummary& f : s.fund_sources) {
    std::vector<std::string> row = {std::string(CodeOf(f.source)),
                                    FundSourceLabel(f.source, o.lang), std::to_string(f.projects)};
    const auto m = money_cells(f.totals);
    row.insert(row.end(), m.begin(), m.end());
    sources.AddRow(std::move(row));
  }
  out += sources.Render();
  return out;
}

absl::StatusOr<std::string> RenderSummary(const Dataset& dataset, const DatasetSummary& summary,
                                          const RenderOptions& options) {
  return Dispatch(
      options, "rendering a summary", [&] { return SummaryJson(dataset, summary, options); },
      [&] { return SummaryCsv(summary, options); },
      [&] { return SummaryText(dataset, summary, options); });
}

}  // namespace perfbudget::render
