// reclaim.cc: reclaim proposals as JSON, CSV and text (render/reclaim.h).
#include "perfbudget/render/reclaim.h"

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

std::string Title(bool en, std::string_view code) {
  const RuleSpec* spec = FindRuleSpec(code);
  if (spec == nullptr) return std::string(code);
  return std::string(en ? spec->title_en : spec->title_zh);
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

void TotalJson(JsonWriter& w, const ReclaimTotal& t) {
  w.Key("amount").String(t.amount.ToString());
  w.Key("proposals").Int(t.proposals);
  w.Key("warnings").Int(t.warnings);
  w.Key("projects").Int(t.projects);
  w.Key("by_fund_source").BeginObject();
  for (int s = 0; s < kFundSourceCount; ++s) {
    if (t.by_source[s].is_zero()) continue;
    w.Key(CodeOf(static_cast<FundSource>(s))).String(t.by_source[s].ToString());
  }
  w.EndObject();
}

}  // namespace

std::string ReclaimText(const ReclaimReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const MoneyUnit unit = options.unit;
  const Dataset& ds = rep.dataset;
  const std::string un(MoneyUnitName(unit));
  std::string out;
  out += en ? "Reclaim proposals: " + ds.info().jurisdiction_name + ", fiscal year " +
                  std::to_string(ds.info().fiscal_year) + ", as of " +
                  AsOfText(rep.as_of, options.as_of_source, en) + "; amounts in " + un + "\n"
            : "资金收回建议：" + ds.info().jurisdiction_name + " " +
                  std::to_string(ds.info().fiscal_year) + "年度，截至 " +
                  AsOfText(rep.as_of, options.as_of_source, en) + "；金额单位：" + un + "\n";
  // Summary: the unimplemented projects (未实施项目) on a line of their own,
  // then each other reason with proposals, then the total.
  const auto count_of = [&](std::string_view code) -> const ReclaimReport::ByCode* {
    for (const ReclaimReport::ByCode& b : rep.by_code) {
      if (b.code == code) return &b;
    }
    return nullptr;
  };
  out += "\n" + Label(en, "要点", "Summary") + "\n";
  {
    const ReclaimReport::ByCode* b = count_of("reclaim.unimplemented");
    const std::uint32_t n = b == nullptr ? 0 : b->count;
    const std::string amount = FormatAmount(b == nullptr ? Money() : b->amount, unit);
    out += en ? "  " + std::to_string(n) + " unimplemented project" + (n == 1 ? "" : "s") +
                    " (未实施项目), " + amount + " " + un + " to reclaim\n"
              : "  未实施项目" + std::to_string(n) + "个，收回" + amount + un + "\n";
  }
  for (const ReclaimReport::ByCode& b : rep.by_code) {
    if (b.code == "reclaim.unimplemented" || b.count == 0) continue;
    const bool warning_only = b.code == "reclaim.lagging_without_plan";
    out += "  " + Title(en, b.code) + (en ? ": " : "：") + std::to_string(b.count) +
           (en ? (b.count == 1 ? " project" : " projects") : "个项目");
    if (warning_only) {
      out += Label(en, "（仅预警，不提金额）", ", a warning without amount");
    } else {
      out += (en ? ", " : "，") + FormatAmount(b.amount, unit) + (en ? " " : "") + un;
    }
    out += "\n";
  }
  out += en ? "  Total: " + std::to_string(rep.total.proposals) + " proposals with an amount, " +
                  FormatAmount(rep.total.amount, unit) + " " + un + "\n"
            : "  合计：" + std::to_string(rep.total.proposals) + "项收回建议，" +
                  FormatAmount(rep.total.amount, unit) + un + "\n";

  out += "\n" + Label(en, "按原因", "By reason") + "\n";
  TextTable by_code({en ? "Code" : "规则", en ? "Reason" : "原因", en ? "Count" : "项目数",
                     en ? "Amount" : "金额"},
                    {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight});
  for (const ReclaimReport::ByCode& b : rep.by_code) {
    by_code.AddRow({std::string(b.code), Title(en, b.code), std::to_string(b.count),
                    FormatAmount(b.amount, unit)});
  }
  by_code.AddRule();
  by_code.AddRow({"", Label(en, "合计", "Total"),
                  std::to_string(rep.total.proposals + rep.total.warnings),
                  FormatAmount(rep.total.amount, unit)});
  out += by_code.Render();

  // Proposals grouped by reason: unimplemented projects apart from lagging ones.
  out += "\n" + Label(en, "建议明细", "Proposals") + "\n";
  if (rep.proposals.empty()) out += Label(en, "  （无）\n", "  (none)\n");
  for (const ReclaimReport::ByCode& b : rep.by_code) {
    if (b.count == 0) continue;
    out += "\n" + Title(en, b.code) + " (" + std::string(b.code) + ")\n";
    TextTable t({en ? "Project" : "项目编码", en ? "Name" : "项目名称", en ? "Unit" : "预算单位",
                 en ? "Current" : "全年预算", en ? "Executed" : "已支出",
                 en ? "Amount" : "收回金额", en ? "Split by fund source" : "按资金来源"},
                {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight,
                 Align::kRight, Align::kLeft});
    for (const ReclaimProposal& p : rep.proposals) {
      if (p.code != b.code) continue;
      const ProjectView proj = ds.projects()[p.project_index];
      t.AddRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
                FormatAmount(p.current, unit), FormatAmount(p.executed, unit),
                p.has_amount ? FormatAmount(p.amount, unit) : "-", SplitCell(p.split, unit, en)});
    }
    out += t.Render();
  }

  out += "\n" + Label(en, "按预算单位", "By unit") + "\n";
  TextTable u({en ? "ID" : "编码", en ? "Unit" : "预算单位", en ? "Projects" : "项目数",
               en ? "Warnings" : "仅预警", en ? "Amount" : "收回金额"},
              {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight});
  for (const ReclaimTotal& tot : rep.units) {
    const UnitView unit_rec = ds.units()[tot.unit_index];
    u.AddRow({std::string(unit_rec.id()), std::string(unit_rec.name()),
              std::to_string(tot.proposals), std::to_string(tot.warnings),
              FormatAmount(tot.amount, unit)});
  }
  u.AddRule();
  u.AddRow({"", Label(en, "合计", "Total"), std::to_string(rep.total.proposals),
            std::to_string(rep.total.warnings), FormatAmount(rep.total.amount, unit)});
  out += u.Render();

  out += "\n" + Label(en, "按资金来源", "By fund source") + "\n";
  for (int s = 0; s < kFundSourceCount; ++s) {
    if (rep.total.by_source[s].is_zero()) continue;
    const auto src = static_cast<FundSource>(s);
    out += "  " + std::string(en ? CodeOf(src) : ZhLabelOf(src)) + "  " +
           FormatAmount(rep.total.by_source[s], unit) + "\n";
  }

  out += "\n" + Label(en, "说明", "Explanations") + "\n";
  if (rep.proposals.empty()) out += Label(en, "  （无）\n", "  (none)\n");
  for (const ReclaimProposal& p : rep.proposals) {
    out += "  " + (en ? p.message_en : p.message_zh) + "\n";
  }
  return out;
}

std::string ReclaimJson(const ReclaimReport& rep, const RenderOptions& options) {
  const Dataset& ds = rep.dataset;
  JsonWriter w;
  w.BeginObject();
  WriteAsOfJson(w, rep.as_of, options.as_of_source);
  w.Key("fiscal_year").Int(ds.info().fiscal_year);
  w.Key("amount_unit").String("元");
  w.Key("total").BeginObject();
  TotalJson(w, rep.total);
  w.EndObject();
  w.Key("by_reason").BeginArray();
  for (const ReclaimReport::ByCode& b : rep.by_code) {
    w.BeginObject();
    w.Key("code").String(b.code);
    w.Key("count").Int(b.count);
    w.Key("amount").String(b.amount.ToString());
    w.EndObject();
  }
  w.EndArray();
  w.Key("units").BeginArray();
  for (const ReclaimTotal& t : rep.units) {
    w.BeginObject();
    w.Key("id").String(ds.units()[t.unit_index].id());
    w.Key("name").String(ds.units()[t.unit_index].name());
    TotalJson(w, t);
    w.EndObject();
  }
  w.EndArray();
  w.Key("proposals").BeginArray();
  for (const ReclaimProposal& p : rep.proposals) {
    const ProjectView proj = ds.projects()[p.project_index];
    w.BeginObject();
    w.Key("project").String(proj.id());
    w.Key("name").String(proj.name());
    w.Key("unit").String(proj.unit_id());
    w.Key("code").String(p.code);
    w.Key("severity").String(CodeOf(p.severity));
    w.Key("has_amount").Bool(p.has_amount);
    w.Key("amount").String(p.amount.ToString());
    w.Key("current_budget").String(p.current.ToString());
    w.Key("executed").String(p.executed.ToString());
    w.Key("planned_after_as_of").String(p.planned_after.ToString());
    if (p.origin_year != 0) w.Key("origin_year").Int(p.origin_year);
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
  w.EndObject();
  return w.Finish();
}

std::string ReclaimCsv(const ReclaimReport& rep, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const MoneyUnit unit = options.unit;
  const std::string u(MoneyUnitName(unit));
  const Dataset& ds = rep.dataset;
  // One row per proposal and fund source (a warning without amount: one row).
  std::string out =
      en ? CsvRow({"project", "name", "unit", "code", "fund_source", "amount_" + u,
                   "proposal_amount_" + u, "current_budget_" + u, "executed_" + u, "message"})
         : CsvRow({"项目编码", "项目名称", "预算单位", "规则", "资金来源", "分配金额(" + u + ")",
                   "收回金额(" + u + ")", "全年预算(" + u + ")", "已支出(" + u + ")", "说明"});
  for (const ReclaimProposal& p : rep.proposals) {
    const ProjectView proj = ds.projects()[p.project_index];
    auto row = [&](const std::string& source, const std::string& amount) {
      out +=
          CsvRow({std::string(proj.id()), std::string(proj.name()), std::string(proj.unit_id()),
                  std::string(p.code), source, amount,
                  p.has_amount ? FormatAmount(p.amount, unit) : "", FormatAmount(p.current, unit),
                  FormatAmount(p.executed, unit), en ? p.message_en : p.message_zh});
    };
    if (p.split.empty()) row("", "");
    for (const FundSplit& f : p.split)
      row(std::string(en ? CodeOf(f.source) : ZhLabelOf(f.source)), FormatAmount(f.amount, unit));
  }
  return out;
}

absl::StatusOr<std::string> RenderReclaim(const ReclaimReport& report,
                                          const RenderOptions& options) {
  return Dispatch(
      options, "rendering reclaim proposals", [&] { return ReclaimJson(report, options); },
      [&] { return ReclaimCsv(report, options); }, [&] { return ReclaimText(report, options); });
}

}  // namespace perfbudget::render
