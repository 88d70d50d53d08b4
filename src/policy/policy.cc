// policy.cc: Policy's accessors, grading, and the Severity vocabulary.
#include "perfbudget/policy/policy.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace perfbudget {

std::string_view CodeOf(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
    case Severity::kBlocker:
      return "blocker";
  }
  return "unknown";
}

std::string_view ZhLabelOf(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "提示";
    case Severity::kWarning:
      return "警告";
    case Severity::kError:
      return "错误";
    case Severity::kBlocker:
      return "阻断";
  }
  return "未知";
}

std::optional<Severity> ParseSeverity(std::string_view s) {
  if (s == "info" || s == "提示") return Severity::kInfo;
  if (s == "warning" || s == "warn" || s == "警告") return Severity::kWarning;
  if (s == "error" || s == "错误") return Severity::kError;
  if (s == "blocker" || s == "block" || s == "阻断") return Severity::kBlocker;
  return std::nullopt;
}

const RuleSetting& Policy::Rule(std::string_view code) const {
  // A constant: the setting of a rule the policy does not know.
  static const RuleSetting kDisabled = [] {
    RuleSetting r;
    r.enabled = false;
    return r;
  }();
  auto it = rules_.find(code);
  return it == rules_.end() ? kDisabled : it->second;
}

void Policy::set_review_library(ReviewLibrary v) {
  auto lib = std::make_shared<const ReviewLibrary>(std::move(v));
  review_library_index_ = CompileReviewLibraryIndex(*lib);
  review_library_ = std::move(lib);
}

Ratio Policy::Param(std::string_view code, std::string_view param, Ratio fallback) const {
  auto it = rules_.find(code);
  if (it == rules_.end()) return fallback;
  auto p = it->second.params.find(param);
  return p == it->second.params.end() ? fallback : p->second;
}

Grade Policy::GradeOf(const Ratio& score) const {
  // Bands are best first; the first band whose minimum the score reaches wins.
  for (const GradeBand& band : grade_bands_) {
    if (score >= band.min) return band.grade;
  }
  return Grade::kPoor;
}

RuleSetting& Policy::MutableRule(std::string_view code) {
  auto it = rules_.find(code);
  if (it != rules_.end()) return it->second;
  return rules_.try_emplace(std::string(code)).first->second;
}

std::string_view CodeOf(ResultAction a) {
  switch (a) {
    case ResultAction::kPriority:
      return "priority";
    case ResultAction::kKeep:
      return "keep";
    case ResultAction::kCut:
      return "cut";
    case ResultAction::kCancel:
      return "cancel";
    case ResultAction::kMerge:
      return "merge";
  }
  return "unknown";
}

std::string_view ZhLabelOf(ResultAction a) {
  switch (a) {
    case ResultAction::kPriority:
      return "优先保障";
    case ResultAction::kKeep:
      return "保持";
    case ResultAction::kCut:
      return "压减";
    case ResultAction::kCancel:
      return "取消";
    case ResultAction::kMerge:
      return "优化整合";
  }
  return "未知";
}

std::optional<ResultAction> ParseResultAction(std::string_view s) {
  if (s == "priority" || s == "优先保障") return ResultAction::kPriority;
  if (s == "keep" || s == "保持") return ResultAction::kKeep;
  if (s == "cut" || s == "压减") return ResultAction::kCut;
  if (s == "cancel" || s == "取消") return ResultAction::kCancel;
  if (s == "merge" || s == "优化整合") return ResultAction::kMerge;
  return std::nullopt;
}

}  // namespace perfbudget
