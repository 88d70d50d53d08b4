// synth.cc: the deterministic synthetic dataset generator.
#include "perfbudget/synth/synth.h"

#include <algorithm>
#include <array>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "perfbudget/calendar/fiscal_calendar.h"

namespace perfbudget {
namespace {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and its output is fixed by
// the algorithm, not by a standard library.
__extension__ typedef unsigned __int128 Uint128;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (n > 0), by the multiply-high method.
  std::int64_t Below(std::int64_t n) {
    const Uint128 m = static_cast<Uint128>(Next()) * static_cast<std::uint64_t>(n);
    return static_cast<std::int64_t>(m >> 64);
  }
  // Uniform in [lo, hi].
  std::int64_t Between(std::int64_t lo, std::int64_t hi) { return lo + Below(hi - lo + 1); }
  // True with probability percent / 100.
  bool Chance(int percent) { return Below(100) < percent; }
  template <typename T, std::size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(Below(static_cast<std::int64_t>(N)))];
  }

 private:
  std::uint64_t state_;
};

// ---- word tables ------------------------------------------------------------

constexpr std::array<const char*, 30> kDepartments = {"财政局",           "教育局",
                                                      "交通运输局",       "卫生健康委员会",
                                                      "自然资源和规划局", "住房和城乡建设局",
                                                      "农业农村局",       "水利局",
                                                      "民政局",           "人力资源和社会保障局",
                                                      "生态环境局",       "文化和旅游局",
                                                      "市场监督管理局",   "应急管理局",
                                                      "城市管理局",       "科学技术局",
                                                      "商务局",           "统计局",
                                                      "审计局",           "体育局",
                                                      "退役军人事务局",   "医疗保障局",
                                                      "林业局",           "公安局",
                                                      "司法局",           "发展和改革委员会",
                                                      "经济和信息化局",   "数据资源管理局",
                                                      "机关事务管理中心", "政务服务管理局"};

constexpr std::array<const char*, 20> kAreas = {
    "东城区",   "西城区", "南湖区", "北山区", "高新区", "经开区", "临港新区",
    "滨江区",   "青山县", "白水县", "清河县", "长林县", "新安镇", "石桥镇",
    "凤凰山区", "云溪县", "大河镇", "柳林县", "龙泉区", "杏花区"};

constexpr std::array<const char*, 12> kPlaces = {"城东片区", "老城区",   "工业园区", "滨河新区",
                                                 "高铁站区", "南部片区", "北部山区", "中心城区",
                                                 "沿江片区", "开发区",   "农村地区", "城西片区"};

struct ProjectObject {
  const char* object;    // 主干道
  const char* category;  // 市政管护
  const char* quantity;  // 维修道路长度
  const char* measure;   // 公里
  int lo, hi;            // quantity target range
};

constexpr std::array<ProjectObject, 14> kObjects = {{
    {"主干道", "市政管护", "维修道路长度", "公里", 2, 40},
    {"背街小巷", "市政管护", "改造巷道数量", "条", 5, 80},
    {"排水管网", "市政管护", "新建管网长度", "公里", 1, 25},
    {"老旧小区", "城市更新", "改造小区数量", "个", 3, 60},
    {"中小学校舍", "教育", "改造校舍面积", "平方米", 1000, 50000},
    {"农村供水工程", "农业农村", "新建供水工程", "处", 2, 40},
    {"公共绿地", "生态环保", "新增绿化面积", "平方米", 5000, 200000},
    {"社区卫生服务中心", "卫生健康", "建设标准化中心数量", "个", 1, 12},
    {"农田水利设施", "农业农村", "新增灌溉面积", "亩", 500, 20000},
    {"公共文化场馆", "文化旅游", "开放场馆数量", "个", 1, 10},
    {"智慧城管平台", "信息化", "接入监控点位", "个", 50, 3000},
    {"安全生产检查", "应急管理", "检查企业数量", "家", 50, 2000},
    {"就业技能培训", "人力社保", "培训人次", "人次", 200, 10000},
    {"养老服务设施", "民政", "新增养老床位", "张", 20, 800},
}};

constexpr std::array<const char*, 6> kActions = {"维修改造", "新建",     "提升",
                                                 "运营维护", "专项整治", "建设"};

constexpr std::array<const char*, 6> kBenefitPhrases = {
    "改善群众生产生活条件", "提升公共服务水平",   "保障城市安全运行",
    "改善区域生态环境",     "促进产业发展和就业", "增强群众获得感和满意度"};

constexpr std::array<const char*, 4> kAdjustReasons = {"项目实施内容调整", "追加年度预算",
                                                       "压减一般性支出", "政策变化调减"};

// ---- helpers ----------------------------------------------------------------

int Digits(std::int64_t n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

std::string Id(const char* prefix, std::int64_t n, int width) {
  return absl::StrFormat("%s%0*d", prefix, width, n);
}

// Money from hundredths of 万元 (1 = 100 yuan = 10,000 fen).
Money FromHundredthWan(std::int64_t hw) { return Money::FromFen(hw * 10000); }

// Text of a non-negative integer Ratio or an exact decimal.
std::string Num(const Ratio& r) { return r.ToShortString(6); }

const char* Symbol(Comparator c) {
  switch (c) {
    case Comparator::kGe:
      return "≥";
    case Comparator::kLe:
      return "≤";
    case Comparator::kEq:
      return "=";
    case Comparator::kGt:
      return ">";
    case Comparator::kLt:
      return "<";
    default:
      return "";
  }
}

Indicator Quant(IndicatorLevel1 l1, IndicatorLevel2 l2, const char* name, Comparator c,
                Ratio target, const char* measure) {
  Indicator ind;
  ind.level1 = l1;
  ind.level2 = l2;
  ind.name = name;
  ind.comparator = c;
  ind.target = target;
  ind.unit_of_measure = measure;
  ind.target_text = absl::StrCat(Symbol(c), Num(target), measure);
  return ind;
}

Indicator Qual(IndicatorLevel1 l1, IndicatorLevel2 l2, const char* name, const char* text) {
  Indicator ind;
  ind.level1 = l1;
  ind.level2 = l2;
  ind.name = name;
  ind.comparator = Comparator::kQualitative;
  ind.target_text = text;
  return ind;
}

// The level-2 kinds a project goal's indicators take, in order; beyond the
// list, kinds are drawn at random.
constexpr std::array<IndicatorLevel2, 10> kSlotKinds = {
    IndicatorLevel2::kQuantity,        IndicatorLevel2::kBeneficiarySatisfaction,
    IndicatorLevel2::kSocialBenefit,   IndicatorLevel2::kQuality,
    IndicatorLevel2::kTimeliness,      IndicatorLevel2::kEconomicCost,
    IndicatorLevel2::kEconomicBenefit, IndicatorLevel2::kEcologicalBenefit,
    IndicatorLevel2::kSustainability,  IndicatorLevel2::kSocialCost};

constexpr std::array<IndicatorLevel2, 12> kAllKinds = {
    IndicatorLevel2::kEconomicCost,      IndicatorLevel2::kSocialCost,
    IndicatorLevel2::kEnvironmentalCost, IndicatorLevel2::kQuantity,
    IndicatorLevel2::kQuality,           IndicatorLevel2::kTimeliness,
    IndicatorLevel2::kOutputCost,        IndicatorLevel2::kEconomicBenefit,
    IndicatorLevel2::kSocialBenefit,     IndicatorLevel2::kEcologicalBenefit,
    IndicatorLevel2::kSustainability,    IndicatorLevel2::kBeneficiarySatisfaction};

// One project indicator of kind `l2`.
Indicator MakeIndicator(Rng& rng, IndicatorLevel2 l2, const ProjectObject& obj,
                        std::int64_t approved_hw) {
  const IndicatorLevel1 l1 = NaturalLevel1Of(l2);
  switch (l2) {
    case IndicatorLevel2::kQuantity: {
      Indicator ind = Quant(l1, l2, obj.quantity, Comparator::kGe,
                            Ratio(rng.Between(obj.lo, obj.hi)), obj.measure);
      return ind;
    }
    case IndicatorLevel2::kQuality:
      switch (rng.Below(3)) {
        case 0:
          return Quant(l1, l2, "验收合格率", Comparator::kGe, Ratio(rng.Between(95, 100)), "%");
        case 1:
          return Quant(l1, l2, "工程质量达标率", Comparator::kEq, Ratio(100), "%");
        default:
          return Quant(l1, l2, "设备完好率", Comparator::kGt, Ratio(rng.Between(90, 98)), "%");
      }
    case IndicatorLevel2::kTimeliness:
      if (rng.Chance(50)) return Quant(l1, l2, "按期完成率", Comparator::kGe, Ratio(100), "%");
      return Quant(l1, l2, "项目完成时限", Comparator::kLe, Ratio(rng.Between(9, 12)), "月");
    case IndicatorLevel2::kEconomicCost:
    case IndicatorLevel2::kOutputCost:
      // The cost ceiling: the approved amount in 万元, exactly.
      return Quant(l1, l2, "项目总成本", Comparator::kLe, Ratio(approved_hw, 100), "万元");
    case IndicatorLevel2::kSocialCost:
      return Qual(l1, l2, "对周边群众生活的影响", "影响可控");
    case IndicatorLevel2::kEnvironmentalCost:
      return Qual(l1, l2, "施工扬尘噪声污染", "符合环保要求");
    case IndicatorLevel2::kEconomicBenefit:
      if (rng.Chance(50)) {
        return Quant(l1, l2, "带动就业人数", Comparator::kGe, Ratio(rng.Between(10, 500)), "人");
      }
      return Quant(l1, l2, "年节约运行成本", Comparator::kGe, Ratio(rng.Between(5, 200)), "万元");
    case IndicatorLevel2::kSocialBenefit:
      switch (rng.Below(3)) {
        case 0:
          return Qual(l1, l2, "群众生产生活条件", "明显改善");
        case 1:
          return Qual(l1, l2, "公共服务水平", "有效提升");
        default:
          return Quant(l1, l2, "安全事故发生次数", Comparator::kLt, Ratio(rng.Between(1, 3)), "次");
      }
    case IndicatorLevel2::kEcologicalBenefit:
      if (rng.Chance(50)) {
        const std::int64_t lo = rng.Between(30, 40);
        Indicator ind = Quant(l1, l2, "绿化覆盖率", Comparator::kRange, Ratio(lo), "%");
        ind.target_high = Ratio(lo + 10);
        ind.target_text = absl::StrCat("[", lo, ", ", lo + 10, "]");
        return ind;
      }
      return Quant(l1, l2, "污水集中处理率", Comparator::kGe, Ratio(rng.Between(85, 98)), "%");
    case IndicatorLevel2::kSustainability:
      if (rng.Chance(50)) return Qual(l1, l2, "长效管护机制", "建立健全");
      return Quant(l1, l2, "设施持续发挥效益年限", Comparator::kGe, Ratio(rng.Between(5, 20)),
                   "年");
    case IndicatorLevel2::kBeneficiarySatisfaction:
      return Quant(l1, l2, "服务对象满意度", Comparator::kGe, Ratio(rng.Between(85, 95)), "%");
  }
  return Qual(l1, l2, "其他指标", "达成年度指标");
}

// Points of a level-1 block (self-evaluation defaults: output 50 with cost,
// benefit 30, satisfaction 10; execution rate's 10 is not an indicator).
int BlockOf(IndicatorLevel1 l1) {
  switch (l1) {
    case IndicatorLevel1::kCost:
    case IndicatorLevel1::kOutput:
      return 0;
    case IndicatorLevel1::kBenefit:
      return 1;
    case IndicatorLevel1::kSatisfaction:
      return 2;
  }
  return 0;
}

// Integer weights summing to 90 over the blocks present.
void AssignWeights(std::vector<Indicator>& inds) {
  constexpr std::array<int, 3> kBase = {50, 30, 10};
  std::array<int, 3> count{};
  for (const Indicator& ind : inds) ++count[BlockOf(ind.level1)];
  int base_total = 0;
  for (int b = 0; b < 3; ++b) {
    if (count[b] > 0) base_total += kBase[b];
  }
  if (base_total == 0) return;
  std::array<int, 3> points{};
  int given = 0;
  int first_block = -1;
  for (int b = 0; b < 3; ++b) {
    if (count[b] == 0) continue;
    if (first_block < 0) first_block = b;
    points[b] = 90 * kBase[b] / base_total;
    given += points[b];
  }
  points[first_block] += 90 - given;
  std::array<int, 3> seen{};
  for (Indicator& ind : inds) {
    const int b = BlockOf(ind.level1);
    int w = points[b] / count[b];
    if (seen[b] == 0) w += points[b] % count[b];
    ++seen[b];
    ind.weight = Ratio(w);
  }
}

struct SourceShare {
  FundSource source;
  int percent;
};
constexpr std::array<SourceShare, 7> kSources = {{{FundSource::kGeneralBudget, 55},
                                                  {FundSource::kTransfer, 15},
                                                  {FundSource::kLandTransfer, 12},
                                                  {FundSource::kGovernmentFund, 8},
                                                  {FundSource::kCarryOver, 5},
                                                  {FundSource::kStateCapital, 3},
                                                  {FundSource::kOther, 2}}};

FundSource DrawSource(Rng& rng) {
  std::int64_t r = rng.Below(100);
  for (const SourceShare& s : kSources) {
    if (r < s.percent) return s.source;
    r -= s.percent;
  }
  return FundSource::kGeneralBudget;
}

// Approved amount in hundredths of 万元.
std::int64_t DrawApproved(Rng& rng) {
  const std::int64_t bucket = rng.Below(100);
  std::int64_t lo_wan, hi_wan;
  if (bucket < 40) {
    lo_wan = 10, hi_wan = 100;
  } else if (bucket < 80) {
    lo_wan = 100, hi_wan = 1000;
  } else if (bucket < 95) {
    lo_wan = 1000, hi_wan = 5000;
  } else {
    lo_wan = 5000, hi_wan = 20000;
  }
  std::int64_t hw = rng.Between(lo_wan * 100, hi_wan * 100);
  if (rng.Chance(50)) hw = hw / 100 * 100;  // a round number of 万元
  if (hw <= 0) hw = 100;
  return hw;
}

// A random day within fiscal months [m1, m2].
Date DayInMonths(Rng& rng, const FiscalYear& fy, int m1, int m2) {
  const Date first = m1 == 1 ? fy.first_day() : fy.EndOfFiscalMonth(m1 - 1).PlusDays(1);
  const Date last = fy.EndOfFiscalMonth(m2);
  const std::int32_t span = last.day_number() - first.day_number() + 1;
  return first.PlusDays(static_cast<std::int32_t>(rng.Below(span)));
}

absl::Status Check(bool ok, std::string_view what) {
  return ok ? absl::OkStatus() : absl::InvalidArgumentError(absl::StrCat("synth: ", AV(what)));
}

}  // namespace

absl::StatusOr<Dataset> Synthesize(const SynthOptions& o) try {
  for (const absl::Status& st : {
           Check(o.units >= 1 && o.units <= 100000, "units must be 1..100000"),
           Check(o.projects >= 0 && o.projects <= 10000000, "projects must be 0..10000000"),
           Check(o.indicators_per_goal >= 0 && o.indicators_per_goal <= 50,
                 "indicators per goal must be 0..50"),
           Check(o.disbursements_per_project >= 0 && o.disbursements_per_project <= 1000,
                 "disbursements per project must be 0..1000"),
       }) {
    if (!st.ok()) return st;
  }
  absl::StatusOr<FiscalYear> fy_or = FiscalYear::Create(o.fiscal_year, o.fiscal_year_start_month);
  if (!fy_or.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("synth: ", fy_or.status().message()));
  }
  const FiscalYear fy = *fy_or;
  const int year = o.fiscal_year;
  Rng rng(o.seed);

  DatasetInfo info;
  info.jurisdiction_code = "999900";
  info.jurisdiction_name = "示范市";
  info.fiscal_year = year;
  info.fiscal_year_start_month = o.fiscal_year_start_month;
  info.title = absl::StrCat("合成数据集 synthetic dataset (seed ", o.seed, ")");
  DatasetBuilder builder(info);

  // Units and their overall goals (部门整体绩效目标).
  const int unit_width = std::max(2, Digits(o.units));
  std::vector<std::string> unit_ids;
  unit_ids.reserve(static_cast<std::size_t>(o.units));
  const int nd = static_cast<int>(kDepartments.size());
  const int na = static_cast<int>(kAreas.size());
  for (int u = 0; u < o.units; ++u) {
    Unit unit;
    unit.id = Id("U", u + 1, unit_width);
    const int round = u / nd;
    const char* prefix = round == 0 ? "示范市" : kAreas[static_cast<std::size_t>((round - 1) % na)];
    unit.name = absl::StrCat(prefix, kDepartments[static_cast<std::size_t>(u % nd)]);
    if (round > na) unit.name += absl::StrCat("第", (round - 1) / na + 1, "分局");
    unit_ids.push_back(unit.id);
    if (o.unit_goals) {
      Goal goal;
      goal.id = absl::StrCat("G-", unit.id);
      goal.owner = GoalOwner::kUnit;
      goal.unit_id = unit.id;
      goal.text =
          absl::StrCat(unit.name, "全面履行部门职责，按期完成年度重点工作，提高财政资金使用效益");
      goal.indicators.push_back(Quant(IndicatorLevel1::kOutput, IndicatorLevel2::kQuantity,
                                      "重点工作任务完成数", Comparator::kGe,
                                      Ratio(rng.Between(5, 20)), "项"));
      goal.indicators.push_back(Quant(IndicatorLevel1::kOutput, IndicatorLevel2::kTimeliness,
                                      "预算执行率", Comparator::kGe, Ratio(90), "%"));
      goal.indicators.push_back(Qual(IndicatorLevel1::kBenefit, IndicatorLevel2::kSocialBenefit,
                                     "部门履职成效", "达成年度指标"));
      goal.indicators.push_back(Quant(IndicatorLevel1::kSatisfaction,
                                      IndicatorLevel2::kBeneficiarySatisfaction, "服务对象满意度",
                                      Comparator::kGe, Ratio(90), "%"));
      for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
        goal.indicators[i].id = absl::StrCat(i + 1);
        goal.indicators[i].value_source = ValueSource::kPlan;
      }
      AssignWeights(goal.indicators);
      builder.AddGoal(std::move(goal));
    }
    builder.AddUnit(std::move(unit));
  }

  const int project_width = std::max(4, Digits(o.projects));
  const int voucher_width =
      std::max(6, Digits(static_cast<std::int64_t>(o.projects) * o.disbursements_per_project));
  std::int64_t voucher = 0;
  const Date mid_year = fy.EndOfFiscalMonth(6);
  constexpr std::int64_t kExAnteThresholdHw = std::int64_t{100} * 100;  // 100 万元

  for (int p = 0; p < o.projects; ++p) {
    Project project;
    project.id = Id("P", p + 1, project_width);
    project.unit_id = unit_ids[static_cast<std::size_t>(p < o.units ? p : rng.Below(o.units))];
    const ProjectObject& obj = rng.Pick(kObjects);
    // One draw a statement: the order in which a call's arguments are
    // evaluated is unspecified (GCC and Clang differ), and the names must
    // be the same on every platform. The action is drawn first, as GCC did.
    const auto& action = rng.Pick(kActions);
    const auto& place = rng.Pick(kPlaces);
    project.name = absl::StrCat(place, obj.object, action, "项目");
    project.category = obj.category;
    project.kind = rng.Chance(30) ? ProjectKind::kNew : ProjectKind::kContinuing;
    project.is_key = rng.Chance(15);
    const std::int64_t status_draw = rng.Below(100);
    project.status = status_draw < 3    ? ProjectStatus::kNotImplemented
                     : status_draw < 8  ? ProjectStatus::kPlanned
                     : status_draw < 18 ? ProjectStatus::kFinished
                     : status_draw < 19 ? ProjectStatus::kTerminated
                                        : ProjectStatus::kInProgress;
    project.start_year =
        project.kind == ProjectKind::kNew ? year : year - static_cast<int>(rng.Between(1, 4));
    const std::int64_t approved_hw = DrawApproved(rng);
    const std::int64_t requested_hw = approved_hw * rng.Between(100, 125) / 100;
    project.requested = FromHundredthWan(requested_hw);

    // Fund lines: one source, or two (the first takes 60–90%).
    FundLine first;
    first.source = DrawSource(rng);
    if (first.source == FundSource::kCarryOver) first.origin_year = year - 1;
    std::int64_t first_hw = approved_hw;
    if (approved_hw >= 200 && rng.Chance(25)) {
      FundSource second_source = DrawSource(rng);
      if (second_source != first.source) {
        first_hw = approved_hw * rng.Between(60, 90) / 100;
        FundLine second;
        second.source = second_source;
        if (second.source == FundSource::kCarryOver) second.origin_year = year - 1;
        second.approved = FromHundredthWan(approved_hw - first_hw);
        first.approved = FromHundredthWan(first_hw);
        project.funds.push_back(first);
        project.funds.push_back(second);
      }
    }
    if (project.funds.empty()) {
      first.approved = FromHundredthWan(approved_hw);
      project.funds.push_back(first);
    }

    // Adjustments: not-implemented projects give their money back; a few
    // others are adjusted in the second half of the year.
    if (project.status == ProjectStatus::kNotImplemented) {
      Adjustment adj;
      adj.date = DayInMonths(rng, fy, 9, 9);
      adj.source = first.source;
      adj.amount = Money::FromFen(-FromHundredthWan(first_hw).fen());
      adj.reason = "项目未实施，收回资金";
      project.adjustments.push_back(std::move(adj));
    } else if (project.status == ProjectStatus::kInProgress && rng.Chance(8)) {
      Adjustment adj;
      adj.date = DayInMonths(rng, fy, 7, 11);
      adj.source = first.source;
      const bool cut = rng.Chance(60);
      std::int64_t delta_hw = first_hw * rng.Between(5, cut ? 30 : 20) / 100;
      if (delta_hw == 0) delta_hw = 1;
      adj.amount = FromHundredthWan(cut ? -delta_hw : delta_hw);
      adj.reason =
          (kAdjustReasons[static_cast<std::size_t>(cut ? 2 + rng.Below(2) : rng.Below(2))]);
      project.adjustments.push_back(std::move(adj));
    }

    const bool started = project.status == ProjectStatus::kInProgress ||
                         project.status == ProjectStatus::kFinished ||
                         project.status == ProjectStatus::kTerminated;
    if (o.payment_plans && started && rng.Chance(50)) {
      constexpr std::array<int, 4> kQuarterShare = {10, 25, 30, 35};
      std::int64_t left = approved_hw;
      for (int q = 0; q < 4; ++q) {
        PlannedPayment pay;
        pay.date = fy.EndOfFiscalMonth(3 * (q + 1));
        const std::int64_t part = q == 3 ? left : approved_hw * kQuarterShare[q] / 100;
        left -= part;
        pay.amount = FromHundredthWan(part);
        project.payment_plan.push_back(pay);
      }
    }
    if (project.is_key) {
      project.disclosure.with_budget = true;
      project.disclosure.with_approval = rng.Chance(50);
    }

    // Ex-ante assessment (事前绩效评估) for new projects ≥ 100 万元.
    if (o.ex_ante && project.kind == ProjectKind::kNew && requested_hw >= kExAnteThresholdHw) {
      ExAnteAssessment ea;
      ea.project_id = project.id;
      absl::StatusOr<Date> d = Date::FromYmd(year - 1, 10, static_cast<int>(rng.Between(1, 28)));
      if (d.ok()) ea.date = *d;
      ea.requested = project.requested;
      for (auto& score : ea.scores) score = Ratio(rng.Between(12, 20));
      builder.AddExAnteAssessment(std::move(ea));
    }

    // The project's goal and indicators.
    Goal goal;
    goal.id = absl::StrCat("G-", project.id);
    goal.owner = GoalOwner::kProject;
    goal.project_id = project.id;
    goal.unit_id = project.unit_id;
    goal.text = absl::StrCat("按期完成", project.name, "，", rng.Pick(kBenefitPhrases));
    goal.indicators.reserve(static_cast<std::size_t>(o.indicators_per_goal));
    for (int i = 0; i < o.indicators_per_goal; ++i) {
      const IndicatorLevel2 l2 = i < static_cast<int>(kSlotKinds.size())
                                     ? kSlotKinds[static_cast<std::size_t>(i)]
                                     : rng.Pick(kAllKinds);
      Indicator ind = MakeIndicator(rng, l2, obj, approved_hw);
      ind.id = absl::StrCat(i + 1);
      const std::int64_t vs = rng.Below(10);
      ind.value_source = vs < 6   ? ValueSource::kPlan
                         : vs < 8 ? ValueSource::kHistory
                         : vs < 9 ? ValueSource::kIndustry
                                  : ValueSource::kUnspecified;
      if (ind.comparator == Comparator::kGe && ind.target.has_value() && rng.Chance(30) &&
          ind.unit_of_measure != "%") {
        // Targets here are whole numbers; last year's actual is 70–100% of it.
        const auto target =
            static_cast<std::int64_t>(ind.target->numerator() / ind.target->denominator());
        ind.baseline = Ratio(target * rng.Between(70, 100) / 100);
      }
      if (o.actuals && started && rng.Chance(50)) {
        IndicatorActual actual;
        actual.date = mid_year;
        if (ind.comparator == Comparator::kQualitative) {
          actual.grade =
              rng.Chance(70) ? QualitativeGrade::kPartlyAchieved : QualitativeGrade::kAchieved;
          actual.text = std::string(ZhLabelOf(*actual.grade));
        } else if (ind.target.has_value()) {
          const Ratio value = ind.unit_of_measure == "%"
                                  ? *ind.target - Ratio(rng.Between(0, 10))
                                  : *ind.target * Ratio(rng.Between(30, 90), 100);
          actual.value = value;
          actual.text = Num(value);
        }
        ind.actuals.push_back(std::move(actual));
      }
      goal.indicators.push_back(std::move(ind));
    }
    AssignWeights(goal.indicators);
    builder.AddGoal(std::move(goal));

    // Disbursements: D per started project, spread over the year, summing to
    // a share of the approved amount that depends on the status.
    const int nd_proj = started ? o.disbursements_per_project : 0;
    if (nd_proj > 0) {
      const std::int64_t share = project.status == ProjectStatus::kFinished ? rng.Between(95, 100)
                                 : project.status == ProjectStatus::kTerminated
                                     ? rng.Between(10, 50)
                                     : rng.Between(40, 95);
      // Whole yuan: approved_hw × 100 yuan × share%.
      const std::int64_t total_yuan = approved_hw * share;
      std::vector<std::int64_t> weights(static_cast<std::size_t>(nd_proj));
      std::int64_t weight_sum = 0;
      for (auto& w : weights) {
        w = rng.Between(1, 100);
        weight_sum += w;
      }
      std::vector<Date> dates(static_cast<std::size_t>(nd_proj));
      for (auto& d : dates) d = DayInMonths(rng, fy, 1, 12);
      std::sort(dates.begin(), dates.end());
      std::int64_t left = total_yuan;
      for (int i = 0; i < nd_proj; ++i) {
        const auto idx = static_cast<std::size_t>(i);
        const std::int64_t part =
            i + 1 == nd_proj ? left
                             : static_cast<std::int64_t>(static_cast<int128_t>(total_yuan) *
                                                         weights[idx] / weight_sum);
        left -= part;
        Disbursement d;
        d.id = Id("V", ++voucher, voucher_width);
        d.project_id = project.id;
        d.date = dates[idx];
        d.source = project.funds.size() > 1 && rng.Chance(30) ? project.funds[1].source
                                                              : project.funds[0].source;
        d.amount = Money::FromFen(part * Money::kFenPerYuan);
        builder.AddDisbursement(std::move(d));
      }
    }
    builder.AddProject(std::move(project));
  }

  Diagnostics diagnostics;
  absl::StatusOr<Dataset> dataset = builder.Build(BuildOptions{}, &diagnostics);
  if (!dataset.ok()) {
    std::string detail;
    for (std::size_t i = 0; i < diagnostics.items().size() && i < 3; ++i) {
      absl::StrAppend(&detail, "; ", diagnostics.items()[i].ToString());
    }
    return absl::InternalError(absl::StrCat(
        "synth: generated dataset failed validation: ", dataset.status().message(), detail));
  }
  return dataset;
} catch (const std::bad_alloc&) {
  return OutOfMemory("synthesising a dataset");
}

}  // namespace perfbudget
