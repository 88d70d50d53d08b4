// review_library_data.cc: the starter review library shipped as the
// default (include/perfbudget/policy/review_library.h, docs/policy.md):
// domain vocabularies (领域词表), common terms, scale units, and the core
// indicator library (核心绩效指标体系) for the seed's categories with
// benchmark ranges and reference unit costs ("ours": typical figures of
// local goal forms and cost norms, meant to be replaced by a jurisdiction's
// own through its profile).
#include <string>
#include <string_view>
#include <vector>

#include "perfbudget/policy/policy.h"
#include "perfbudget/policy/review_library.h"

namespace perfbudget {

ReviewGrading DefaultReviewGrading() {
  ReviewGrading g;
  g.caps = {{Severity::kError, Grade::kFair}, {Severity::kBlocker, Grade::kPoor}};
  return g;
}

namespace {

using L1 = IndicatorLevel1;
using L2 = IndicatorLevel2;

std::optional<Ratio> R(std::int64_t v) { return Ratio(v); }
std::optional<Ratio> Rd(std::string_view text) {
  absl::StatusOr<Ratio> r = Ratio::ParseDecimal(text);
  return r.ok() ? std::optional<Ratio>(*r) : std::nullopt;
}
constexpr std::optional<Ratio> kNone = std::nullopt;

CoreIndicator Core(std::string name, std::vector<std::string> synonyms, L1 l1, L2 l2,
                   std::string unit, Comparator cmp, std::optional<Ratio> low,
                   std::optional<Ratio> high, bool required) {
  CoreIndicator c;
  c.name = std::move(name);
  c.synonyms = std::move(synonyms);
  c.level1 = l1;
  c.level2 = l2;
  c.unit = std::move(unit);
  c.comparator = cmp;
  c.low = low;
  c.high = high;
  c.required = required;
  return c;
}

}  // namespace

ReviewLibrary DefaultReviewLibrary() {
  ReviewLibrary lib;
  // ---- domain vocabularies ------------------------------------------------
  lib.domains = {
      {"road",
       "道路交通",
       "roads and traffic",
       {"道路", "公路", "路面", "桥梁", "车行道", "人行道", "通行", "交通", "路网", "里程", "病害",
        "沥青", "路基", "坑槽"}},
      {"municipal",
       "市政设施",
       "municipal facilities",
       {"市政", "管网", "排水", "雨污", "井盖", "窨井", "设施", "养护", "维修", "管护", "完好率",
        "路灯"}},
      {"sanitation",
       "环卫保洁",
       "street cleaning and waste",
       {"环卫", "清扫", "保洁", "垃圾", "清运", "公厕", "机扫", "洒水", "渗滤液", "无害化"}},
      {"greening",
       "园林绿化",
       "parks and greening",
       {"绿化", "绿地", "苗木", "乔木", "灌木", "草坪", "园林", "公园", "成活", "植树", "造林",
        "养护", "补植", "病虫害"}},
      {"lighting", "城市照明", "street lighting", {"照明", "路灯", "亮灯", "灯具", "亮化"}},
      {"environment",
       "生态环境",
       "environment",
       {"空气质量", "优良天数", "水质", "污水", "排放", "减排", "污染", "环境",   "生态", "大气",
        "扬尘",     "断面",     "固废", "危废", "臭氧", "土壤", "黑臭", "颗粒物", "环保", "监测"}},
      {"irrigation",
       "农田水利",
       "irrigation and drainage",
       {"灌溉", "灌排", "排灌", "沟渠", "渠系", "渠道", "泵站", "节水", "水利", "灌区", "排涝",
        "用水", "有效利用系数", "喷灌", "滴灌"}},
      {"farmland",
       "高标准农田",
       "high-standard farmland",
       {"高标准农田", "农田", "耕地", "土地平整", "田块", "地力", "亩产", "粮食", "产能", "田间",
        "机耕路", "农业", "农作物", "病虫害"}},
      {"agri_machinery",
       "农机购置补贴",
       "farm-machinery subsidy",
       {"农机", "农业机械", "机械化", "购机", "机具", "补贴", "套补", "骗补", "套补骗补", "兑付"}},
      {"subsidy",
       "补贴资金",
       "subsidy payments",
       {"补贴", "补助", "发放", "兑付", "套补", "骗补", "冒领", "拨付", "惠民惠农", "一卡通",
        "违规"}},
      {"employment",
       "就业稳岗",
       "jobs and employment",
       {"稳岗", "就业", "岗位", "失业", "参保", "社保", "职工", "返还", "用工", "失业保险", "技能",
        "创业"}},
      {"disease",
       "疾病预防控制",
       "disease control",
       {"疾控", "传染病", "疫苗", "接种", "冷链", "疫情", "免疫", "报告率", "结核", "艾滋病",
        "流行病", "核酸", "预防", "处置", "消杀", "采样"}},
      {"food_drug",
       "食品药品安全",
       "food and drug safety",
       {"食品", "药品", "抽检", "抽样", "检验", "监管", "监督检查", "餐饮", "农药残留", "快检",
        "化妆品", "医疗器械", "不合格", "风险"}},
      {"rural",
       "乡村振兴",
       "rural revitalisation",
       {"乡村", "农村", "村庄", "脱贫", "帮扶", "增收", "农户", "村集体", "人居环境", "监测对象",
        "返贫", "示范村", "改厕", "村民", "产业", "就业"}},
      {"industry",
       "产业发展",
       "industrial development",
       {"企业", "产业", "产值", "税收", "投资", "招商", "落地", "规上", "营业收入", "亩均", "厂房",
        "技改", "专精特新", "入驻", "营收"}},
      {"training",
       "培训与财务",
       "training and finance staff",
       {"培训", "学员", "课时", "财务", "会计", "预算", "业务能力", "结业"}},
      {"education",
       "教育",
       "education",
       {"学校", "学生", "教学", "校舍", "教师", "课程", "入学", "在校", "学位", "幼儿"}},
      {"health",
       "卫生健康",
       "health care",
       {"医疗", "卫生", "健康", "诊疗", "患者", "就诊", "健康档案", "家庭医生", "签约", "医院",
        "公共卫生"}},
      {"work_safety",
       "安全生产",
       "work safety",
       {"安全生产", "隐患", "排查", "事故", "应急", "演练", "执法检查", "整改", "危化"}},
      {"social",
       "社会保障",
       "social assistance",
       {"救助", "低保", "特困", "养老", "保障对象", "残疾", "优抚", "临时救助", "困难"}},
      {"relocation",
       "征迁安置",
       "land acquisition and resettlement",
       {"征迁", "拆迁", "安置", "补偿", "征收", "腾退"}},
      {"it",
       "信息化",
       "information systems",
       {"信息化", "系统", "平台", "数据", "网络", "上线", "运维", "服务器", "软件"}},
      {"enforcement",
       "城管执法",
       "city-management enforcement",
       {"城管", "执法", "巡查", "违建", "占道", "户外广告", "店招", "案件", "违法"}},
  };
  // ---- common terms: shared, they say little ------------------------------
  lib.common_terms = {
      "建设", "项目", "工作",   "管理", "服务", "提升", "提高", "覆盖", "年度", "情况", "实施",
      "开展", "完成", "合格",   "质量", "人次", "群众", "满意", "改善", "保障", "有效", "推进",
      "相关", "任务", "学校",   "单位", "人员", "资金", "效率", "水平", "能力", "次数", "个数",
      "及时", "数量", "面积",   "长度", "比例", "比率", "目标", "指标", "经济", "社会", "效益",
      "增长", "达到", "不低于", "全年", "按时", "时限", "成本", "费用", "支出", "园区", "新城",
      "区域", "标准", "规范",   "程度", "持续", "影响", "发展", "加强", "促进", "新增", "新建"};
  lib.dimensionless_suffixes = {"系数", "指数", "比值", "倍数"};
  // ---- scale units --------------------------------------------------------
  lib.unit_scales = {
      {"公里", "米", Ratio(1000)},
      {"千米", "米", Ratio(1000)},
      {"km", "米", Ratio(1000)},
      {"m", "米", Ratio(1)},
      {"平方公里", "平方米", Ratio(1000000)},
      {"㎡", "平方米", Ratio(1)},
      {"m2", "平方米", Ratio(1)},
      {"公顷", "平方米", Ratio(10000)},
      {"千元", "元", Ratio(1000)},
      {"百万元", "元", Ratio(1000000)},
      {"吨", "公斤", Ratio(1000)},
      {"千克", "公斤", Ratio(1)},
      {"个月", "月", Ratio(1)},
  };
  // ---- core indicator library ---------------------------------------------
  const bool kReq = true;
  const bool kOpt = false;
  lib.categories = {
      {"市政管护",
       {"市政设施管护", "市政设施维护", "城市照明"},
       {"municipal", "road", "lighting"},
       {Core("市政设施维修养护面积", {"设施养护面积", "养护面积", "维修养护道路面积"}, L1::kOutput,
             L2::kQuantity, "平方米", Comparator::kGe, kNone, kNone, kOpt),
        Core("设施完好率",
             {"市政设施完好率", "道路完好率", "路灯亮灯率", "亮灯率", "设施正常运行率"},
             L1::kOutput, L2::kQuality, "%", Comparator::kGe, R(90), R(100), kOpt),
        Core("维修及时率", {"问题处置及时率", "维修响应及时率", "报修处理及时率"}, L1::kOutput,
             L2::kTimeliness, "%", Comparator::kGe, R(85), R(100), kOpt),
        Core("服务对象满意度", {"群众满意度", "市民满意度", "居民满意度"}, L1::kSatisfaction,
             L2::kBeneficiarySatisfaction, "%", Comparator::kGe, R(80), R(100), kOpt)},
       {{"平方米", Ratio(1), Ratio(60), "市政设施年度养护定额（ours）", ""}}},
      {"园林绿化",
       {"绿化养护", "园林养护"},
       {"greening"},
       {Core("绿化养护面积", {"园林绿化养护面积", "绿地养护面积", "新增绿地面积", "绿化面积"},
             L1::kOutput, L2::kQuantity, "平方米", Comparator::kGe, kNone, kNone, kOpt),
        Core("苗木成活率", {"绿化苗木成活率", "树木成活率", "成活率"}, L1::kOutput, L2::kQuality,
             "%", Comparator::kGe, R(85), R(100), kReq),
        Core("绿化覆盖率", {"建成区绿化覆盖率", "绿地率"}, L1::kBenefit, L2::kEcologicalBenefit,
             "%", Comparator::kGe, R(30), R(60), kOpt)},
       {{"平方米", Rd("1.5").value(), Ratio(40), "绿化养护年度定额（ours）", ""}}},
      {"乡村振兴",
       {"巩固拓展脱贫攻坚成果", "衔接推进乡村振兴"},
       {"rural", "farmland"},
       {Core("受益脱贫户数", {"带动脱贫户", "受益农户", "帮扶农户数", "带动脱贫人口"}, L1::kOutput,
             L2::kQuantity, "户", Comparator::kGe, kNone, kNone, kOpt),
        Core("脱贫人口人均纯收入增幅", {"农民增收", "人均收入增长", "监测对象增收", "带动增收"},
             L1::kBenefit, L2::kEconomicBenefit, "%", Comparator::kGe, R(3), R(20), kOpt),
        Core("农村卫生厕所改造户数", {"改厕户数", "户厕改造", "卫生厕所改造"}, L1::kOutput,
             L2::kQuantity, "户", Comparator::kGe, kNone, kNone, kOpt)},
       {{"户", Ratio(800), Ratio(200000), "到户帮扶与改厕补助标准（ours）", ""}}},
      {"环境保护",
       {"生态环境保护", "污染防治", "大气污染防治"},
       {"environment"},
       {Core("空气质量优良天数比例", {"优良天数比例", "空气优良率", "空气质量优良率"}, L1::kBenefit,
             L2::kEcologicalBenefit, "%", Comparator::kGe, R(60), R(100), kOpt),
        Core("地表水断面水质达标率", {"水质达标率", "断面达标率", "国控断面水质"}, L1::kBenefit,
             L2::kEcologicalBenefit, "%", Comparator::kGe, R(70), R(100), kOpt),
        Core("污染源监测覆盖率", {"监测覆盖率", "监测点位", "在线监测"}, L1::kOutput, L2::kQuantity,
             "%", Comparator::kGe, R(80), R(100), kOpt)},
       {}},
      {"产业发展",
       {"企业扶持", "招商引资", "科技创新", "产业扶持"},
       {"industry"},
       {Core("扶持企业数量", {"支持企业数", "享受政策企业", "扶持企业", "引进项目", "招引项目"},
             L1::kOutput, L2::kQuantity, "家", Comparator::kGe, kNone, kNone, kOpt),
        Core("带动企业新增产值", {"新增产值", "产值增长", "营业收入增长", "带动投资"}, L1::kBenefit,
             L2::kEconomicBenefit, "万元", Comparator::kGe, kNone, kNone, kOpt),
        Core("企业满意度", {"投资企业满意度", "服务企业满意度"}, L1::kSatisfaction,
             L2::kBeneficiarySatisfaction, "%", Comparator::kGe, R(80), R(100), kOpt)},
       {}},
      {"食品药品安全监管",
       {"食品安全", "药品安全", "市场监管"},
       {"food_drug"},
       {Core("食品安全抽检批次", {"抽检批次", "食品抽检", "监督抽检", "抽样检验批次"}, L1::kOutput,
             L2::kQuantity, "批次", Comparator::kGe, kNone, kNone, kReq),
        Core("不合格食品核查处置率", {"不合格产品处置率", "核查处置率", "问题产品处置率"},
             L1::kOutput, L2::kQuality, "%", Comparator::kGe, R(95), R(100), kOpt),
        Core("食品安全事故发生数", {"重大食品安全事故", "食品安全事故"}, L1::kBenefit,
             L2::kSocialBenefit, "起", Comparator::kLe, R(0), R(1), kOpt)},
       {{"批次", Ratio(500), Ratio(6000), "食品抽检检验费用（ours）", ""}}},
      {"稳岗补贴",
       {"就业创业", "失业保险稳岗返还", "就业补助"},
       {"employment", "subsidy"},
       {Core("享受稳岗补贴企业数", {"享受稳岗补贴企业", "稳岗返还企业数", "补贴企业数"},
             L1::kOutput, L2::kQuantity, "家", Comparator::kGe, kNone, kNone, kOpt),
        Core("补贴资金按时发放率", {"资金发放及时率", "补贴发放及时率", "按时兑付率"}, L1::kOutput,
             L2::kTimeliness, "%", Comparator::kGe, R(90), R(100), kOpt),
        Core("稳定就业岗位", {"稳定岗位数", "稳定就业人数", "稳岗职工人数"}, L1::kBenefit,
             L2::kSocialBenefit, "个", Comparator::kGe, kNone, kNone, kOpt)},
       {}},
      {"高标准农田",
       {"高标准农田建设", "农田建设", "农田水利"},
       {"farmland", "irrigation"},
       {Core("高标准农田建设面积", {"建设高标准农田", "农田建设面积", "新建高标准农田"},
             L1::kOutput, L2::kQuantity, "亩", Comparator::kGe, kNone, kNone, kOpt),
        Core("农田灌溉水有效利用系数", {"灌溉水有效利用系数", "灌溉水利用系数"}, L1::kBenefit,
             L2::kEcologicalBenefit, "", Comparator::kGe, Rd("0.45"), Rd("0.75"), kOpt),
        Core("亩均粮食产能提高", {"粮食产能提高", "亩均产能", "新增粮食产能"}, L1::kBenefit,
             L2::kEconomicBenefit, "公斤", Comparator::kGe, R(20), R(200), kOpt)},
       {{"亩", Ratio(1500), Ratio(5000), "高标准农田亩均投入标准（ours，参照财政补助标准）",
         "高标准农田建设面积"}}},
      {"疾控",
       {"疾病预防控制", "重大传染病防控", "公共卫生"},
       {"disease", "health"},
       {Core("适龄儿童免疫规划疫苗接种率", {"疫苗接种率", "免疫规划疫苗接种率", "接种率"},
             L1::kOutput, L2::kQuality, "%", Comparator::kGe, R(90), R(100), kOpt),
        Core("法定传染病报告率", {"传染病报告率", "传染病报告及时率", "疫情报告及时率"},
             L1::kOutput, L2::kQuality, "%", Comparator::kGe, R(95), R(100), kOpt),
        Core("疫苗冷链监测合格率", {"冷链监测率", "冷链设备监测率", "疫苗冷链监测率"}, L1::kOutput,
             L2::kQuality, "%", Comparator::kGe, R(90), R(100), kOpt)},
       {}},
      {"农机补贴",
       {"农机购置补贴", "农机购置与应用补贴"},
       {"agri_machinery", "subsidy", "farmland"},
       {Core("补贴机具数量", {"补贴农机具", "受益购机户", "补贴机具", "补贴台数"}, L1::kOutput,
             L2::kQuantity, "台", Comparator::kGe, kNone, kNone, kReq),
        Core("套补骗补案件发生数", {"套补骗补", "骗补案件", "违规案件"}, L1::kBenefit,
             L2::kSocialBenefit, "起", Comparator::kLe, R(0), R(1), kOpt),
        Core("农作物耕种收综合机械化率", {"综合机械化率", "机械化率"}, L1::kBenefit,
             L2::kEconomicBenefit, "%", Comparator::kGe, R(60), R(100), kOpt)},
       {{"台", Ratio(500), Ratio(300000), "农机购置补贴单机额（ours）", ""}}},
      {"道路交通",
       {"道路工程", "交通基础设施"},
       {"road", "municipal"},
       {Core("新建道路长度", {"道路建设长度", "新建道路", "建设道路长度"}, L1::kOutput,
             L2::kQuantity, "公里", Comparator::kGe, kNone, kNone, kOpt),
        Core("养护道路里程", {"养护农村公路里程", "道路养护里程", "养护里程"}, L1::kOutput,
             L2::kQuantity, "公里", Comparator::kGe, kNone, kNone, kOpt),
        Core("工程质量验收合格率", {"竣工验收合格率", "验收合格率"}, L1::kOutput, L2::kQuality, "%",
             Comparator::kGe, R(95), R(100), kOpt)},
       {{"公里", Ratio(5000), Ratio(60000000), "道路新建与养护每公里投入（ours）", ""}}},
      {"环卫保洁",
       {"环境卫生", "城乡环卫一体化"},
       {"sanitation"},
       {Core("道路清扫保洁面积", {"清扫保洁面积", "保洁面积", "机扫面积"}, L1::kOutput,
             L2::kQuantity, "平方米", Comparator::kGe, kNone, kNone, kOpt),
        Core("生活垃圾无害化处理率", {"垃圾无害化处理率", "垃圾清运率", "生活垃圾日产日清率"},
             L1::kOutput, L2::kQuality, "%", Comparator::kGe, R(90), R(100), kOpt)},
       {{"平方米", Rd("0.5").value(), Ratio(40), "道路清扫保洁年度定额（ours）", ""}}},
  };
  return lib;
}

const CategoryLibrary* ReviewLibrary::FindCategory(std::string_view category) const {
  if (category.empty()) return nullptr;
  for (const CategoryLibrary& c : categories) {
    if (c.category == category) return &c;
  }
  for (const CategoryLibrary& c : categories) {
    for (const std::string& a : c.aliases) {
      if (a == category) return &c;
    }
  }
  return nullptr;
}

const TermDomain* ReviewLibrary::FindDomain(std::string_view id) const {
  for (const TermDomain& d : domains) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

NormalizedUnit NormalizeUnit(std::string_view unit, const std::vector<UnitScale>& scales) {
  for (const UnitScale& s : scales) {
    if (s.unit == unit) return {s.base, s.factor};
  }
  // 万 / 亿 before a unit: 万亩, 万人次, 万元, 亿元, 万平方米.
  constexpr std::string_view kWan = "万";
  constexpr std::string_view kYi = "亿";
  for (const auto& [prefix, factor] :
       {std::pair{kWan, Ratio(10000)}, std::pair{kYi, Ratio(100000000)}}) {
    if (unit.size() > prefix.size() && unit.starts_with(prefix)) {
      NormalizedUnit rest = NormalizeUnit(unit.substr(prefix.size()), scales);
      rest.factor = rest.factor * factor;
      return rest;
    }
  }
  return {std::string(unit), Ratio(1)};
}

}  // namespace perfbudget
