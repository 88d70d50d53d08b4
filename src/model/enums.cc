// enums.cc: codes, Chinese labels and parsers of the model's enums.
#include "perfbudget/model/enums.h"

#include <array>
#include <string>

#include "absl/strings/ascii.h"
#include "base/absl_compat.h"
#include "codec/text.h"

namespace perfbudget {
namespace {

// One row per enum value, in numeric order: code, Chinese label, aliases.
struct EnumRow {
  std::string_view code;
  std::string_view zh;
  std::array<std::string_view, 6> aliases;
};

template <std::size_t N>
struct EnumTable {
  std::array<EnumRow, N> rows;
  std::array<std::string_view, N> codes;
};

template <std::size_t N>
constexpr EnumTable<N> MakeTable(std::array<EnumRow, N> rows) {
  EnumTable<N> t{rows, {}};
  for (std::size_t i = 0; i < N; ++i) t.codes[i] = rows[i].code;
  return t;
}

// Strips the optional "指标" suffix used on level-1/level-2 labels.
std::string_view StripSuffix(std::string_view s, std::string_view suffix) {
  if (s.size() > suffix.size() && s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return s;
}

template <typename E, std::size_t N>
std::optional<E> ParseIn(const EnumTable<N>& t, std::string_view s) {
  s = codec::TrimText(s);
  if (s.empty()) return std::nullopt;
  const std::string lower = absl::AsciiStrToLower(AV(s));
  for (std::size_t i = 0; i < N; ++i) {
    const EnumRow& r = t.rows[i];
    if (lower == r.code || s == r.zh) return static_cast<E>(i);
    for (std::string_view a : r.aliases) {
      if (!a.empty() && (lower == a || s == a)) return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

constexpr auto kFundSource = MakeTable<7>({{
    {"general_budget", "一般公共预算", {"一般公共预算资金", "general", "一般预算"}},
    {"government_fund", "政府性基金预算", {"政府性基金", "government_fund_budget"}},
    {"land_transfer", "土地出让收入", {"土地出让金", "国有土地使用权出让收入", "土地出让"}},
    {"state_capital", "国有资本经营预算", {"国有资本经营"}},
    {"transfer", "上级转移支付", {"上级专项转移支付", "转移支付", "上级补助"}},
    {"carry_over", "结转", {"结转资金", "上年结转"}},
    {"other", "其他", {"其他资金"}},
}});
constexpr auto kProjectKind = MakeTable<2>({{
    {"new", "新增", {"新增项目"}},
    {"continuing", "延续", {"延续项目", "续建"}},
}});
constexpr auto kProjectStatus = MakeTable<6>({{
    {"planned", "未开始", {"未启动"}},
    {"in_progress", "实施中", {"执行中", "在建"}},
    {"finished", "已完成", {"完成"}},
    {"terminated", "已终止", {"终止"}},
    {"not_implemented", "未实施", {"不实施"}},
    {"cancelled", "已取消", {"取消"}},
}});
constexpr auto kGoalOwner = MakeTable<2>({{
    {"project", "项目", {"项目绩效目标"}},
    {"unit", "部门整体", {"部门整体绩效目标", "单位整体", "部门"}},
}});
constexpr auto kLevel1 = MakeTable<4>({{
    {"cost", "成本指标", {"成本"}},
    {"output", "产出指标", {"产出"}},
    {"benefit", "效益指标", {"效益"}},
    {"satisfaction", "满意度指标", {"满意度"}},
}});
constexpr auto kLevel2 = MakeTable<12>({{
    {"economic_cost", "经济成本指标", {"经济成本"}},
    {"social_cost", "社会成本指标", {"社会成本"}},
    {"environmental_cost", "生态环境成本指标", {"生态环境成本"}},
    {"quantity", "数量指标", {"数量"}},
    {"quality", "质量指标", {"质量"}},
    {"timeliness", "时效指标", {"时效"}},
    {"output_cost", "成本指标", {"成本"}},
    {"economic_benefit", "经济效益指标", {"经济效益"}},
    {"social_benefit", "社会效益指标", {"社会效益"}},
    {"ecological_benefit", "生态效益指标", {"生态效益"}},
    {"sustainability", "可持续影响指标", {"可持续影响"}},
    {"beneficiary_satisfaction", "服务对象满意度指标", {"服务对象满意度", "满意度指标", "满意度"}},
}});
constexpr auto kComparator = MakeTable<7>({{
    {"ge", "≥", {">=", "≧", "不低于", "大于等于", "不少于"}},
    {"le", "≤", {"<=", "≦", "不高于", "小于等于", "不超过"}},
    {"eq", "=", {"==", "等于", "＝"}},
    {"gt", ">", {"大于", "高于", "＞"}},
    {"lt", "<", {"小于", "低于", "＜"}},
    {"range", "区间", {"between", "范围"}},
    {"qualitative", "定性", {"qual", "定性指标"}},
}});
constexpr auto kValueSource = MakeTable<5>({{
    {"unspecified", "未说明", {""}},
    {"plan", "计划标准", {"计划"}},
    {"industry", "行业标准", {"行业"}},
    {"history", "历史标准", {"历史"}},
    {"other", "其他", {"其他标准"}},
}});
constexpr auto kQualitative = MakeTable<3>({{
    {"achieved", "达成", {"达成年度指标", "已达成", "全部达成", "完成"}},
    {"partly_achieved", "部分达成", {"部分达成年度指标", "基本达成", "部分完成"}},
    {"not_achieved", "未达成", {"未达成年度指标", "未完成"}},
}});
constexpr auto kGrade = MakeTable<4>({{
    {"excellent", "优", {"优秀"}},
    {"good", "良", {"良好"}},
    {"fair", "中", {"中等", "一般"}},
    {"poor", "差", {"较差"}},
}});
constexpr auto kEvaluationKind = MakeTable<3>({{
    {"self", "单位自评", {"自评", "部门自评"}},
    {"fiscal", "财政评价", {"财政重点评价", "财政绩效评价"}},
    {"third_party", "第三方评价", {"第三方", "委托第三方评价"}},
}});
constexpr auto kRectification = MakeTable<3>({{
    {"open", "未整改", {"待整改"}},
    {"in_progress", "整改中", {"正在整改"}},
    {"done", "已整改", {"整改完成", "已完成"}},
}});

template <std::size_t N, typename E>
std::string_view Code(const EnumTable<N>& t, E v) {
  const auto i = static_cast<std::size_t>(v);
  return i < N ? t.rows[i].code : std::string_view("?");
}
template <std::size_t N, typename E>
std::string_view Zh(const EnumTable<N>& t, E v) {
  const auto i = static_cast<std::size_t>(v);
  return i < N ? t.rows[i].zh : std::string_view("?");
}

}  // namespace

// NOLINTBEGIN(bugprone-macro-parentheses): `table` is an object, `Type` a type name
#define PFB_ENUM_FUNCS(Type, table, Parser)                                          \
  std::string_view CodeOf(Type v) { return Code(table, v); }                         \
  std::string_view ZhLabelOf(Type v) { return Zh(table, v); }                        \
  std::optional<Type> Parser(std::string_view s) { return ParseIn<Type>(table, s); } \
  std::span<const std::string_view> AllCodes(Type) {                                 \
    return {table.codes.data(), table.codes.size()};                                 \
  }
// NOLINTEND(bugprone-macro-parentheses)

PFB_ENUM_FUNCS(FundSource, kFundSource, ParseFundSource)
PFB_ENUM_FUNCS(ProjectKind, kProjectKind, ParseProjectKind)
PFB_ENUM_FUNCS(ProjectStatus, kProjectStatus, ParseProjectStatus)
PFB_ENUM_FUNCS(GoalOwner, kGoalOwner, ParseGoalOwner)
PFB_ENUM_FUNCS(IndicatorLevel1, kLevel1, ParseIndicatorLevel1Raw)
PFB_ENUM_FUNCS(IndicatorLevel2, kLevel2, ParseIndicatorLevel2Raw)
PFB_ENUM_FUNCS(Comparator, kComparator, ParseComparator)
PFB_ENUM_FUNCS(ValueSource, kValueSource, ParseValueSource)
PFB_ENUM_FUNCS(QualitativeGrade, kQualitative, ParseQualitativeGrade)
PFB_ENUM_FUNCS(Grade, kGrade, ParseGrade)
PFB_ENUM_FUNCS(EvaluationKind, kEvaluationKind, ParseEvaluationKind)
PFB_ENUM_FUNCS(RectificationStatus, kRectification, ParseRectificationStatus)
#undef PFB_ENUM_FUNCS

std::optional<IndicatorLevel1> ParseIndicatorLevel1(std::string_view s) {
  if (auto v = ParseIndicatorLevel1Raw(s)) return v;
  return ParseIndicatorLevel1Raw(StripSuffix(s, "指标"));
}

// "成本指标" alone is ambiguous at level 2: the older forms' 产出/成本 is
// kOutputCost; the three 101号 cost kinds have their own names. The table
// order makes "成本" / "成本指标" resolve to kOutputCost.
std::optional<IndicatorLevel2> ParseIndicatorLevel2(std::string_view s) {
  if (auto v = ParseIndicatorLevel2Raw(s)) return v;
  return ParseIndicatorLevel2Raw(StripSuffix(s, "指标"));
}

IndicatorLevel1 NaturalLevel1Of(IndicatorLevel2 v) {
  switch (v) {
    case IndicatorLevel2::kEconomicCost:
    case IndicatorLevel2::kSocialCost:
    case IndicatorLevel2::kEnvironmentalCost:
      return IndicatorLevel1::kCost;
    case IndicatorLevel2::kQuantity:
    case IndicatorLevel2::kQuality:
    case IndicatorLevel2::kTimeliness:
    case IndicatorLevel2::kOutputCost:
      return IndicatorLevel1::kOutput;
    case IndicatorLevel2::kEconomicBenefit:
    case IndicatorLevel2::kSocialBenefit:
    case IndicatorLevel2::kEcologicalBenefit:
    case IndicatorLevel2::kSustainability:
      return IndicatorLevel1::kBenefit;
    case IndicatorLevel2::kBeneficiarySatisfaction:
      return IndicatorLevel1::kSatisfaction;
  }
  return IndicatorLevel1::kOutput;
}

}  // namespace perfbudget
