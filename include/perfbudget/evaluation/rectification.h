// rectification.h: follow-up of evaluation findings (整改, DOMAIN.md §7, seed
// figure F25 "提出问题22个 … 意见建议16条 … 现正督促各责任单位抓好整改落实").
//
// TrackRectification() lists, per evaluation, its problems and suggestions and
// the rectification items that follow them up (open / in progress / done),
// and, as of a date, flags:
//   rectification.overdue               an item not done whose due date is more
//                                       than grace_days before the as-of date;
//   rectification.no_owner              an item without an owner (责任人);
//   rectification.no_due_date           an item without a due date (整改期限);
//   rectification.problem_without_item  an evaluation with more problems than
//                                       rectification items linked to it.
// Counts per evaluation, per unit (the item's unit; an evaluation's unit for
// its problems and suggestions) and in total. Every evaluation kind is
// included (self-evaluations may record problems too); an evaluation with no
// problem, no suggestion and no item is left out. Items not linked to an
// evaluation are counted under no evaluation.
#ifndef PERFBUDGET_EVALUATION_RECTIFICATION_H_
#define PERFBUDGET_EVALUATION_RECTIFICATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget {

struct RectificationOptions {
  // The date overdue items are counted as of; default: the dataset's as_of,
  // else the last day of its fiscal year. Any date (items run past the year).
  std::optional<Date> as_of;
  bool messages = true;
};

// Counts of problems, suggestions and items.
struct RectificationCounts {
  std::uint32_t evaluations = 0;  // with a problem, a suggestion or an item
  std::uint32_t problems = 0;
  std::uint32_t suggestions = 0;
  std::uint32_t items = 0;
  std::uint32_t open = 0;
  std::uint32_t in_progress = 0;
  std::uint32_t done = 0;
  std::uint32_t overdue = 0;
  std::uint32_t no_owner = 0;
  std::uint32_t no_due_date = 0;
};

struct RectificationItemRow {
  std::uint32_t item_index = 0;  // into dataset.rectifications()
  bool overdue = false;
  std::int32_t days_overdue = 0;  // as_of − due, when overdue
};

struct RectificationEvaluationRow {
  std::uint32_t evaluation_index = kNoIndex;  // kNoIndex: items linked to no evaluation
  std::vector<std::uint32_t> items;           // rows (RectificationReport::items)
  RectificationCounts counts;                 // evaluations = 1
};

struct RectificationUnitRow {
  std::uint32_t unit_index = kNoIndex;
  RectificationCounts counts;
};

struct RectificationFinding {
  std::string_view code;  // "rectification.overdue" (static storage)
  Severity severity = Severity::kWarning;
  std::uint32_t item = kNoIndex;        // row in RectificationReport::items
  std::uint32_t evaluation = kNoIndex;  // dataset evaluation index (problem_without_item)
  std::string message_zh;
  std::string message_en;
};

struct RectificationReport {
  Dataset dataset;
  Date as_of;
  bool as_of_is_default = false;
  int grace_days = 0;
  std::vector<RectificationItemRow> items;              // dataset order
  std::vector<RectificationEvaluationRow> evaluations;  // dataset order; unlinked last
  std::vector<RectificationUnitRow> units;              // units with anything, dataset order
  RectificationCounts total;
  std::vector<RectificationFinding> findings;  // by item, then evaluation
};

// Errors: InvalidArgument for a grace_days parameter that is not an integer
// 0..3650.
absl::StatusOr<RectificationReport> TrackRectification(const Dataset& dataset, const Policy& policy,
                                                       const RectificationOptions& options = {});

// A finding's message in "zh" or "en".
std::string ExplainRectificationFinding(const RectificationReport& report,
                                        const RectificationFinding& finding,
                                        std::string_view lang = "zh");

}  // namespace perfbudget

#endif  // PERFBUDGET_EVALUATION_RECTIFICATION_H_
