// rectification.cc: rectification follow-up as JSON, CSV and text
// (render/rectification.h).
#include "perfbudget/render/rectification.h"

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

std::string SubjectOf(const Dataset& ds, std::uint32_t project, std::uint32_t unit) {
  if (project != kNoIndex) return std::string(ds.projects()[project].id());
  if (unit != kNoIndex) return std::string(ds.units()[unit].id());
  return "";
}

std::vector<std::string> CountCells(const RectificationCounts& c) {
  return {std::to_string(c.problems), std::to_string(c.suggestions), std::to_string(c.items),
          std::to_string(c.open),     std::to_string(c.in_progress), std::to_string(c.done),
          std::to_string(c.overdue),  std::to_string(c.no_owner),    std::to_string(c.no_due_date)};
}

std::vector<std::string> CountHeaders(bool en) {
  return {en ? "Problems" : "问题", en ? "Suggestions" : "建议",   en ? "Items" : "整改事项",
          en ? "Open" : "未整改",   en ? "In progress" : "整改中", en ? "Done" : "已整改",
          en ? "Overdue" : "逾期",  en ? "No owner" : "无责任人",  en ? "No due date" : "无期限"};
}

std::string TextImpl(const RectificationReport& r, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const Dataset& ds = r.dataset;
  const std::string as_of =
      r.as_of.ToString() + (r.as_of_is_default ? Label(options, "（默认）", " (default)") : "");
  std::string out = en ? "Rectification of evaluation findings: " + ds.info().jurisdiction_name +
                             ", fiscal year " + std::to_string(ds.info().fiscal_year) + ", as of " +
                             as_of + "\n"
                       : "评价发现问题整改情况：" + ds.info().jurisdiction_name + " " +
                             std::to_string(ds.info().fiscal_year) + "年度，截至 " + as_of + "\n";
  const RectificationCounts& t = r.total;
  out += "\n" + Label(options, "要点", "Summary") + "\n";
  out += en ? "  " + std::to_string(t.evaluations) +
                  " evaluations with findings: " + std::to_string(t.suggestions) +
                  " suggestions, " + std::to_string(t.problems) + " problems; " +
                  std::to_string(t.items) + " rectification items: " + std::to_string(t.done) +
                  " done, " + std::to_string(t.in_progress) + " in progress, " +
                  std::to_string(t.open) + " open; " + std::to_string(t.overdue) + " overdue\n"
            : "  " + std::to_string(t.evaluations) + "项评价提出意见建议" +
                  std::to_string(t.suggestions) + "条、问题" + std::to_string(t.problems) +
                  "个；整改事项" + std::to_string(t.items) + "项：已整改" + std::to_string(t.done) +
                  "项，整改中" + std::to_string(t.in_progress) + "项，未整改" +
                  std::to_string(t.open) + "项；逾期" + std::to_string(t.overdue) + "项\n";

  out += "\n" + Label(options, "按评价", "By evaluation") + "\n";
  std::vector<std::string> headers = {en ? "Evaluation" : "评价", en ? "Kind" : "类型",
                                      en ? "Subject" : "对象"};
  for (std::string& h : CountHeaders(en)) headers.push_back(std::move(h));
  std::vector<Align> align(headers.size(), Align::kRight);
  align[0] = align[1] = align[2] = Align::kLeft;
  TextTable e(headers, align);
  for (const RectificationEvaluationRow& row : r.evaluations) {
    std::vector<std::string> cells;
    if (row.evaluation_index == kNoIndex) {
      cells = {Label(options, "（未关联评价）", "(no evaluation)"), "", ""};
    } else {
      const Evaluation& ev = ds.evaluations()[row.evaluation_index];
      cells = {ev.id, en ? std::string(CodeOf(ev.kind)) : std::string(ZhLabelOf(ev.kind)),
               SubjectOf(ds, ev.project_index, ev.unit_index)};
    }
    for (std::string& s : CountCells(row.counts)) cells.push_back(std::move(s));
    e.AddRow(std::move(cells));
  }
  e.AddRule();
  std::vector<std::string> total = {Label(options, "合计", "Total"), "", ""};
  for (std::string& s : CountCells(t)) total.push_back(std::move(s));
  e.AddRow(total);
  out += e.Render();

  out += "\n" + Label(options, "按预算单位", "By unit") + "\n";
  std::vector<std::string> uh = {en ? "ID" : "编码", en ? "Unit" : "预算单位"};
  for (std::string& h : CountHeaders(en)) uh.push_back(std::move(h));
  std::vector<Align> ua(uh.size(), Align::kRight);
  ua[0] = ua[1] = Align::kLeft;
  TextTable u(uh, ua);
  for (const RectificationUnitRow& row : r.units) {
    std::vector<std::string> cells = {std::string(ds.units()[row.unit_index].id()),
                                      std::string(ds.units()[row.unit_index].name())};
    for (std::string& s : CountCells(row.counts)) cells.push_back(std::move(s));
    u.AddRow(std::move(cells));
  }
  out += u.Render();

  out += "\n" + Label(options, "整改事项", "Items") + "\n";
  TextTable items({en ? "Item" : "编号", en ? "Evaluation" : "评价", en ? "Subject" : "对象",
                   en ? "Owner" : "责任人", en ? "Due" : "整改期限", en ? "Status" : "状态",
                   en ? "Overdue days" : "逾期天数", en ? "Description" : "整改内容"},
                  {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft,
                   Align::kLeft, Align::kRight, Align::kLeft});
  for (const RectificationItemRow& row : r.items) {
    const RectificationItem& it = ds.rectifications()[row.item_index];
    items.AddRow({it.id, it.evaluation_id, SubjectOf(ds, it.project_index, it.unit_index),
                  it.owner.empty() ? "-" : it.owner, it.due.has_value() ? it.due->ToString() : "-",
                  en ? std::string(CodeOf(it.status)) : std::string(ZhLabelOf(it.status)),
                  row.overdue ? std::to_string(row.days_overdue) : "", it.description});
  }
  out += r.items.empty() ? Label(options, "  （无）\n", "  (none)\n") : items.Render();

  out += "\n" + Label(options, "说明", "Explanations") + "\n";
  if (r.findings.empty()) out += Label(options, "  （无）\n", "  (none)\n");
  for (const RectificationFinding& f : r.findings) {
    out += "  [" + std::string(f.code) + "] " + (en ? f.message_en : f.message_zh) + "\n";
  }
  return out;
}

void CountsJson(JsonWriter& w, const RectificationCounts& c) {
  w.Key("evaluations").Int(c.evaluations);
  w.Key("problems").Int(c.problems);
  w.Key("suggestions").Int(c.suggestions);
  w.Key("items").Int(c.items);
  w.Key("open").Int(c.open);
  w.Key("in_progress").Int(c.in_progress);
  w.Key("done").Int(c.done);
  w.Key("overdue").Int(c.overdue);
  w.Key("no_owner").Int(c.no_owner);
  w.Key("no_due_date").Int(c.no_due_date);
}

std::string JsonImpl(const RectificationReport& r, const RenderOptions& options) {
  const Dataset& ds = r.dataset;
  const bool en = IsEnglish(options);
  JsonWriter w;
  w.BeginObject();
  w.Key("fiscal_year").Int(ds.info().fiscal_year);
  w.Key("as_of").String(r.as_of.ToString());
  w.Key("as_of_is_default").Bool(r.as_of_is_default);
  w.Key("grace_days").Int(r.grace_days);
  w.Key("total").BeginObject();
  CountsJson(w, r.total);
  w.EndObject();
  w.Key("evaluations").BeginArray();
  for (const RectificationEvaluationRow& row : r.evaluations) {
    w.BeginObject();
    if (row.evaluation_index == kNoIndex) {
      w.Key("evaluation").Null();
    } else {
      const Evaluation& ev = ds.evaluations()[row.evaluation_index];
      w.Key("evaluation").String(ev.id);
      w.Key("kind").String(CodeOf(ev.kind));
      w.Key("project").String(ev.project_id);
      w.Key("unit").String(ev.unit_id);
      w.Key("problem_texts").BeginArray();
      for (const std::string& s : ev.problems) w.String(s);
      w.EndArray();
      w.Key("suggestion_texts").BeginArray();
      for (const std::string& s : ev.suggestions) w.String(s);
      w.EndArray();
    }
    CountsJson(w, row.counts);
    w.Key("item_ids").BeginArray();
    for (std::uint32_t i : row.items) w.String(ds.rectifications()[i].id);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("units").BeginArray();
  for (const RectificationUnitRow& row : r.units) {
    w.BeginObject();
    w.Key("id").String(ds.units()[row.unit_index].id());
    w.Key("name").String(ds.units()[row.unit_index].name());
    CountsJson(w, row.counts);
    w.EndObject();
  }
  w.EndArray();
  w.Key("items").BeginArray();
  for (const RectificationItemRow& row : r.items) {
    const RectificationItem& it = ds.rectifications()[row.item_index];
    w.BeginObject();
    w.Key("id").String(it.id);
    w.Key("evaluation").String(it.evaluation_id);
    w.Key("unit").String(it.unit_id);
    w.Key("project").String(it.project_id);
    w.Key("description").String(it.description);
    w.Key("owner").String(it.owner);
    if (it.due.has_value()) {
      w.Key("due").String(it.due->ToString());
    } else {
      w.Key("due").Null();
    }
    w.Key("status").String(CodeOf(it.status));
    w.Key("overdue").Bool(row.overdue);
    w.Key("days_overdue").Int(row.days_overdue);
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings").BeginArray();
  for (const RectificationFinding& f : r.findings) {
    w.BeginObject();
    w.Key("code").String(f.code);
    w.Key("severity").String(CodeOf(f.severity));
    if (f.item != kNoIndex) {
      w.Key("item").String(ds.rectifications()[f.item].id);
    } else {
      w.Key("item").Null();
    }
    if (f.evaluation != kNoIndex) {
      w.Key("evaluation").String(ds.evaluations()[f.evaluation].id);
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

std::string CsvImpl(const RectificationReport& r, const RenderOptions& options) {
  const bool en = IsEnglish(options);
  const Dataset& ds = r.dataset;
  std::string out = en ? CsvRow({"id", "evaluation", "unit", "project", "owner", "due", "status",
                                 "overdue", "days_overdue", "description"})
                       : CsvRow({"编号", "评价", "预算单位", "项目", "责任人", "整改期限", "状态",
                                 "是否逾期", "逾期天数", "整改内容"});
  for (const RectificationItemRow& row : r.items) {
    const RectificationItem& it = ds.rectifications()[row.item_index];
    out +=
        CsvRow({it.id, it.evaluation_id, it.unit_id, it.project_id, it.owner,
                it.due.has_value() ? it.due->ToString() : "", std::string(CodeOf(it.status)),
                row.overdue ? "true" : "false", std::to_string(row.days_overdue), it.description});
  }
  return out;
}

}  // namespace

std::string RectificationJson(const RectificationReport& report, const RenderOptions& options) {
  return JsonImpl(report, options);
}

std::string RectificationCsv(const RectificationReport& report, const RenderOptions& options) {
  return CsvImpl(report, options);
}

std::string RectificationText(const RectificationReport& report, const RenderOptions& options) {
  return TextImpl(report, options);
}

absl::StatusOr<std::string> RenderRectification(const RectificationReport& report,
                                                const RenderOptions& options) {
  return Dispatch(
      options, "rendering rectification", [&] { return RectificationJson(report, options); },
      [&] { return RectificationCsv(report, options); },
      [&] { return RectificationText(report, options); });
}

}  // namespace perfbudget::render
