// review_library.h: the goal review's policy data beyond rule settings:
// grading caps by severity, the term vocabularies that decide relevance, the
// scale units normalised before comparing, and the core indicator library
// (核心绩效指标体系) per project category with reference unit costs.
//
// All of it is data: DefaultReviewLibrary() is the starter set shipped with
// the library (src/review/review_library_data.cc); a profile extends it
// (docs/policy.md, "review_library" and "grading"). Nothing here is a global:
// a Policy holds its own (shared, immutable) copy.
#ifndef PERFBUDGET_POLICY_REVIEW_LIBRARY_H_
#define PERFBUDGET_POLICY_REVIEW_LIBRARY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perfbudget/model/enums.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget {

enum class Severity : std::uint8_t;

// Any finding of `severity` (or worse) caps the goal's grade at `max_grade`;
// the score is capped to match (the top of that grade's band, see
// ReviewGrading::CapScore), so score, grade and consequence agree.
struct SeverityCap {
  Severity severity;
  Grade max_grade = Grade::kFair;
};

struct ReviewGrading {
  // Default: an error caps at 中 (revise and resubmit, 修改后重报); a blocker at
  // 差 (may not proceed). Filled by DefaultReviewLibrary's companion
  // DefaultReviewGrading().
  std::vector<SeverityCap> caps;
};
ReviewGrading DefaultReviewGrading();

// A domain vocabulary (领域词表): terms that belong together — synonyms and
// closely related words (灌溉 / 灌排 / 节水; 补贴 / 套补骗补; 疫苗 / 冷链).
// When the project's name, category or goal text contains one term of a
// domain, an indicator naming any term of it is related to the project. An
// indicator naming terms only of domains the project does not touch is
// positive evidence of unrelatedness.
struct TermDomain {
  std::string id;        // "irrigation"
  std::string label_zh;  // "农田水利"
  std::string label_en;  // "irrigation and drainage"
  std::vector<std::string> terms;
};

// A unit of measure that is a multiple of a base unit: 万亩 = 10,000 亩.
struct UnitScale {
  std::string unit;  // "万亩"
  std::string base;  // "亩"
  Ratio factor;      // 10000
};

// One standard indicator of a category (核心指标).
struct CoreIndicator {
  std::string name;                   // "道路养护里程"
  std::vector<std::string> synonyms;  // "养护道路里程", "养护里程"
  IndicatorLevel1 level1 = IndicatorLevel1::kOutput;
  IndicatorLevel2 level2 = IndicatorLevel2::kQuantity;
  std::string unit;  // "公里" ("" = dimensionless)
  Comparator comparator = Comparator::kGe;
  // Typical target range (行业/历史标准), in `unit`; absent = none.
  std::optional<Ratio> low;
  std::optional<Ratio> high;
  // A goal of the category without it (nor a synonym) draws
  // `completeness.missing_core_indicator`.
  bool required = false;
};

// A reference unit cost: yuan per one `quantity_unit` of output, by the
// category's typical quantity indicator (e.g. 道路养护 8,000–60,000 元/公里).
struct UnitCostReference {
  std::string quantity_unit;  // normalised by UnitScale before comparing
  Ratio low_yuan;             // yuan per quantity unit
  Ratio high_yuan;
  std::string basis;  // where the range comes from (shown in messages)
  // The core indicator (name) whose quantity it prices; "" = any quantity
  // indicator in `quantity_unit`.
  std::string indicator;
};

struct CategoryLibrary {
  std::string category;              // "市政管护"
  std::vector<std::string> aliases;  // other category names mapped here
  std::vector<std::string> domains;  // TermDomain ids the category brings in
  std::vector<CoreIndicator> indicators;
  std::vector<UnitCostReference> unit_costs;
};

struct ReviewLibrary {
  std::vector<TermDomain> domains;
  // Words so common in goals that sharing them says little (学校, 建设, 项目):
  // their character bigrams do not count as shared content.
  std::vector<std::string> common_terms;
  // Indicator names ending so are dimensionless (系数 0.55): no unit needed.
  std::vector<std::string> dimensionless_suffixes;
  std::vector<UnitScale> unit_scales;
  std::vector<CategoryLibrary> categories;

  // The category entry for a project category (by name or alias); nullptr.
  const CategoryLibrary* FindCategory(std::string_view category) const;
  const TermDomain* FindDomain(std::string_view id) const;
};

// The starter set: domains, common terms, scale units and core indicators
// for the seed's categories (市政管护, 园林绿化, 乡村振兴, 环境保护, 产业发展,
// 食品药品安全监管, 稳岗补贴, 高标准农田, 疾控, 农机补贴, ...).
ReviewLibrary DefaultReviewLibrary();

// A unit of measure in its base unit: {base, factor} ("万亩" → {"亩", 10000};
// "公里" → {"米", 1000}; anything else → {unit, 1}). Uses `scales`, then the
// prefixes 万 (10^4) and 亿 (10^8) before a unit the table or text knows.
struct NormalizedUnit {
  std::string base;
  Ratio factor;
};
NormalizedUnit NormalizeUnit(std::string_view unit, const std::vector<UnitScale>& scales);

// The library compiled for the goal-review engine (bigram sets, term index,
// categories by name): an internal type (src/review/review_library_index.h)
// that a Policy builds once when its library is set and shares, immutable,
// with its copies (Policy::review_library_index()).
struct ReviewLibraryIndex;
std::shared_ptr<const ReviewLibraryIndex> CompileReviewLibraryIndex(const ReviewLibrary& lib);

}  // namespace perfbudget

#endif  // PERFBUDGET_POLICY_REVIEW_LIBRARY_H_
