// rectification.cc: follow-up of evaluation findings; see rectification.h.
#include "perfbudget/evaluation/rectification.h"

#include <new>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "perfbudget/calendar/fiscal_calendar.h"
#include "perfbudget/policy/rule_catalog.h"

namespace perfbudget {
namespace {

constexpr std::string_view kOverdue = "rectification.overdue";
constexpr std::string_view kNoOwner = "rectification.no_owner";
constexpr std::string_view kNoDue = "rectification.no_due_date";
constexpr std::string_view kProblemWithoutItem = "rectification.problem_without_item";

void CountItem(const RectificationItem& item, const RectificationItemRow& row,
               RectificationCounts& c) {
  ++c.items;
  switch (item.status) {
    case RectificationStatus::kOpen:
      ++c.open;
      break;
    case RectificationStatus::kInProgress:
      ++c.in_progress;
      break;
    case RectificationStatus::kDone:
      ++c.done;
      break;
  }
  c.overdue += row.overdue;
  c.no_owner += item.owner.empty();
  c.no_due_date += !item.due.has_value();
}

// "项目P0301 园区市政设施维修养护" / "project P0301 …": what an item or an evaluation is about.
std::string Subject(const Dataset& ds, std::uint32_t project, std::uint32_t unit, bool en) {
  if (project != kNoIndex) {
    const ProjectView p = ds.projects()[project];
    return en ? Cat(p.name(), ", ", p.id()) : Cat(p.name(), "，", p.id());
  }
  if (unit != kNoIndex) {
    return en ? Cat(ds.units()[unit].name(), " (unit level)")
              : Cat(ds.units()[unit].name(), "部门整体");
  }
  return en ? "not linked" : "未关联";
}

}  // namespace

absl::StatusOr<RectificationReport> TrackRectification(const Dataset& dataset, const Policy& policy,
                                                       const RectificationOptions& options) try {
  RectificationReport report;
  report.dataset = dataset;
  if (options.as_of.has_value()) {
    report.as_of = *options.as_of;
  } else if (dataset.info().as_of.has_value()) {
    report.as_of = *dataset.info().as_of;
    report.as_of_is_default = true;
  } else {
    report.as_of = dataset.fiscal_year().last_day();
    report.as_of_is_default = true;
  }
  const Ratio grace = policy.Param(kOverdue, "grace_days");
  if (!grace.is_integer() || grace < Ratio(0) || grace > Ratio(3650)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "policy ", policy.name(), ": rule ", AV(kOverdue),
        " parameter grace_days = ", grace.ToExactString(), ": expected an integer from 0 to 3650"));
  }
  report.grace_days = static_cast<int>(grace.numerator());

  const std::span<const RectificationItem> items = dataset.rectifications();
  const std::span<const Evaluation> evaluations = dataset.evaluations();
  // Evaluation rows: one per evaluation with anything, in dataset order, then
  // the unlinked items' row.
  std::vector<std::uint32_t> eval_row(evaluations.size(), kNoIndex);
  std::vector<std::uint32_t> items_of_eval(evaluations.size(), 0);
  bool unlinked = false;
  for (const RectificationItem& item : items) {
    if (item.evaluation_index == kNoIndex) {
      unlinked = true;
    } else {
      ++items_of_eval[item.evaluation_index];
    }
  }
  for (std::uint32_t e = 0; e < evaluations.size(); ++e) {
    const Evaluation& ev = evaluations[e];
    if (ev.problems.empty() && ev.suggestions.empty() && items_of_eval[e] == 0) continue;
    eval_row[e] = static_cast<std::uint32_t>(report.evaluations.size());
    RectificationEvaluationRow row;
    row.evaluation_index = e;
    row.counts.evaluations = 1;
    row.counts.problems = static_cast<std::uint32_t>(ev.problems.size());
    row.counts.suggestions = static_cast<std::uint32_t>(ev.suggestions.size());
    report.evaluations.push_back(std::move(row));
  }
  std::uint32_t unlinked_row = kNoIndex;
  if (unlinked) {
    unlinked_row = static_cast<std::uint32_t>(report.evaluations.size());
    report.evaluations.emplace_back();
  }

  // Per unit, dataset order.
  std::vector<RectificationCounts> unit_counts(dataset.units().size());
  std::vector<bool> unit_used(dataset.units().size(), false);
  for (const RectificationEvaluationRow& row : report.evaluations) {
    if (row.evaluation_index == kNoIndex) continue;
    const Evaluation& ev = evaluations[row.evaluation_index];
    if (ev.unit_index == kNoIndex) continue;
    RectificationCounts& c = unit_counts[ev.unit_index];
    unit_used[ev.unit_index] = true;
    ++c.evaluations;
    c.problems += row.counts.problems;
    c.suggestions += row.counts.suggestions;
  }

  const auto add = [&](std::string_view code, std::uint32_t item, std::uint32_t evaluation) {
    if (!policy.Enabled(code)) return;
    RectificationFinding f;
    f.code = code;
    f.severity = policy.Rule(code).severity;
    f.item = item;
    f.evaluation = evaluation;
    report.findings.push_back(std::move(f));
  };
  for (std::uint32_t i = 0; i < items.size(); ++i) {
    const RectificationItem& item = items[i];
    RectificationItemRow row;
    row.item_index = i;
    if (item.status != RectificationStatus::kDone && item.due.has_value()) {
      const std::int32_t days = report.as_of.day_number() - item.due->day_number();
      if (days > report.grace_days) {
        row.overdue = true;
        row.days_overdue = days;
      }
    }
    const std::uint32_t r =
        item.evaluation_index == kNoIndex ? unlinked_row : eval_row[item.evaluation_index];
    report.evaluations[r].items.push_back(i);
    CountItem(item, row, report.evaluations[r].counts);
    CountItem(item, row, report.total);
    if (item.unit_index != kNoIndex) {
      CountItem(item, row, unit_counts[item.unit_index]);
      unit_used[item.unit_index] = true;
    }
    report.items.push_back(row);
    if (row.overdue) add(kOverdue, i, item.evaluation_index);
    if (item.owner.empty()) add(kNoOwner, i, item.evaluation_index);
    if (!item.due.has_value()) add(kNoDue, i, item.evaluation_index);
  }
  for (const RectificationEvaluationRow& row : report.evaluations) {
    if (row.evaluation_index == kNoIndex) continue;
    report.total.evaluations += 1;
    report.total.problems += row.counts.problems;
    report.total.suggestions += row.counts.suggestions;
    if (row.counts.items < row.counts.problems) {
      add(kProblemWithoutItem, kNoIndex, row.evaluation_index);
    }
  }
  for (std::uint32_t u = 0; u < unit_counts.size(); ++u) {
    if (!unit_used[u]) continue;
    report.units.push_back({u, unit_counts[u]});
  }
  if (options.messages) {
    for (RectificationFinding& f : report.findings) {
      f.message_zh = ExplainRectificationFinding(report, f, "zh");
      f.message_en = ExplainRectificationFinding(report, f, "en");
    }
  }
  return report;
} catch (const std::bad_alloc&) {
  return OutOfMemory("tracking rectification");
}

std::string ExplainRectificationFinding(const RectificationReport& report,
                                        const RectificationFinding& finding,
                                        std::string_view lang) {
  const RuleSpec* spec = FindRuleSpec(finding.code);
  if (spec == nullptr) return std::string(finding.code);
  const bool en = lang == "en";
  const Dataset& ds = report.dataset;
  std::vector<std::pair<std::string_view, std::string>> v;
  v.emplace_back("as_of", report.as_of.ToString());
  if (finding.item != kNoIndex) {
    const RectificationItem& item = ds.rectifications()[finding.item];
    const RectificationItemRow& row = report.items[finding.item];
    v.emplace_back("id", item.id);
    v.emplace_back("description", item.description);
    v.emplace_back("owner", item.owner);
    v.emplace_back("due", item.due.has_value() ? item.due->ToString() : "");
    v.emplace_back("status",
                   en ? std::string(CodeOf(item.status)) : std::string(ZhLabelOf(item.status)));
    v.emplace_back("days", absl::StrCat(row.days_overdue));
    v.emplace_back("subject", Subject(ds, item.project_index, item.unit_index, en));
  } else if (finding.evaluation != kNoIndex) {
    const Evaluation& ev = ds.evaluations()[finding.evaluation];
    std::uint32_t items = 0;
    for (const RectificationItem& item : ds.rectifications()) {
      items += item.evaluation_index == finding.evaluation;
    }
    v.emplace_back("evaluation", ev.id);
    v.emplace_back("subject", Subject(ds, ev.project_index, ev.unit_index, en));
    v.emplace_back("problems", absl::StrCat(ev.problems.size()));
    v.emplace_back("items", absl::StrCat(items));
  }
  return FillTemplate(en ? spec->message_en : spec->message_zh, v);
}

}  // namespace perfbudget
