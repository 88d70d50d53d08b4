// review_test_util.h: record builders shared by the goal-review tests.
#ifndef PERFBUDGET_SRC_REVIEW_REVIEW_TEST_UTIL_H_
#define PERFBUDGET_SRC_REVIEW_REVIEW_TEST_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "perfbudget/model/entities.h"
#include "perfbudget/money/ratio.h"

namespace perfbudget::review_test {

inline Ratio R(std::string_view s) { return *Ratio::ParseDecimal(s); }

// An indicator whose id is its name.
inline Indicator Ind(IndicatorLevel1 l1, IndicatorLevel2 l2, std::string name, Comparator c,
                     std::string target_text, std::optional<Ratio> target, std::string unit,
                     std::optional<Ratio> weight = std::nullopt) {
  Indicator i;
  i.id = name;
  i.level1 = l1;
  i.level2 = l2;
  i.name = std::move(name);
  i.comparator = c;
  i.target_text = std::move(target_text);
  i.target = target;
  i.unit_of_measure = std::move(unit);
  i.weight = weight;
  return i;
}

}  // namespace perfbudget::review_test

#endif  // PERFBUDGET_SRC_REVIEW_REVIEW_TEST_UTIL_H_
