#!/usr/bin/python3
"""make_suma_example.py: builds the bundled example datasets.

The Suzhou-Ma'anshan Modern Industrial Park (宿马园区, 宿州马鞍山现代产业园区),
fiscal year 2022, as one perfbudget JSON dataset (docs/format.md), with the
years before and after it (FY2021: year-end actuals and the fiscal evaluations
of 2021; FY2023: the budget the 2022 evaluations shaped) as datasets beside
it (docs/format.md "Several fiscal years"). It reproduces
the figures of the park's real 2022 report (/work/shared/seed/FIGURES.md F1-F27,
see examples/suma-park-2022/README.md); everything the report does not state
(names of invented units, project names, per-project amounts, dates,
indicators, scores, findings) is invented, plausibly.

Deterministic: standard library only, no floating point for any amount (money
is integer fen throughout), a fixed-seed integer PRNG (splitmix64) for jitter.
Running it twice gives the same bytes.

Usage: /usr/bin/python3 scripts/make_suma_example.py [examples_dir]
       (default: examples/ beside this script; writes suma-park-2021, -2022 and -2023)
"""

import json
import os
import sys
from fractions import Fraction

FEN_PER_WAN = 1_000_000  # 1 万元 = 10^4 yuan = 10^6 fen
YEAR = 2022

# The seed's figures (万元 unless noted).
APPROVED_TOTAL_WAN = 106705      # F20
EXECUTED_JAN_AUG_WAN = 63854     # F21
UNIMPLEMENTED_WAN = 3000         # F24
REALLOCATED_FEN = 6_032_000_00   # 603.2 万元 moved to other projects on 2022-06-30
SELF_EVAL_TOTAL_WAN = 100421     # F4
THIRD_PARTY_TOTAL_WAN = 6200     # F6


# ---------------------------------------------------------------------------
# Deterministic PRNG (splitmix64) and exact money helpers.

class SplitMix64:
  def __init__(self, seed):
    self.state = seed & 0xFFFFFFFFFFFFFFFF

  def next(self):
    self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    z = self.state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return z ^ (z >> 31)

  def below(self, n):
    """An integer in [0, n)."""
    return self.next() % n

  def between(self, lo, hi):
    """An integer in [lo, hi]."""
    return lo + self.below(hi - lo + 1)


def wan_to_fen(text):
  """'603.2' (万元) -> 603200000 fen, exactly."""
  f = Fraction(text) * FEN_PER_WAN
  assert f.denominator == 1, text
  return int(f)


def fen_to_wan_text(fen):
  """603200000 -> '603.2万元' (exact, shortest)."""
  sign = '-' if fen < 0 else ''
  fen = abs(fen)
  whole, frac = divmod(fen, FEN_PER_WAN)
  s = str(whole)
  if frac:
    s += '.' + ('%06d' % frac).rstrip('0')
  return sign + s + '万元'


def fen_to_yuan_text(fen):
  """123456789 -> '1234567.89' (yuan, two decimals)."""
  sign = '-' if fen < 0 else ''
  fen = abs(fen)
  return '%s%d.%02d' % (sign, fen // 100, fen % 100)


def allocate(total, weights):
  """Splits integer `total` by integer `weights` exactly (largest remainder)."""
  wsum = sum(weights)
  assert wsum > 0
  base = [total * w // wsum for w in weights]
  rems = [(total * w % wsum, -i) for i, w in enumerate(weights)]
  left = total - sum(base)
  for _, negi in sorted(rems, reverse=True)[:left]:
    base[-negi] += 1
  assert sum(base) == total
  return base


def dec_text(fr, places=1):
  """An exact Fraction as a decimal string, rounded half-up to `places`."""
  scale = 10 ** places
  n = fr * scale
  q = (n.numerator * 2 + n.denominator) // (2 * n.denominator)  # half-up (n >= 0)
  s = str(q // scale)
  if q % scale:
    s += '.' + ('%0*d' % (places, q % scale)).rstrip('0')
  return s


# ---------------------------------------------------------------------------
# Units (F1). Three names are the report's; three are invented.

UNITS = [
  ('U01', '宿州东部新城行政管理委员会', 'real: 东城行管会'),
  ('U02', '宿马园区管委会', 'real: 园区管委会'),
  ('U03', '宿州市城市管理局宿马园区分局', 'real'),
  ('U04', '宿马园区财政局', 'invented'),
  ('U05', '宿马园区经济发展局', 'invented'),
  ('U06', '宿马园区社会事业局', 'invented'),
]

# ---------------------------------------------------------------------------
# Indicator templates by project category: quality, timeliness, benefits
# (level2, name, comparator, target, unit, weight), satisfaction name.
# Timeliness "项目完成时限 ≤ N 个月" counts months from the fiscal year's start.

T = {}


def tpl(cat, quality, timeliness, benefits, sat):
  T[cat] = dict(quality=quality, timeliness=timeliness, benefits=benefits, sat=sat)


tpl('道路交通', ('工程质量验收合格率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('social_benefit', '区域道路通行效率提升', 'ge', '20', '%', 20),
     ('sustainability', '道路设计使用年限', 'ge', '15', '年', 10)], '沿线群众满意度')
tpl('征迁安置', ('补偿安置政策执行合规率', 'eq', '100', '%'), ('补偿安置资金拨付及时率', 'ge', '95', '%'),
    [('social_benefit', '项目建设用地按期交付率', 'ge', '95', '%', 20),
     ('sustainability', '被征迁群众安置到位率', 'ge', '98', '%', 10)], '被征迁群众满意度')
tpl('乡村振兴', ('项目竣工验收合格率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('economic_benefit', '带动脱贫人口及监测对象增收', 'ge', '500', '元/人', 20),
     ('sustainability', '项目资产后续管护机制建立率', 'eq', '100', '%', 10)], '受益群众满意度')
tpl('基础设施', ('工程质量验收合格率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('social_benefit', '基础设施服务覆盖人口', 'ge', '2', '万人', 20),
     ('sustainability', '设施设计使用年限', 'ge', '20', '年', 10)], '周边群众满意度')
tpl('机关运行', ('经费支出合规率', 'eq', '100', '%'), ('经费保障及时率', 'ge', '98', '%'),
    [('social_benefit', '保障机构正常运转', 'ge', '100', '%', 20),
     ('sustainability', '运转保障制度健全率', 'eq', '100', '%', 10)], '服务对象满意度')
tpl('环境保护', ('治理设施验收合格率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('ecological_benefit', '区域环境质量达标率', 'ge', '90', '%', 20),
     ('sustainability', '环境治理长效机制覆盖率', 'ge', '90', '%', 10)], '周边群众满意度')
tpl('安全生产', ('隐患整改闭环率', 'ge', '95', '%'), ('隐患整改完成时限', 'le', '30', '天'),
    [('social_benefit', '较大及以上安全事故发生数', 'le', '0', '起', 20),
     ('sustainability', '安全生产责任制落实率', 'eq', '100', '%', 10)], '企业及群众满意度')
tpl('规划设计', ('规划成果评审通过率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('social_benefit', '规划覆盖建设用地比例', 'ge', '90', '%', 20),
     ('sustainability', '规划实施年限', 'ge', '10', '年', 10)], '相关部门满意度')
tpl('招商引资', ('签约项目履约率', 'ge', '80', '%'), ('招商经费支付及时率', 'ge', '95', '%'),
    [('economic_benefit', '招商引资到位资金', 'ge', '120', '亿元', 20),
     ('sustainability', '签约项目开工率', 'ge', '70', '%', 10)], '投资企业满意度')
tpl('企业扶持', ('扶持资金兑现合规率', 'eq', '100', '%'), ('扶持资金兑现时限', 'le', '60', '天'),
    [('economic_benefit', '受扶持企业营业收入增长率', 'ge', '10', '%', 20),
     ('sustainability', '受扶持企业持续经营率', 'ge', '95', '%', 10)], '受扶持企业满意度')
tpl('信息化建设', ('系统功能验收合格率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('social_benefit', '园区管理事项线上办理率', 'ge', '80', '%', 20),
     ('sustainability', '系统稳定运行率', 'ge', '99', '%', 10)], '系统使用人员满意度')
tpl('科技创新', ('创新平台认定通过率', 'ge', '80', '%'), ('补助资金拨付时限', 'le', '60', '天'),
    [('economic_benefit', '带动企业研发投入', 'ge', '3', '亿元', 20),
     ('sustainability', '创新平台持续运行率', 'ge', '95', '%', 10)], '受补助企业满意度')
tpl('人才发展', ('人才补贴发放准确率', 'eq', '100', '%'), ('人才补贴发放时限', 'le', '30', '天'),
    [('economic_benefit', '人才引进带动企业新增产值', 'ge', '5', '亿元', 20),
     ('sustainability', '引进人才留园率', 'ge', '85', '%', 10)], '引进人才满意度')
tpl('市政管护', ('市政设施完好率', 'ge', '95', '%'), ('维修响应时限', 'le', '24', '小时'),
    [('social_benefit', '市政设施正常使用率', 'ge', '98', '%', 20),
     ('sustainability', '市政设施养护长效机制落实率', 'eq', '100', '%', 10)], '市民满意度')
tpl('园林绿化', ('绿化苗木成活率', 'ge', '95', '%'), ('苗木补植完成时限', 'le', '15', '天'),
    [('ecological_benefit', '园区绿化覆盖率', 'ge', '40', '%', 20),
     ('sustainability', '绿化养护考核达标率', 'ge', '95', '%', 10)], '市民满意度')
tpl('环卫保洁', ('环卫作业质量考核达标率', 'ge', '95', '%'), ('垃圾日产日清率', 'eq', '100', '%'),
    [('ecological_benefit', '城市生活垃圾无害化处理率', 'eq', '100', '%', 20),
     ('sustainability', '环卫作业市场化覆盖率', 'ge', '90', '%', 10)], '市民满意度')
tpl('城市照明', ('路灯亮灯率', 'ge', '98', '%'), ('故障路灯修复时限', 'le', '48', '小时'),
    [('social_benefit', '夜间道路照明覆盖率', 'ge', '95', '%', 20),
     ('sustainability', '节能灯具使用率', 'ge', '80', '%', 10)], '市民满意度')
tpl('城管执法', ('执法案件办结率', 'ge', '95', '%'), ('投诉处置时限', 'le', '3', '天'),
    [('social_benefit', '市容环境秩序考核达标率', 'ge', '90', '%', 20),
     ('sustainability', '执法规范化制度落实率', 'eq', '100', '%', 10)], '市民满意度')
tpl('债务还本付息', ('债券利息支付准确率', 'eq', '100', '%'), ('债券利息按期支付率', 'eq', '100', '%'),
    [('economic_benefit', '专项债券逾期支付金额', 'le', '0', '万元', 20),
     ('sustainability', '政府债务风险等级', 'le', '2', '级', 10)], '债券持有人满意度')
tpl('财政管理', ('财政业务工作质量达标率', 'ge', '95', '%'), ('工作任务完成时限', 'le', '12', '个月'),
    [('economic_benefit', '财政资金审减或节约金额', 'ge', '500', '万元', 20),
     ('sustainability', '财政管理制度健全率', 'eq', '100', '%', 10)], '预算单位满意度')
tpl('国资监管', ('资本金使用合规率', 'eq', '100', '%'), ('资本金拨付时限', 'le', '6', '个月'),
    [('economic_benefit', '平台公司资产负债率', 'le', '65', '%', 20),
     ('sustainability', '国有资产保值增值率', 'ge', '100', '%', 10)], '平台公司满意度')
tpl('稳岗补贴', ('补贴发放准确率', 'eq', '100', '%'), ('稳岗补贴兑现时限', 'le', '30', '天'),
    [('social_benefit', '参保企业稳岗率', 'ge', '95', '%', 20),
     ('sustainability', '受补贴企业参保职工人数', 'ge', '3', '万人', 10)], '受补贴企业满意度')
tpl('就业创业', ('培训合格率', 'ge', '90', '%'), ('补助资金发放时限', 'le', '30', '天'),
    [('social_benefit', '城镇新增就业人数', 'ge', '3000', '人', 20),
     ('sustainability', '就业服务长效机制落实率', 'eq', '100', '%', 10)], '服务对象满意度')
tpl('统计调查', ('统计数据差错率', 'le', '1', '%'), ('统计报表报送及时率', 'eq', '100', '%'),
    [('social_benefit', '统计数据为决策提供支撑', 'ge', '95', '%', 20),
     ('sustainability', '统计基层基础规范化率', 'ge', '90', '%', 10)], '服务对象满意度')
tpl('食品药品安全监管', ('抽检不合格样品核查处置率', 'eq', '100', '%'), ('抽检结果公布时限', 'le', '20', '天'),
    [('social_benefit', '较大及以上食品药品安全事故发生数', 'le', '0', '起', 20),
     ('sustainability', '食品生产经营主体监管覆盖率', 'ge', '95', '%', 10)], '群众食品药品安全满意度')
tpl('社会保障', ('救助对象认定准确率', 'ge', '98', '%'), ('资金发放时限', 'le', '15', '天'),
    [('social_benefit', '保障对象应保尽保率', 'eq', '100', '%', 20),
     ('sustainability', '社会保障政策持续实施', 'ge', '3', '年', 10)], '保障对象满意度')
tpl('教育', ('义务教育巩固率', 'ge', '99', '%'), ('经费拨付及时率', 'ge', '98', '%'),
    [('social_benefit', '适龄儿童入学率', 'eq', '100', '%', 20),
     ('sustainability', '办学条件达标学校比例', 'ge', '95', '%', 10)], '学生及家长满意度')
tpl('卫生健康', ('服务项目规范化率', 'ge', '90', '%'), ('资金拨付及时率', 'ge', '95', '%'),
    [('social_benefit', '居民健康素养水平', 'ge', '25', '%', 20),
     ('sustainability', '基层医疗卫生服务能力达标率', 'ge', '85', '%', 10)], '居民满意度')
tpl('文化体育', ('工程质量验收合格率', 'eq', '100', '%'), ('项目完成时限', 'le', '12', '个月'),
    [('social_benefit', '人均体育场地面积', 'ge', '2.2', '平方米', 20),
     ('sustainability', '设施免费开放率', 'eq', '100', '%', 10)], '群众满意度')

# ---------------------------------------------------------------------------
# Projects. (id, unit, name, category, kind, key, start_year,
#            [(source, approved 万元)], (quantity indicator, target, unit, baseline),
#            pattern, jan-aug share per mille, year-end share per mille)
# pattern: 'even' monthly, 'quarterly' (paid at each quarter's start),
# 'semiannual' (June and December), 'build' (construction ramp), 'lump'
# (subsidies paid in batches), 'late' (starts in September), 'none'. Shares are before the exact scaling to F21.
# The approved amount of BALANCER is computed so the total is exactly F20.

GB, TR, LT = 'general_budget', 'transfer', 'land_transfer'
BALANCER = 'P0101'

P = [
  # U01 宿州东部新城行政管理委员会
  ('P0101', 'U01', '东部新城经三路（纬一路至纬五路）道路工程', '道路交通', 'continuing', True, 2021,
   [(LT, None)], ('新建道路长度', '3.2', '公里', '1.1'), 'build', 690, 980),
  ('P0102', 'U01', '东部新城纬二路道路及配套管网工程', '道路交通', 'continuing', True, 2021,
   [(LT, '8600')], ('新建道路及配套管网长度', '2.6', '公里', '0.8'), 'build', 660, 970),
  ('P0103', 'U01', '东部新城征迁安置房建设项目', '征迁安置', 'continuing', True, 2020,
   [(LT, '8000')], ('安置房建设面积', '18', '万平方米', '12'), 'build', 640, 960),
  ('P0104', 'U01', '东部新城征地拆迁补偿', '征迁安置', 'continuing', True, 2019,
   [(LT, '6000')], ('完成征收土地面积', '1200', '亩', '1050'), 'lump', 720, 990),
  ('P0105', 'U01', '乡村振兴衔接资金项目', '乡村振兴', 'continuing', True, 2021,
   [(TR, '1350'), (GB, '450')], ('支持衔接资金项目数', '12', '个', '10'), 'build', 610, 975),
  ('P0106', 'U01', '东部新城高标准农田建设项目', '乡村振兴', 'new', True, 2022,
   [(TR, '860'), (GB, '240')], ('新建高标准农田面积', '8000', '亩', None), 'build', 560, 950),
  ('P0107', 'U01', '美丽乡村中心村建设', '乡村振兴', 'continuing', True, 2020,
   [(GB, '980')], ('建设省级美丽乡村中心村', '3', '个', '3'), 'build', 600, 960),
  ('P0108', 'U01', '农村人居环境整治', '乡村振兴', 'continuing', False, 2021,
   [(GB, '620')], ('完成农村改厕数量', '1500', '户', '1200'), 'even', 640, 980),
  ('P0109', 'U01', '东部新城排水防涝设施建设', '基础设施', 'new', False, 2022,
   [(LT, '2300')], ('新建雨污水管网长度', '12', '公里', None), 'build', 580, 940),
  ('P0110', 'U01', '东部新城安置区配套学校建设', '基础设施', 'new', False, 2022,
   [(LT, '3600')], ('新建校舍建筑面积', '2.8', '万平方米', None), 'build', 250, 780),
  ('P0111', 'U01', '东部新城纬三路（经五路至经七路）新建工程', '道路交通', 'new', False, 2022,
   [(LT, '1600')], ('新建道路长度', '1.8', '公里', None), 'none', 0, 0),
  ('P0112', 'U01', '东部新城邻里中心配套工程', '基础设施', 'new', False, 2022,
   [(GB, '650')], ('邻里中心建筑面积', '6500', '平方米', None), 'none', 0, 0),
  ('P0113', 'U01', '东部新城村（社区）运转经费', '机关运行', 'continuing', False, 2019,
   [(GB, '420')], ('保障村（社区）数量', '14', '个', '14'), 'even', 670, 1000),
  ('P0114', 'U01', '东部新城农村公路养护', '道路交通', 'continuing', True, 2020,
   [(TR, '260'), (GB, '120')], ('养护农村公路里程', '86', '公里', '92'), 'even', 650, 990),
  ('P0115', 'U01', '东部新城河道综合治理', '环境保护', 'new', False, 2022,
   [(GB, '1450')], ('河道治理长度', '9.5', '公里', None), 'build', 500, 900),
  ('P0116', 'U01', '东部新城防汛抗旱物资储备', '安全生产', 'continuing', False, 2019,
   [(GB, '85.6')], ('储备防汛物资品类', '25', '类', '22'), 'lump', 760, 1000),
  ('P0117', 'U01', '东部新城便民服务中心运行', '机关运行', 'continuing', False, 2020,
   [(GB, '160')], ('办理便民服务事项', '12000', '件', '11000'), 'even', 660, 990),
  ('P0118', 'U01', '东部新城城市设计及控制性详细规划编制', '规划设计', 'new', False, 2022,
   [(GB, '380')], ('完成规划编制面积', '32', '平方公里', None), 'late', 0, 700),
  # U02 宿马园区管委会
  ('P0201', 'U02', '园区招商引资专项经费', '招商引资', 'continuing', True, 2019,
   [(GB, '1800')], ('新签约亿元以上项目', '20', '个', '18'), 'even', 620, 980),
  ('P0202', 'U02', '园区企业发展扶持资金', '企业扶持', 'continuing', True, 2019,
   [(GB, '6800')], ('扶持企业数量', '120', '家', '105'), 'lump', 700, 990),
  ('P0203', 'U02', '园区标准化厂房建设（三期）', '基础设施', 'new', True, 2022,
   [(LT, '5200')], ('新建标准化厂房面积', '15', '万平方米', None), 'build', 400, 850),
  ('P0204', 'U02', '园区污水处理厂提标改造', '环境保护', 'new', False, 2022,
   [(GB, '1650'), (TR, '500')], ('提标改造处理规模', '3', '万吨/日', None), 'build', 590, 950),
  ('P0205', 'U02', '园区智慧园区平台（二期）', '信息化建设', 'new', False, 2022,
   [(GB, '750')], ('接入园区管理子系统', '8', '个', None), 'none', 0, 0),
  ('P0206', 'U02', '园区工业企业技术改造奖补', '企业扶持', 'continuing', True, 2020,
   [(TR, '1200'), (GB, '600')], ('奖补技术改造项目', '35', '个', '30'), 'lump', 640, 990),
  ('P0207', 'U02', '园区科技创新平台建设补助', '科技创新', 'new', False, 2022,
   [(GB, '900')], ('新建省级以上科技创新平台', '4', '个', None), 'lump', 560, 950),
  ('P0208', 'U02', '园区人才引进及住房补贴', '人才发展', 'continuing', True, 2020,
   [(GB, '750')], ('引进高层次人才', '60', '人', '52'), 'lump', 620, 980),
  ('P0209', 'U02', '园区规上工业企业培育奖励', '企业扶持', 'continuing', True, 2021,
   [(GB, '520')], ('新增规上工业企业', '25', '家', '21'), 'lump', 600, 1000),
  ('P0210', 'U02', '园区产业招商推介活动', '招商引资', 'new', False, 2022,
   [(GB, '260')], ('举办产业招商推介活动', '6', '场', None), 'lump', 580, 960),
  ('P0211', 'U02', '园区综合管廊运维', '市政管护', 'new', False, 2022,
   [(GB, '480')], ('运维综合管廊长度', '7.6', '公里', None), 'even', 600, 980),
  ('P0212', 'U02', '园区机关运行保障', '机关运行', 'continuing', False, 2019,
   [(GB, '680')], ('保障在编在岗人员', '165', '人', '160'), 'even', 670, 1000),
  ('P0213', 'U02', '园区党建及宣传经费', '机关运行', 'continuing', False, 2019,
   [(GB, '95')], ('开展党建宣传活动', '24', '次', '24'), 'even', 640, 990),
  ('P0214', 'U02', '园区安全生产监管', '安全生产', 'continuing', True, 2021,
   [(GB, '210')], ('开展企业安全生产检查', '600', '家次', '540'), 'even', 650, 990),
  ('P0215', 'U02', '园区外事及对外合作交流', '招商引资', 'continuing', False, 2019,
   [(GB, '60')], ('开展对外合作交流活动', '8', '次', '6'), 'lump', 500, 950),
  ('P0216', 'U02', '园区科技企业孵化器运营补贴', '企业扶持', 'new', False, 2022,
   [(GB, '330')], ('孵化器在孵企业数量', '45', '家', None), 'lump', 600, 980),
  # U03 宿州市城市管理局宿马园区分局
  ('P0301', 'U03', '园区市政设施维修养护', '市政管护', 'continuing', True, 2019,
   [(GB, '1500')], ('维修养护市政道路面积', '120', '万平方米', '110'), 'even', 640, 990),
  ('P0302', 'U03', '园区园林绿化养护', '园林绿化', 'continuing', True, 2019,
   [(GB, '1300')], ('园林绿化养护面积', '380', '万平方米', '395'), 'even', 650, 995),
  ('P0303', 'U03', '园区环卫保洁服务', '环卫保洁', 'continuing', True, 2019,
   [(GB, '2600')], ('道路机械化清扫保洁面积', '650', '万平方米', '620'), 'even', 660, 1000),
  ('P0304', 'U03', '园区城市道路照明维护及电费', '城市照明', 'continuing', True, 2019,
   [(GB, '720')], ('维护道路照明路灯数量', '9800', '盏', '9200'), 'even', 650, 990),
  ('P0305', 'U03', '园区生活垃圾收运处置', '环卫保洁', 'continuing', True, 2020,
   [(GB, '980')], ('生活垃圾收运处置量', '5.5', '万吨', '5.1'), 'even', 660, 995),
  ('P0306', 'U03', '园区道路及桥梁维修养护', '市政管护', 'continuing', True, 2020,
   [(GB, '860')], ('维修道路及桥梁病害', '28', '处', '24'), 'build', 600, 980),
  ('P0307', 'U03', '园区公园游园提升改造', '园林绿化', 'new', False, 2022,
   [(GB, '1250')], ('提升改造公园游园', '6', '个', None), 'build', 520, 880),
  ('P0308', 'U03', '园区公厕新建及改造', '环卫保洁', 'new', False, 2022,
   [(GB, '280')], ('新建及改造公厕', '18', '座', None), 'build', 600, 960),
  ('P0309', 'U03', '园区城市管理综合执法', '城管执法', 'continuing', False, 2019,
   [(GB, '180')], ('开展城市管理执法巡查', '3600', '次', '3400'), 'even', 650, 990),
  ('P0310', 'U03', '园区户外广告及店招标牌整治', '城管执法', 'new', False, 2022,
   [(GB, '65')], ('整治户外广告及店招标牌', '800', '处', None), 'build', 640, 1000),
  ('P0311', 'U03', '园区渣土车辆智能监管', '城管执法', 'new', False, 2022,
   [(GB, '150')], ('纳入智能监管的渣土车辆', '260', '辆', None), 'build', 610, 970),
  ('P0312', 'U03', '园区排水管网清淤疏浚', '市政管护', 'continuing', True, 2021,
   [(GB, '420')], ('清淤疏浚排水管网长度', '180', '公里', '160'), 'even', 630, 990),
  ('P0313', 'U03', '园区公共停车设施建设', '基础设施', 'new', False, 2022,
   [(GB, '560')], ('新建公共停车泊位', '1200', '个', None), 'build', 560, 940),
  ('P0314', 'U03', '园区环卫作业车辆购置', '环卫保洁', 'new', False, 2022,
   [(GB, '320')], ('购置环卫作业车辆', '16', '辆', None), 'lump', 700, 1000),
  # U04 宿马园区财政局 (invented)
  ('P0401', 'U04', '园区政府专项债券付息', '债务还本付息', 'continuing', True, 2020,
   [(GB, '3900')], ('按期支付专项债券利息', '24', '笔', '20'), 'semiannual', 500, 1000),
  ('P0402', 'U04', '预算绩效管理第三方服务', '财政管理', 'continuing', False, 2020,
   [(GB, '85')], ('委托第三方开展绩效评价项目', '8', '个', '5'), 'lump', 550, 1000),
  ('P0403', 'U04', '财政投资评审服务', '财政管理', 'continuing', False, 2019,
   [(GB, '150')], ('完成政府投资项目评审', '150', '个', '138'), 'even', 640, 990),
  ('P0404', 'U04', '预算管理一体化系统运维', '信息化建设', 'new', False, 2022,
   [(GB, '120')], ('运维预算管理一体化系统模块', '12', '个', None), 'quarterly', 750, 1000),
  ('P0405', 'U04', '园区行政事业单位国有资产清查', '财政管理', 'new', False, 2022,
   [(GB, '45')], ('清查行政事业单位', '26', '家', None), 'build', 600, 1000),
  ('P0406', 'U04', '政府采购代理及评审服务', '财政管理', 'continuing', False, 2019,
   [(GB, '40')], ('组织政府采购项目', '180', '个', '165'), 'even', 640, 980),
  ('P0407', 'U04', '园区平台公司资本金注入', '国资监管', 'continuing', True, 2021,
   [(LT, '4800')], ('支持平台公司实施重点项目', '6', '个', '4'), 'lump', 650, 1000),
  ('P0408', 'U04', '财政票据及会计集中核算服务', '财政管理', 'continuing', False, 2019,
   [(GB, '30')], ('集中核算单位数量', '32', '家', '30'), 'even', 660, 1000),
  # U05 宿马园区经济发展局 (invented)
  ('P0501', 'U05', '园区企业稳岗补贴', '稳岗补贴', 'continuing', True, 2020,
   [(TR, '520'), (GB, '130')], ('享受稳岗补贴企业', '380', '家', '412'), 'lump', 700, 1000),
  ('P0502', 'U05', '园区重点企业用工补助', '就业创业', 'continuing', False, 2021,
   [(GB, '300')], ('补助重点企业新招用员工', '2500', '人', '2200'), 'lump', 600, 980),
  ('P0503', 'U05', '园区大气污染防治', '环境保护', 'continuing', True, 2020,
   [(GB, '880'), (TR, '200')], ('完成工业企业废气深度治理', '40', '家', '32'), 'build', 610, 970),
  ('P0504', 'U05', '园区工业固废及危险废物监管', '环境保护', 'new', False, 2022,
   [(GB, '260')], ('纳入监管的产废企业', '150', '家', None), 'even', 620, 980),
  ('P0505', 'U05', '园区安全生产隐患排查治理', '安全生产', 'new', False, 2022,
   [(GB, '180')], ('排查治理企业安全隐患', '1200', '处', None), 'even', 630, 990),
  ('P0506', 'U05', '园区电子商务发展扶持', '企业扶持', 'new', False, 2022,
   [(GB, '150')], ('扶持电子商务企业', '30', '家', None), 'lump', 560, 950),
  ('P0507', 'U05', '园区企业上市培育奖励', '企业扶持', 'continuing', True, 2021,
   [(GB, '400')], ('培育上市后备企业', '12', '家', '9'), 'lump', 500, 1000),
  ('P0508', 'U05', '园区职业技能提升培训', '就业创业', 'continuing', True, 2020,
   [(TR, '220')], ('开展职业技能提升培训', '3000', '人次', '2600'), 'even', 620, 990),
  ('P0509', 'U05', '园区创业担保贷款贴息', '就业创业', 'continuing', False, 2019,
   [(GB, '95')], ('发放创业担保贷款贴息', '160', '笔', '150'), 'quarterly', 750, 1000),
  ('P0510', 'U05', '园区水环境自动监测', '环境保护', 'new', False, 2022,
   [(GB, '130')], ('建设水质自动监测站点', '9', '个', None), 'build', 600, 990),
  ('P0511', 'U05', '园区统计调查经费', '统计调查', 'continuing', False, 2019,
   [(GB, '35')], ('完成统计调查项目', '15', '项', '15'), 'even', 660, 1000),
  ('P0512', 'U05', '园区企业节能降碳改造奖补', '企业扶持', 'new', False, 2022,
   [(GB, '540')], ('奖补节能降碳改造项目', '18', '个', None), 'lump', 300, 820),
  # U06 宿马园区社会事业局 (invented)
  ('P0601', 'U06', '园区食品药品安全监管', '食品药品安全监管', 'continuing', True, 2019,
   [(GB, '290'), (TR, '60')], ('完成食品药品监督抽检', '1800', '批次', '1650'), 'even', 640, 990),
  ('P0602', 'U06', '园区困难群众救助', '社会保障', 'continuing', True, 2019,
   [(TR, '420'), (GB, '180')], ('救助困难群众', '2600', '人', '2500'), 'even', 670, 1000),
  ('P0603', 'U06', '园区中小学教育经费', '教育', 'continuing', True, 2019,
   [(GB, '5600')], ('保障中小学在校学生', '16500', '人', '15800'), 'even', 660, 995),
  ('P0604', 'U06', '园区基本公共卫生服务', '卫生健康', 'continuing', True, 2019,
   [(TR, '340'), (GB, '160')], ('建立规范化居民健康档案', '9.6', '万份', '9.8'), 'even', 640, 990),
  ('P0605', 'U06', '城乡居民基本养老保险补助', '社会保障', 'continuing', True, 2019,
   [(GB, '720')], ('享受参保缴费补贴人数', '4.2', '万人', '4.1'), 'quarterly', 750, 1000),
  ('P0606', 'U06', '园区第一幼儿园新建工程', '教育', 'new', True, 2022,
   [(LT, '2800')], ('新建幼儿园建筑面积', '1.2', '万平方米', None), 'build', 520, 920),
  ('P0607', 'U06', '园区全民健身及文化体育设施建设', '文化体育', 'new', False, 2022,
   [(GB, '360')], ('新建全民健身场地', '10', '处', None), 'build', 580, 960),
  ('P0608', 'U06', '园区社区卫生服务中心医疗设备购置', '卫生健康', 'new', False, 2022,
   [(GB, '240')], ('购置医疗设备', '45', '台（套）', None), 'lump', 620, 1000),
  ('P0609', 'U06', '退役军人及优抚对象优待抚恤', '社会保障', 'continuing', True, 2020,
   [(TR, '150'), (GB, '60')], ('发放优待抚恤对象', '850', '人', '830'), 'quarterly', 750, 1000),
  ('P0610', 'U06', '园区养老服务中心运营补贴', '社会保障', 'new', False, 2022,
   [(GB, '180')], ('养老服务中心服务老年人', '1200', '人', None), 'quarterly', 750, 1000),
]

NOT_IMPLEMENTED = ['P0111', 'P0112', 'P0205']  # F23 / F24
# 2022-06-30: part of the unimplemented projects' budget re-allocated (F24).
REALLOCATION = [  # (project, source, 万元)
  ('P0112', GB, '-300'),
  ('P0205', GB, '-303.2'),
  ('P0306', GB, '300'),
  ('P0603', GB, '303.2'),
]

# Projects cancelled at goal review (F15): requested 6.2 + 4.5 = 10.7 万元.
CANCELLED_AT_REVIEW = [
  ('P0217', 'U02', '园区招商宣传氛围营造', '招商引资', '6.2'),
  ('P0409', 'U04', '财务人员业务培训', '财政管理', '4.5'),
]
# Projects cancelled after a failed ex-ante assessment (F10): ~1000 万元.
CANCELLED_AT_EXANTE = [  # (id, unit, name, category, requested, scores, note)
  ('P0119', 'U01', '东部新城城市形象宣传片拍摄制作', '宣传推介', '420',
   ('9', '8', '10', '12', '13'), '立项必要性论证不足，资金测算缺少依据，支撑资料不详实，不予支持'),
  ('P0218', 'U02', '园区企业服务中心装修改造', '基础设施', '330',
   ('11', '9', '10', '9.5', '9'), '与既有办公场所功能重复，投入经济性差，实施方案不完整，不予支持'),
  ('P0513', 'U05', '园区工业互联网平台建设补助', '企业扶持', '256',
   ('12', '10', '8.5', '10', '11'), '绩效目标不明确，补助对象与标准未确定，筹资方案不合规，不予支持'),
]

KEY_WITH_BUDGET = ['P0101', 'P0102', 'P0103', 'P0105', 'P0106', 'P0201', 'P0202', 'P0203',
                   'P0301', 'P0302', 'P0303', 'P0401', 'P0501', 'P0603']            # F17: 14
KEY_WITH_APPROVAL = ['P0101', 'P0105', 'P0202', 'P0203', 'P0302', 'P0503', 'P0601',
                     'P0606']                                                        # F27: 8

# Minor imperfections in the 78 well-formed goals (F16: "20+ comments").
MISSING_UNIT = ['P0113', 'P0213', 'P0309', 'P0406', 'P0511']   # quantity unit omitted
SATISFACTION_100 = ['P0116', 'P0215', 'P0408', 'P0610']         # satisfaction ≥ 100%
LATE_TIMELINESS = {'P0109': '15', 'P0203': '18', 'P0307': '15', 'P0606': '20'}  # > 12 months
# Below baseline: P0114, P0302, P0501, P0604 (see the quantity tuples above).
BELOW_BASELINE = ['P0114', 'P0302', 'P0501', 'P0604']
WEIGHTS_OFF = ['P0208', 'P0404']  # block weights not 50/30/10
DUPLICATE_INDICATOR = ['P0212']   # the satisfaction indicator entered twice
SATISFACTION_LOW = {'P0117': '78'}  # below 80%
QUALITATIVE_BENEFIT = ['P0506']   # a benefit left qualitative where a number was possible

# Indicator template where the category's own does not fit the project.
TEMPLATE_OF = {'P0606': '基础设施'}  # a kindergarten building: construction indicators

SAT_TARGETS = ['85', '88', '90', '92', '95']

# Self-evaluation of FY2021 (F3/F4): 32 key continuing projects; the 8 with a
# third-party evaluation (F5/F6) carry the amounts below (total 6200).
THIRD_PARTY = [  # (id, project, 2021 amount 万元, score, grade, evaluator, date, problems, suggestions)
  ('E-TP01', 'P0105', '1200', '84.5', 'good', '某会计师事务所（受托第三方）', '2022-07-15',
   ['部分衔接资金项目开工滞后，资金支付进度慢于计划',
    '项目绩效目标设置不够细化，部分指标未量化',
    '项目后续管护机制不健全，资产确权移交不及时'],
   ['加快项目实施和资金拨付进度，建立项目推进台账',
    '完善衔接资金项目资产确权移交和后续管护制度']),
  ('E-TP02', 'P0302', '1100', '88', 'good', '某工程咨询有限公司（受托第三方）', '2022-07-20',
   ['养护考核记录不完整，考核结果与养护费用支付挂钩不紧密',
    '部分路段苗木死亡后补植不及时',
    '养护合同对养护标准约定不够明确'],
   ['细化养护考核办法，按考核结果支付养护费用',
    '在养护合同中明确分级养护标准和补植时限']),
  ('E-TP03', 'P0301', '950', '86', 'good', '某工程咨询有限公司（受托第三方）', '2022-07-22',
   ['部分零星维修工程未履行立项审批程序',
    '工程量签证资料不完整',
    '维修养护台账更新不及时'],
   ['规范零星维修工程立项审批和结算审核',
    '建立市政设施维修养护电子台账']),
  ('E-TP04', 'P0601', '320', '91.5', 'excellent', '某会计师事务所（受托第三方）', '2022-07-28',
   ['抽检计划执行进度不均衡，下半年任务集中',
    '部分抽检不合格样品后处置不及时'],
   ['按季度分解抽检任务，均衡推进抽检计划',
    '建立不合格样品核查处置跟踪机制']),
  ('E-TP05', 'P0503', '880', '79', 'fair', '某环境咨询有限公司（受托第三方）', '2022-08-05',
   ['部分治理设施建成后运行监管不到位',
    '项目资金支付进度滞后于工程进度',
    '绩效指标与项目实施内容匹配度不高'],
   ['加强治理设施运行在线监管',
    '优化整合：将大气污染防治并入园区生态环境保护资金统筹安排，按实际内容重新设置绩效指标']),
  ('E-TP06', 'P0501', '650', '90.5', 'excellent', '某会计师事务所（受托第三方）', '2022-08-10',
   ['补贴申报材料审核把关不严，个别企业资料不全',
    '补贴资金发放公示不够及时'],
   ['严格稳岗补贴申报材料审核',
    '补贴发放结果及时向社会公示']),
  ('E-TP07', 'P0304', '600', '85', 'good', '某工程咨询有限公司（受托第三方）', '2022-08-12',
   ['路灯电费与维护费用未分别核算',
    '部分路段亮灯率未达到合同约定',
    '路灯巡查记录不完整'],
   ['电费与维护费分账核算，按合同考核亮灯率',
    '优化整合：将路灯维护及电费并入市政设施维修养护项目统筹安排，推行路灯智能监控']),
  ('E-TP08', 'P0602', '500', '87', 'good', '某会计师事务所（受托第三方）', '2022-08-18',
   ['救助对象动态管理不及时，存在应退未退情况',
    '部分救助资金未实现社会化发放',
    '救助档案资料管理不规范'],
   ['定期开展救助对象动态复核',
    '优化整合：将困难群众救助与其他社会救助资金整合统筹，全面实行社会化发放']),
]

RECT_OWNERS = {
  'P0105': '东城行管会农业农村办公室', 'P0302': '城管分局园林绿化科', 'P0301': '城管分局市政科',
  'P0601': '社会事业局食品药品监管科', 'P0503': '经济发展局生态环境科', 'P0501': '经济发展局人力资源和社会保障科',
  'P0304': '城管分局路灯管理所', 'P0602': '社会事业局民政科',
}

# Unit-level evaluations of FY2021 (F2, F7). Amounts: the unit's FY2021
# spending, computed in build() as its key projects' FY2021 amounts plus its
# other continuing projects' FY2022 budgets, rounded up to 10 万元 (invented).
UNIT_SELF_SCORES = {'U01': '88.5', 'U02': '91', 'U03': '90.5', 'U04': '93', 'U05': '86', 'U06': '89'}
UNIT_FISCAL = [('E-UF01', 'U01', '83.5', 'good', '2022-08-25'),
               ('E-UF02', 'U03', '87', 'good', '2022-08-26')]

UNIT_GOALS = {
  'U01': ('统筹推进东部新城道路、安置房等基础设施建设和乡村振兴，保障征迁安置和新城运转',
          ('完成东部新城重点建设项目', '8', '个'), ('新城建设项目验收合格率', 'eq', '100', '%'),
          ('social_benefit', '新城建成区道路网密度', 'ge', '6', '公里/平方公里'), '辖区群众满意度'),
  'U02': ('做好园区招商引资、企业服务和产业发展，保障园区管委会机关正常运转',
          ('新签约亿元以上招商项目', '20', '个'), ('招商项目履约率', 'ge', '80', '%'),
          ('economic_benefit', '园区规上工业产值增长率', 'ge', '12', '%'), '园区企业满意度'),
  'U03': ('做好园区市政设施、园林绿化、环卫保洁和城市照明管护，提升城市管理水平',
          ('市政设施及绿化养护面积', '500', '万平方米'), ('城市管理考核达标率', 'ge', '95', '%'),
          ('social_benefit', '市容环境卫生达标率', 'ge', '95', '%'), '市民满意度'),
  'U04': ('加强园区预算管理和预算绩效管理，防范政府债务风险，保障财政平稳运行',
          ('开展预算绩效评价项目', '8', '个'), ('预算编制准确率', 'ge', '95', '%'),
          ('economic_benefit', '财政资金使用效益提升率', 'ge', '5', '%'), '预算单位满意度'),
  'U05': ('落实稳岗就业、企业扶持、生态环境保护和安全生产监管，服务园区经济发展',
          ('服务和扶持园区企业', '400', '家'), ('扶持资金兑现合规率', 'eq', '100', '%'),
          ('ecological_benefit', '园区空气质量优良天数比例', 'ge', '80', '%'), '园区企业满意度'),
  'U06': ('保障园区教育、卫生健康、食品药品安全和社会保障等民生事业发展',
          ('保障民生服务对象', '3', '万人'), ('民生资金发放准确率', 'eq', '100', '%'),
          ('social_benefit', '民生政策覆盖率', 'ge', '98', '%'), '群众满意度'),
}


# ---------------------------------------------------------------------------

def ind(iid, level1, level2, name, comparator, target, unit, weight, **extra):
  d = {'id': str(iid), 'level1': level1, 'level2': level2, 'name': name,
       'comparator': comparator, 'target': target}
  if unit is not None:
    d['unit_of_measure'] = unit
  if weight is not None:
    d['weight'] = weight
  d.update(extra)
  return d


def build():
  rng = SplitMix64(20220831)
  units = [{'id': u, 'name': n} for u, n, _ in UNITS]

  # --- approved amounts, balancing BALANCER to the exact F20 total.
  funds_fen = {}
  for spec in P:
    pid, funds = spec[0], spec[7]
    funds_fen[pid] = [(src, None if amt is None else wan_to_fen(amt)) for src, amt in funds]
  others = sum(a for pid, fl in funds_fen.items() for _, a in fl if a is not None)
  balance = APPROVED_TOTAL_WAN * FEN_PER_WAN - others
  assert balance > 0
  funds_fen[BALANCER] = [(funds_fen[BALANCER][0][0], balance)]
  approved = {pid: sum(a for _, a in fl) for pid, fl in funds_fen.items()}
  assert len(P) == 78
  assert sum(approved.values()) == APPROVED_TOTAL_WAN * FEN_PER_WAN
  assert sum(approved[p] for p in NOT_IMPLEMENTED) == UNIMPLEMENTED_WAN * FEN_PER_WAN

  adjustments = {}
  for pid, src, amt in REALLOCATION:
    adjustments.setdefault(pid, []).append((src, wan_to_fen(amt)))
  assert sum(a for l in adjustments.values() for _, a in l) == 0
  assert -sum(a for p in NOT_IMPLEMENTED for _, a in adjustments.get(p, [])) == REALLOCATED_FEN
  # current budget per (project, source) after the 2022-06-30 adjustments
  current_src = {}
  for pid, fl in funds_fen.items():
    cs = {}
    for src, a in fl:
      cs[src] = cs.get(src, 0) + a
    for src, a in adjustments.get(pid, []):
      cs[src] += a
      assert cs[src] >= 0
    current_src[pid] = cs
  current = {pid: sum(cs.values()) for pid, cs in current_src.items()}

  # --- executed Jan-Aug: shares scaled exactly to F21.
  spec_by_id = {s[0]: s for s in P}
  raw = {}
  for spec in P:
    pid, share = spec[0], spec[10]
    if share:
      jitter = rng.between(-20, 20) if spec[9] not in ('quarterly', 'semiannual') else 0
      share = max(0, share + jitter)
    raw[pid] = current[pid] * share // 1000
  target = EXECUTED_JAN_AUG_WAN * FEN_PER_WAN
  rsum = sum(raw.values())
  ja = {pid: r * target // rsum for pid, r in raw.items()}
  ja[BALANCER] += target - sum(ja.values())
  assert sum(ja.values()) == target
  later = {}
  for spec in P:
    pid = spec[0]
    assert ja[pid] * 100 <= current[pid] * 85, (pid, ja[pid], current[pid])
    year_end = current[pid] * spec[11] // 1000
    later[pid] = max(0, year_end - ja[pid])
    assert ja[pid] + later[pid] <= current[pid]

  # --- monthly split and dated vouchers.
  patterns = {
    'even': ([1] * 8, [1] * 4),
    'quarterly': ([1, 0, 0, 1, 0, 0, 1, 0], [0, 1, 0, 0]),
    'semiannual': ([0, 0, 0, 0, 0, 1, 0, 0], [0, 0, 0, 1]),
    'build': ([0, 1, 1, 2, 2, 3, 3, 3], [3, 3, 2, 2]),
    'lump': ([0, 0, 2, 0, 1, 3, 0, 2], [0, 2, 0, 3]),
    'late': ([0] * 8, [1, 2, 3, 4]),
    'none': ([0] * 8, [0] * 4),
  }
  vouchers = []
  payment_plans = {}
  for spec in P:
    pid, pattern = spec[0], spec[9]
    w_early, w_late = patterns[pattern]
    months = []
    if ja[pid]:
      months += list(zip(range(1, 9), allocate(ja[pid], w_early)))
    if later[pid]:
      months += list(zip(range(9, 13), allocate(later[pid], w_late)))
    srcs = sorted(current_src[pid].items())
    for month, amount in months:
      if not amount:
        continue
      parts = allocate(amount, [c for _, c in srcs])
      for (src, _), part in zip(srcs, parts):
        if not part:
          continue
        day = rng.between(3, 28)
        vouchers.append(('%d-%02d-%02d' % (YEAR, month, day), pid, src, part))
    if pattern in ('build', 'late', 'lump') and spec[10] and spec[10] <= 520 or pattern == 'late':
      # Lagging projects report their remaining payment plan (用款计划).
      # Whole 万元 per month, a little below what is actually paid later.
      plan_wan = later[pid] // FEN_PER_WAN
      payment_plans[pid] = [('%d-%02d-%02d' % (YEAR, m, [30, 31, 30, 31][m - 9]), a * FEN_PER_WAN)
                            for m, a in zip(range(9, 13), allocate(plan_wan, w_late)) if a]
  vouchers.sort()
  disbursements = []
  for i, (date, pid, src, amt) in enumerate(vouchers, 1):
    disbursements.append({'id': 'V22%05d' % i, 'project': pid, 'date': date, 'source': src,
                          'amount': fen_to_yuan_text(amt)})
  jan_aug = sum(a for d, _, _, a in vouchers if d <= '2022-08-31')
  assert jan_aug == target, (jan_aug, target)
  for pid in NOT_IMPLEMENTED:
    assert ja[pid] == 0 and later[pid] == 0

  # --- projects
  projects = []
  key_continuing = []
  for spec in P:
    pid, uid, name, cat, kind, key, start = spec[:7]
    status = 'in_progress'
    if pid in NOT_IMPLEMENTED:
      status = 'not_implemented'
    elif spec[9] == 'late':
      status = 'planned'
    p = {'id': pid, 'unit': uid, 'name': name, 'category': cat, 'kind': kind, 'key': key,
         'status': status, 'start_year': start, 'requested': fen_to_wan_text(approved[pid]),
         'funds': [{'source': src, 'approved': fen_to_wan_text(a)} for src, a in funds_fen[pid]]}
    if pid in adjustments:
      p['adjustments'] = [{
          'date': '2022-06-30', 'source': src, 'amount': fen_to_wan_text(a),
          'reason': ('项目未实施，调减预算用于保障重点项目建设' if a < 0 else
                     '调入未实施项目预算，保障重点项目建设')} for src, a in adjustments[pid]]
    if pid in payment_plans:
      p['payment_plan'] = [{'date': d, 'amount': fen_to_wan_text(a)} for d, a in payment_plans[pid]]
    if key:
      p['disclosure'] = {'with_budget': pid in KEY_WITH_BUDGET,
                         'with_approval': pid in KEY_WITH_APPROVAL}
      if kind == 'continuing':
        key_continuing.append(pid)
    projects.append(p)
  for pid, uid, name, cat, req in CANCELLED_AT_REVIEW:
    projects.append({'id': pid, 'unit': uid, 'name': name, 'category': cat, 'kind': 'new',
                     'key': False, 'status': 'cancelled', 'start_year': YEAR,
                     'requested': req + '万元', 'funds': []})
  for pid, uid, name, cat, req, _, _ in CANCELLED_AT_EXANTE:
    projects.append({'id': pid, 'unit': uid, 'name': name, 'category': cat, 'kind': 'new',
                     'key': False, 'status': 'cancelled', 'start_year': YEAR,
                     'requested': req + '万元', 'funds': []})
  projects.sort(key=lambda p: p['id'])
  assert len(key_continuing) == 32, len(key_continuing)
  assert sum(1 for p in projects if p.get('disclosure', {}).get('with_budget')) == 14
  assert sum(1 for p in projects if p.get('disclosure', {}).get('with_approval')) == 8

  # --- goals
  goals = []
  progress = {pid: Fraction(ja[pid], current[pid]) if current[pid] else Fraction(0)
              for pid in current}
  for idx, spec in enumerate(P):
    pid, uid, name, cat = spec[:4]
    qname, qtarget, qunit, qbase = spec[8]
    t = T[TEMPLATE_OF.get(pid, cat)]
    inds = []
    w_q, w_ql, w_t, w_b1, w_b2, w_s = '20', '15', '15', '20', '10', '10'
    if pid == 'P0208':
      w_q, w_b1, w_b2 = '15', '25', '10'     # output 45, benefit 35
    if pid == 'P0404':
      w_b1, w_b2 = '15', '10'                # benefit 25: total 85
    qunit_out = '' if pid in MISSING_UNIT else qunit
    qi = ind(1, 'output', 'quantity', qname, 'ge', qtarget, qunit_out, w_q, value_source='plan')
    if qbase is not None:
      qi['baseline'] = qbase
      qi['value_source'] = 'history'
    if spec[10] or pid in NOT_IMPLEMENTED:
      # Mid-year actual (2022-08-31): attainment tracks spending, with a little noise.
      frac = progress[pid] * Fraction(rng.between(90, 115), 100)
      qi['actuals'] = [{'date': '2022-08-31',
                        'value': dec_text(min(frac, Fraction(1)) * Fraction(qtarget), 1)}]
    inds.append(qi)
    qn, qc, qt, qu = t['quality']
    inds.append(ind(2, 'output', 'quality', qn, qc, qt, qu, w_ql, value_source='industry'))
    tn, tc, tt, tu = t['timeliness']
    if pid in LATE_TIMELINESS:
      tn, tc, tt, tu = '项目完成时限', 'le', LATE_TIMELINESS[pid], '个月'
    inds.append(ind(3, 'output', 'timeliness', tn, tc, tt, tu, w_t, value_source='plan'))
    (l2a, bna, bca, bta, bua, _), (l2b, bnb, bcb, btb, bub, _) = t['benefits']
    if pid in QUALITATIVE_BENEFIT:
      inds.append(ind(4, 'benefit', 'economic_benefit', '促进园区电子商务发展', 'qualitative',
                      '有效促进', None, w_b1, evaluation_standard='达成 / 部分达成 / 未达成'))
    else:
      inds.append(ind(4, 'benefit', l2a, bna, bca, bta, bua, w_b1, value_source='plan'))
    inds.append(ind(5, 'benefit', l2b, bnb, bcb, btb, bub, w_b2, value_source='plan'))
    sat = SAT_TARGETS[idx % len(SAT_TARGETS)]
    if pid in SATISFACTION_100:
      sat = '100'
    if pid in SATISFACTION_LOW:
      sat = SATISFACTION_LOW[pid]
    inds.append(ind(6, 'satisfaction', 'beneficiary_satisfaction', t['sat'], 'ge', sat, '%', w_s,
                    value_source='other', evaluation_standard='问卷调查'))
    if pid in DUPLICATE_INDICATOR:
      inds.append(ind(7, 'satisfaction', 'beneficiary_satisfaction', t['sat'], 'ge', sat, '%',
                      '0', value_source='other'))
    words = {'ge': '不低于', 'le': '不超过', 'eq': '达到', 'gt': '高于', 'lt': '低于'}
    text = ('%d年实施%s，%s%s%s%s，%s%s%s%s，%s%s%s%s，%s、%s达到预期，%s不低于%s%%。' %
            (YEAR, name, qname, words['ge'], qtarget, qunit_out or '', qn, words[qc], qt, qu,
             tn, words[tc], tt, tu, inds[3]['name'], bnb, t['sat'], sat))
    goals.append({'id': 'G-' + pid, 'owner': 'project', 'project': pid, 'text': text,
                  'indicators': inds})
  # The two defective goals (F15): cancelled at goal review.
  goals.append({'id': 'G-P0217', 'owner': 'project', 'project': 'P0217',
                'text': '加强宣传，营造良好氛围',
                'indicators': [
                    ind(1, 'output', 'quantity', '宣传活动', 'ge', '若干', None, None),
                    ind(2, 'output', 'quality', '宣传效果', 'qualitative', '明显提升', None, None),
                    ind(3, 'output', 'timeliness', '完成时间', 'qualitative', '及时', None, None)]})
  goals.append({'id': 'G-P0409', 'owner': 'project', 'project': 'P0409',
                'text': '做好相关工作，完成上级交办任务',
                'indicators': [
                    ind(1, 'output', 'quantity', '道路清扫保洁面积', 'ge', '50', '万平方米', '20'),
                    ind(2, 'output', 'quality', '绿化苗木成活率', 'ge', '95', '%', '15'),
                    ind(3, 'benefit', 'ecological_benefit', '空气质量优良天数比例', 'ge', '80', '%', '30'),
                    ind(4, 'satisfaction', 'beneficiary_satisfaction', '沿街商户满意度', 'ge', '90',
                        '%', '10')]})
  goals.sort(key=lambda g: g['id'])
  for uid, (text, (qn, qt, qu), (qln, qlc, qlt, qlu), (bl2, bn, bc, bt, bu), sn) in UNIT_GOALS.items():
    goals.append({'id': 'G-' + uid, 'owner': 'unit', 'unit': uid, 'text': text, 'indicators': [
        ind(1, 'output', 'quantity', qn, 'ge', qt, qu, '20', value_source='plan'),
        ind(2, 'output', 'quality', qln, qlc, qlt, qlu, '15', value_source='plan'),
        ind(3, 'output', 'timeliness', '预算资金支付及时率', 'ge', '95', '%', '15', value_source='plan'),
        ind(4, 'benefit', bl2, bn, bc, bt, bu, '20', value_source='plan'),
        ind(5, 'benefit', 'sustainability', '部门预算绩效管理制度健全率', 'eq', '100', '%', '10',
            value_source='plan'),
        ind(6, 'satisfaction', 'beneficiary_satisfaction', sn, 'ge', '90', '%', '10',
            value_source='other', evaluation_standard='问卷调查')]})

  # --- ex-ante assessments (F9-F11): 29 supported + 3 not supported.
  ex_ante = []
  new_big = [s for s in P if s[4] == 'new' and approved[s[0]] >= 100 * FEN_PER_WAN]
  assert len(new_big) == 29, len(new_big)
  for s in new_big:
    pid = s[0]
    if pid == 'P0512':
      scores = ['16', '16', '16', '16', '16']  # exactly 80: supported at the threshold
    else:
      scores = [dec_text(Fraction(rng.between(32, 39), 2), 1) for _ in range(5)]
    total = sum(Fraction(x) for x in scores)
    assert total >= 80
    ex_ante.append({'project': pid,
                    'date': '2021-%02d-%02d' % (rng.between(9, 11), rng.between(1, 28)),
                    'requested': fen_to_wan_text(approved[pid]),
                    'scores': dict(zip(['necessity', 'economy', 'goal_soundness', 'feasibility',
                                        'funding_compliance'], scores)),
                    'note': '评估结论：予以支持（%s分）' % dec_text(total, 1)})
  for pid, uid, name, cat, req, scores, note in CANCELLED_AT_EXANTE:
    total = sum(Fraction(x) for x in scores)
    assert total < 60
    ex_ante.append({'project': pid, 'date': '2021-10-%02d' % rng.between(10, 28),
                    'requested': req + '万元',
                    'scores': dict(zip(['necessity', 'economy', 'goal_soundness', 'feasibility',
                                        'funding_compliance'], scores)),
                    'note': '评估结论：不予支持（%s分）。%s' % (dec_text(total, 1), note)})
  ex_ante.sort(key=lambda e: e['project'])
  assert len(ex_ante) == 32

  # --- evaluations
  evaluations = []
  tp_amount = {pid: wan_to_fen(a) for _, pid, a, *_ in THIRD_PARTY}
  assert sum(tp_amount.values()) == THIRD_PARTY_TOTAL_WAN * FEN_PER_WAN
  # FY2021 amounts of the other 24 key projects: about 1.1-1.4 x their FY2022
  # budget in whole 万元; the four land-financed construction and land
  # acquisition projects of U01 (heaviest in 2021) absorb the difference to F4.
  rest = [pid for pid in key_continuing if pid not in tp_amount]
  amounts21 = dict(tp_amount)
  for pid in rest:
    amounts21[pid] = approved[pid] * rng.between(110, 140) // 100 // FEN_PER_WAN * FEN_PER_WAN
  absorbers = ['P0101', 'P0102', 'P0103', 'P0104']
  diff_wan = (SELF_EVAL_TOTAL_WAN * FEN_PER_WAN - sum(amounts21.values())) // FEN_PER_WAN
  assert diff_wan > 0
  for pid, extra in zip(absorbers, allocate(diff_wan, [approved[p] for p in absorbers])):
    amounts21[pid] += extra * FEN_PER_WAN
  assert sum(amounts21.values()) == SELF_EVAL_TOTAL_WAN * FEN_PER_WAN
  unit_of = {s[0]: s[1] for s in P}
  unit_2021 = {}
  for uid, _, _ in UNITS:
    total = sum(a for pid, a in amounts21.items() if unit_of[pid] == uid)
    total += sum(approved[s[0]] for s in P
                 if s[1] == uid and s[4] == 'continuing' and s[0] not in amounts21)
    step = 10 * FEN_PER_WAN
    unit_2021[uid] = fen_to_wan_text((total + step - 1) // step * step)
  for n, pid in enumerate(key_continuing, 1):
    score = Fraction(rng.between(160, 196), 2)
    if pid == 'P0503':
      score = Fraction(158, 2)
    grade = 'excellent' if score >= 90 else 'good' if score >= 80 else 'fair'
    evaluations.append({'id': 'E-S%02d' % n, 'kind': 'self', 'project': pid, 'unit': unit_of[pid],
                        'evaluated_year': 2021,
                        'date': '2022-04-%02d' % rng.between(10, 29),
                        'amount': fen_to_wan_text(amounts21[pid]), 'score': dec_text(score, 1),
                        'grade': grade, 'evaluator': '', 'problems': [], 'suggestions': []})
  for uid, _, _ in UNITS:
    score = Fraction(UNIT_SELF_SCORES[uid])
    evaluations.append({'id': 'E-US' + uid[1:], 'kind': 'self', 'unit': uid,
                        'evaluated_year': 2021, 'date': '2022-05-%02d' % rng.between(10, 31),
                        'amount': unit_2021[uid],
                        'score': UNIT_SELF_SCORES[uid],
                        'grade': 'excellent' if score >= 90 else 'good',
                        'evaluator': '', 'problems': [], 'suggestions': []})
  for eid, pid, amt, score, grade, evaluator, date, problems, suggestions in THIRD_PARTY:
    evaluations.append({'id': eid, 'kind': 'third_party', 'project': pid, 'unit': unit_of[pid],
                        'evaluated_year': 2021, 'date': date, 'amount': amt + '万元',
                        'score': score, 'grade': grade, 'evaluator': evaluator,
                        'problems': problems, 'suggestions': suggestions,
                        # "财政绩效评价结果已随2021年部门决算公开" (一.2)
                        'published_with_final_accounts': True})
  for eid, uid, score, grade, date in UNIT_FISCAL:
    evaluations.append({'id': eid, 'kind': 'fiscal', 'unit': uid, 'evaluated_year': 2021,
                        'date': date, 'amount': unit_2021[uid], 'score': score,
                        'grade': grade, 'evaluator': '某会计师事务所（受托第三方）',
                        'problems': [], 'suggestions': [],
                        'published_with_final_accounts': True})
  assert sum(len(e['problems']) for e in evaluations) == 22
  assert sum(len(e['suggestions']) for e in evaluations) == 16

  # --- rectifications: one per problem (F25). Status by a fixed plan:
  # done (closed), in progress, open; dues from 2022-09-30 to 2023-03-31.
  plan = [('done', '2022-09-30', '2022-09-26'), ('in_progress', '2022-12-31', None),
          ('open', '2023-03-31', None), ('done', '2022-10-31', '2022-10-20'),
          ('in_progress', '2022-10-31', None), ('in_progress', '2023-03-31', None),
          ('open', '2022-11-30', None), ('done', '2022-12-31', '2022-12-15'),
          ('in_progress', '2023-06-30', None), ('in_progress', '2022-12-31', None),
          ('open', '2022-09-30', None)]
  rectifications = []
  n = 0
  for eid, pid, *_rest in THIRD_PARTY:
    problems = _rest[5]
    for prob in problems:
      status, due, closed = plan[n % len(plan)]
      n += 1
      rectifications.append({'id': 'R%02d' % n, 'evaluation': eid, 'unit': unit_of[pid],
                             'project': pid, 'description': prob, 'owner': RECT_OWNERS[pid],
                             'due': due, 'status': status})
      if closed:
        rectifications[-1]['closed'] = closed
  assert len(rectifications) == 22

  dataset = {
    'format': 'perfbudget-dataset',
    'version': 1,
    'jurisdiction': {'code': '341300', 'name': '宿马园区'},
    'fiscal_year': {'year': YEAR, 'start_month': 1, 'named_by_end': False},
    'title': ('宿州马鞍山现代产业园区2022年预算绩效管理示例数据集（依据园区2022年预算绩效管理'
              '工作开展情况说明重建；单位名称部分真实，项目、金额明细、日期、指标为虚构）'),
    # 数据截至日期: the report's figures are "截至8月31日"; the summary, monitor
    # and reclaim commands default to this date.
    'as_of': '2022-08-31',
    'units': units,
    'projects': projects,
    'goals': goals,
    'disbursements': disbursements,
    'ex_ante': ex_ante,
    'evaluations': evaluations,
    'rectifications': rectifications,
  }
  stats = dict(approved=approved, current=current, ja=ja, later=later,
               unspent_unimplemented=sum(current[p] for p in NOT_IMPLEMENTED),
               funds_fen=funds_fen, amounts21=amounts21, key_continuing=key_continuing,
               unit_2021=unit_2021, evaluations=evaluations, goals=goals)
  return dataset, stats


# ---------------------------------------------------------------------------
# FY2021 and FY2023 beside FY2022 (docs/format.md "Several fiscal years").
# Each year is its own dataset; an evaluation is recorded in the dataset of the
# fiscal year it was carried out in (its date), whatever year it evaluated.
# The FY2022 dataset above is unchanged by these; they only read its figures.

def exact_dec(fr):
  """An exact Fraction with a terminating decimal expansion, as shortest text."""
  fr = Fraction(fr)
  assert fr >= 0, fr
  places = 0
  while (fr * 10 ** places).denominator != 1:
    places += 1
    assert places <= 12, fr
  q = int(fr * 10 ** places)
  scale = 10 ** places
  s = str(q // scale)
  if places:
    s += '.' + ('%0*d' % (places, q % scale)).rstrip('0')
  return s


def self_score(inds, executed, current):
  """DOMAIN.md §6 defaults, for goals whose indicators all carry weights: each
  indicator's weight x attainment, plus 10 x min(executed / current, 1)."""
  total = Fraction(0)
  for i in inds:
    w = Fraction(i['weight'])
    actual = Fraction(i['actuals'][-1]['value'])
    t = Fraction(i['target'])
    c = i['comparator']
    if c in ('ge', 'gt'):
      total += w * min(actual / t, Fraction(1)) if t else w
    elif c in ('le', 'lt'):
      total += w if actual <= t else w * t / actual
    elif c == 'eq':
      total += w if actual == t else w * max(Fraction(0), 1 - abs(actual - t) / abs(t))
    else:
      raise AssertionError(c)
  return total + 10 * min(Fraction(executed, current), Fraction(1))


# Five key projects given a third-party evaluation in 2021 (F5 "较上年增加3个":
# 8 in 2022 = 5 the year before + 3), evaluating FY2020 spending. Invented.
THIRD_PARTY_2021 = [  # (id, project, FY2020 amount 万元, score, grade, evaluator, date, problems, suggestions)
  ('E21-TP01', 'P0104', '5200', '86.5', 'good', '某会计师事务所（受托第三方）', '2021-07-16',
   ['征迁补偿资金拨付台账与协议不一致', '部分安置补偿档案资料缺失'],
   ['建立征迁补偿资金拨付与协议对账机制']),
  ('E21-TP02', 'P0202', '6100', '82', 'good', '某会计师事务所（受托第三方）', '2021-07-23',
   ['扶持资金兑现后对企业绩效跟踪不够', '个别企业重复享受同类扶持政策'],
   ['建立扶持企业绩效跟踪评价机制', '清理整合同类扶持政策']),
  ('E21-TP03', 'P0303', '2300', '89', 'good', '某工程咨询有限公司（受托第三方）', '2021-08-06',
   ['环卫作业考核扣款未严格执行'],
   ['严格按考核结果结算环卫作业费用']),
  ('E21-TP04', 'P0603', '4900', '92', 'excellent', '某会计师事务所（受托第三方）', '2021-08-13',
   ['公用经费分配未充分考虑学校规模差异'],
   ['按学生规模和办学成本细化公用经费分配']),
  ('E21-TP05', 'P0605', '650', '90.5', 'excellent', '某会计师事务所（受托第三方）', '2021-08-20',
   ['参保缴费补贴发放名单更新不及时'],
   ['与社保经办机构按月比对参保名单']),
]
RESULT_NOT_PUBLISHED_2021 = ['E21-TP03']  # invented: one result not published with the 2020 final accounts
KEY_WITH_BUDGET_2021 = ['P0101', 'P0103', 'P0104', 'P0105', 'P0201', 'P0202', 'P0301', 'P0302',
                        'P0401', 'P0603']                                            # invented: 10
KEY_WITH_APPROVAL_2021 = ['P0103', 'P0202', 'P0302', 'P0401', 'P0603']              # invented: 5
DEVIATION_REASONS = [
  '偏差原因：受征地拆迁进度影响，部分工程顺延至次年实施',
  '偏差原因：受疫情防控影响，部分工作未能按计划开展',
  '偏差原因：申报对象少于预期，按实际需求兑现',
  '偏差原因：项目实施方案调整，部分内容纳入下年度实施',
]
# Key projects whose quantity actual falls far short with no 偏差原因 given
# (the self-evaluation check flags them). Invented.
NO_DEVIATION_REASON = ['P0114', 'P0303']
# Two key projects whose reported FY2021 self-score exceeds what their goals'
# year-end actuals and execution give by more than 5 points (自评抽查 finds them).
INFLATED_SELF_SCORE = {'P0209': Fraction(7), 'P0507': Fraction(13, 2)}


def goal_indicators(spec, year, quantity_target, sat):
  """The six weighted indicators (90 points) of a project goal, no actuals."""
  qname, _, qunit, _ = spec[8]
  t = T[TEMPLATE_OF.get(spec[0], spec[3])]
  (l2a, bna, bca, bta, bua, _), (l2b, bnb, bcb, btb, bub, _) = t['benefits']
  qn, qc, qt, qu = t['quality']
  tn, tc, tt, tu = t['timeliness']
  return [
    ind(1, 'output', 'quantity', qname, 'ge', quantity_target, qunit, '20', value_source='plan'),
    ind(2, 'output', 'quality', qn, qc, qt, qu, '15', value_source='industry'),
    ind(3, 'output', 'timeliness', tn, tc, tt, tu, '15', value_source='plan'),
    ind(4, 'benefit', l2a, bna, bca, bta, bua, '20', value_source='plan'),
    ind(5, 'benefit', l2b, bnb, bcb, btb, bub, '10', value_source='plan'),
    ind(6, 'satisfaction', 'beneficiary_satisfaction', t['sat'], 'ge', sat, '%', '10',
        value_source='other', evaluation_standard='问卷调查'),
  ], '%d年实施%s，%s不低于%s%s，%s、%s、%s、%s达到预期，%s不低于%s%%。' % (
      year, spec[2], qname, quantity_target, qunit or '', qn, tn, bna, bnb, t['sat'], sat)


def quarterly_vouchers(rng, year, pid, lines, total):
  """`total` fen paid in four quarterly vouchers, split across fund lines."""
  out = []
  srcs = sorted(lines)
  for month, amount in zip((3, 6, 9, 12), allocate(total, [1, 1, 1, 1])):
    for (src, _), part in zip(srcs, allocate(amount, [a for _, a in srcs])):
      if part:
        out.append(('%d-%02d-%02d' % (year, month, rng.between(5, 25)), pid, src, part))
  return out


def build_2021(stats):
  """FY2021: the year the 32 key projects' self-evaluations (F2-F4, recorded in
  FY2022) look back on, with year-end actuals, execution, and the 5 fiscal
  evaluations carried out in 2021 (F5 "5 the year before")."""
  year = 2021
  rng = SplitMix64(20211231)
  reported = {e['project']: Fraction(e['score']) for e in stats['evaluations']
              if e['kind'] == 'self' and e.get('project')}
  amounts21 = stats['amounts21']
  specs = [s for s in P if s[4] == 'continuing']
  projects, goals, vouchers, computed = [], [], [], {}
  for idx, spec in enumerate(specs):
    pid, uid, name, cat, _, key, start = spec[:7]
    fy22 = stats['funds_fen'][pid]
    total = amounts21[pid] if pid in amounts21 else sum(a for _, a in fy22)
    parts = allocate(total // 10_000, [a for _, a in fy22])  # split in 0.01 万元 steps
    lines = [(src, a * 10_000) for (src, _), a in zip(fy22, parts)]
    p = {'id': pid, 'unit': uid, 'name': name, 'category': cat,
         'kind': 'new' if start == year else 'continuing', 'key': key,
         'status': 'in_progress' if spec[9] == 'build' else 'finished', 'start_year': start,
         'requested': fen_to_wan_text(total),
         'funds': [{'source': src, 'approved': fen_to_wan_text(a)} for src, a in lines]}
    if key:
      p['disclosure'] = {'with_budget': pid in KEY_WITH_BUDGET_2021,
                         'with_approval': pid in KEY_WITH_APPROVAL_2021}
    projects.append(p)
    # Year-end attainment: points lost L = 100 - C spread over execution (e),
    # the quantity indicator (q) and satisfaction (s), in half points. C is
    # the reported self-score less a small gap (larger for the inflated two).
    if pid in reported:
      gap = INFLATED_SELF_SCORE.get(pid, Fraction(rng.between(0, 4), 2))
      c = reported[pid] - gap
    else:
      c = Fraction(rng.between(170, 196), 2)
    lost = 100 - c
    e = min(lost, Fraction(rng.between(1, 5), 2))
    q = min(Fraction(int((lost - e) * 4 / 3), 2), Fraction(15))
    s = min(lost - e - q, Fraction(9))
    e += lost - e - q - s
    assert 0 <= e <= 10 and 0 <= q <= 15 and 0 <= s <= 9, (pid, e, q, s)
    executed = total * (10 - e) / 10
    assert executed.denominator == 1, pid
    vouchers += quarterly_vouchers(rng, year, pid, lines, int(executed))
    qtarget = spec[8][3]  # the FY2022 baseline: what FY2021 set out to do
    sat = SAT_TARGETS[idx % len(SAT_TARGETS)]
    inds, text = goal_indicators(spec, year, qtarget, sat)
    for i in inds:
      i['actuals'] = [{'date': '%d-12-31' % year, 'value': i['target']}]
    inds[0]['actuals'][0]['value'] = exact_dec(Fraction(qtarget) * (20 - q) / 20)
    inds[5]['actuals'][0]['value'] = exact_dec(Fraction(sat) * (10 - s) / 10)
    # 偏差原因 on the actuals far below target (under 80% of the points),
    # except on NO_DEVIATION_REASON's quantity indicators.
    if q > 4 and pid not in NO_DEVIATION_REASON:
      inds[0]['actuals'][0]['text'] = DEVIATION_REASONS[idx % len(DEVIATION_REASONS)]
    if s > 2:
      inds[5]['actuals'][0]['text'] = '偏差原因：问卷样本中对办理时效的评价偏低，已纳入下年度改进措施'
    score = self_score(inds, int(executed), total)
    assert score == c, (pid, score, c)
    computed[pid] = score
    goals.append({'id': 'G21-' + pid, 'owner': 'project', 'project': pid, 'text': text,
                  'indicators': inds})
  assert sum(a for pid, a in amounts21.items()) == SELF_EVAL_TOTAL_WAN * FEN_PER_WAN
  assert sorted(p['id'] for p in projects if p['key']) == sorted(stats['key_continuing'])
  for pid in NO_DEVIATION_REASON:
    g = next(g for g in goals if g['id'] == 'G21-' + pid)
    a = g['indicators'][0]['actuals'][0]
    assert 'text' not in a and Fraction(a['value']) < Fraction(g['indicators'][0]['target']) * 4 / 5, pid
  inflated = [pid for pid in reported if reported[pid] - computed[pid] > 5]
  assert sorted(inflated) == sorted(INFLATED_SELF_SCORE), inflated
  for uid, (text, (qn, qt, qu), (qln, qlc, qlt, qlu), (bl2, bn, bc, bt, bu), sn) in UNIT_GOALS.items():
    inds = [
        ind(1, 'output', 'quantity', qn, 'ge', qt, qu, '20', value_source='plan'),
        ind(2, 'output', 'quality', qln, qlc, qlt, qlu, '15', value_source='plan'),
        ind(3, 'output', 'timeliness', '预算资金支付及时率', 'ge', '95', '%', '15', value_source='plan'),
        ind(4, 'benefit', bl2, bn, bc, bt, bu, '20', value_source='plan'),
        ind(5, 'benefit', 'sustainability', '部门预算绩效管理制度健全率', 'eq', '100', '%', '10',
            value_source='plan'),
        ind(6, 'satisfaction', 'beneficiary_satisfaction', sn, 'ge', '90', '%', '10',
            value_source='other', evaluation_standard='问卷调查')]
    for i in inds:
      i['actuals'] = [{'date': '%d-12-31' % year, 'value': i['target']}]
    inds[5]['actuals'][0]['value'] = str(rng.between(86, 95))
    goals.append({'id': 'G21-' + uid, 'owner': 'unit', 'unit': uid,
                  'text': text.replace('统筹', '%d年统筹' % year, 1), 'indicators': inds})
  # Ex-ante assessments of FY2021's new projects (those started in 2021), all supported.
  ex_ante = []
  for p in projects:
    if p['kind'] == 'new' and wan_to_fen(p['requested'][:-2]) >= 100 * FEN_PER_WAN:
      scores = [dec_text(Fraction(rng.between(32, 39), 2), 1) for _ in range(5)]
      ex_ante.append({'project': p['id'],
                      'date': '2020-%02d-%02d' % (rng.between(9, 11), rng.between(1, 28)),
                      'requested': p['requested'],
                      'scores': dict(zip(['necessity', 'economy', 'goal_soundness', 'feasibility',
                                          'funding_compliance'], scores)),
                      'note': '评估结论：予以支持（%s分）' % dec_text(sum(Fraction(x) for x in scores), 1)})
  vouchers.sort()
  disbursements = [{'id': 'V21%05d' % i, 'project': pid, 'date': d, 'source': src,
                    'amount': fen_to_yuan_text(a)} for i, (d, pid, src, a) in enumerate(vouchers, 1)]
  unit_of = {s[0]: s[1] for s in P}
  evaluations, rectifications = [], []
  n = 0
  for eid, pid, amt, score, grade, evaluator, date, problems, suggestions in THIRD_PARTY_2021:
    evaluations.append({'id': eid, 'kind': 'third_party', 'project': pid, 'unit': unit_of[pid],
                        'evaluated_year': 2020, 'date': date, 'amount': amt + '万元',
                        'score': score, 'grade': grade, 'evaluator': evaluator,
                        'problems': problems, 'suggestions': suggestions,
                        'published_with_final_accounts': eid not in RESULT_NOT_PUBLISHED_2021})
    for prob in problems:
      n += 1
      rectifications.append({'id': 'R21-%02d' % n, 'evaluation': eid, 'unit': unit_of[pid],
                             'project': pid, 'description': prob,
                             'owner': '%s财务科' % dict((u, nm) for u, nm, _ in UNITS)[unit_of[pid]],
                             'due': '2021-12-31', 'status': 'done',
                             'closed': '2021-%02d-%02d' % (rng.between(10, 12), rng.between(1, 28))})
  assert len(evaluations) == 5
  return {
    'format': 'perfbudget-dataset',
    'version': 1,
    'jurisdiction': {'code': '341300', 'name': '宿马园区'},
    'fiscal_year': {'year': year, 'start_month': 1, 'named_by_end': False},
    'title': ('宿州马鞍山现代产业园区2021年预算绩效管理示例数据集（年末完成值与执行数，供2022年'
              '单位自评；2021年开展的5个重点项目财政评价；虚构）'),
    'as_of': '2021-12-31',
    'units': [{'id': u, 'name': nm} for u, nm, _ in UNITS],
    'projects': projects,
    'goals': goals,
    'disbursements': disbursements,
    'ex_ante': ex_ante,
    'evaluations': evaluations,
    'rectifications': rectifications,
  }, computed


# FY2023 (F26, F27). The result of the 2022 evaluations on the FY2023 budget:
# the three projects whose fiscal evaluation suggested 优化整合 (E-TP05, E-TP07,
# E-TP08: a suggestion starting "优化整合：") are merged into others, their
# FY2022 current budgets (1080 + 720 + 600 = 2400 万元) cut from the budget.
FINISHED_2022 = ['P0310', 'P0314', 'P0405', 'P0608']  # one-off projects done in 2022
RESULT_2023 = {  # project: (merged into, evaluation)
  'P0503': ('P0504', 'E-TP05'),
  'P0304': ('P0301', 'E-TP07'),
  'P0602': ('P0605', 'E-TP08'),
}
RESULT_CUT_2023_WAN = 2400  # F26 "近2400万元"
NEW_2023 = [  # (id, unit, name, category, key, [(source, 万元)], (quantity, target, unit))
  ('P0120', 'U01', '东部新城纬四路道路工程', '道路交通', True, [(LT, '2600')], ('新建道路长度', '1.6', '公里')),
  ('P0219', 'U02', '园区新能源产业招商推介', '招商引资', False, [(GB, '180')],
   ('举办新能源产业招商推介活动', '4', '场')),
  ('P0315', 'U03', '园区老旧小区改造提升', '基础设施', True, [(GB, '900'), (TR, '600')],
   ('改造提升老旧小区', '5', '个')),
  ('P0611', 'U06', '园区普惠托育服务补助', '社会保障', False, [(GB, '150')], ('补助普惠托育机构', '6', '家')),
]
KEY_WITH_APPROVAL_2023 = ['P0101', 'P0120', 'P0202', 'P0203', 'P0301', 'P0315', 'P0603',
                          'P0606']                                                   # F27: 8
KEY_WITH_BUDGET_2023 = KEY_WITH_APPROVAL_2023 + ['P0103', 'P0105', 'P0201', 'P0302', 'P0401',
                                                 'P0501', 'P0601', 'P0306']          # invented: 16


def build_2023(stats):
  year = 2023
  rng = SplitMix64(20230101)
  projects, goals, ex_ante = [], [], []
  cut = 0
  specs = [s for s in P if s[0] not in NOT_IMPLEMENTED and s[0] not in FINISHED_2022]
  for idx, spec in enumerate(specs):
    pid, uid, name, cat, _, key, start = spec[:7]
    fy22 = stats['funds_fen'][pid]
    total22 = sum(a for _, a in fy22)
    status = 'planned'
    if pid in RESULT_2023:
      # Merged away: requested at its FY2022 current budget, nothing approved.
      requested = stats['current'][pid]
      total = 0
      cut += requested
      status = 'cancelled'
    else:
      total = total22 * rng.between(95, 108) // 100 // FEN_PER_WAN * FEN_PER_WAN
      requested = total
    parts = allocate(total // FEN_PER_WAN, [a for _, a in fy22]) if total else []
    p = {'id': pid, 'unit': uid, 'name': name, 'category': cat, 'kind': 'continuing', 'key': key,
         'status': status, 'start_year': start, 'requested': fen_to_wan_text(requested),
         'funds': [{'source': src, 'approved': fen_to_wan_text(a * FEN_PER_WAN)}
                   for (src, _), a in zip(fy22, parts)]}
    if key and status != 'cancelled':
      p['disclosure'] = {'with_budget': pid in KEY_WITH_BUDGET_2023,
                         'with_approval': pid in KEY_WITH_APPROVAL_2023}
    projects.append(p)
    if status != 'cancelled':
      inds, text = goal_indicators(spec, year, spec[8][1], SAT_TARGETS[idx % len(SAT_TARGETS)])
      goals.append({'id': 'G23-' + pid, 'owner': 'project', 'project': pid, 'text': text,
                    'indicators': inds})
  assert cut == RESULT_CUT_2023_WAN * FEN_PER_WAN, cut
  merged = [e for e in stats['evaluations'] if any(x.startswith('优化整合') for x in e['suggestions'])]
  assert sorted(e['project'] for e in merged) == sorted(RESULT_2023), merged
  for idx, (pid, uid, name, cat, key, funds, (qn, qt, qu)) in enumerate(NEW_2023):
    total = sum(wan_to_fen(a) for _, a in funds)
    p = {'id': pid, 'unit': uid, 'name': name, 'category': cat, 'kind': 'new', 'key': key,
         'status': 'planned', 'start_year': year, 'requested': fen_to_wan_text(total),
         'funds': [{'source': src, 'approved': a + '万元'} for src, a in funds]}
    if key:
      p['disclosure'] = {'with_budget': pid in KEY_WITH_BUDGET_2023,
                         'with_approval': pid in KEY_WITH_APPROVAL_2023}
    projects.append(p)
    spec = (pid, uid, name, cat, 'new', key, year, funds, (qn, qt, qu, None))
    inds, text = goal_indicators(spec, year, qt, SAT_TARGETS[idx % len(SAT_TARGETS)])
    goals.append({'id': 'G23-' + pid, 'owner': 'project', 'project': pid, 'text': text,
                  'indicators': inds})
    scores = [dec_text(Fraction(rng.between(32, 39), 2), 1) for _ in range(5)]
    ex_ante.append({'project': pid, 'date': '2022-%02d-%02d' % (rng.between(9, 10), rng.between(1, 28)),
                    'requested': fen_to_wan_text(total),
                    'scores': dict(zip(['necessity', 'economy', 'goal_soundness', 'feasibility',
                                        'funding_compliance'], scores)),
                    'note': '评估结论：予以支持（%s分）' % dec_text(sum(Fraction(x) for x in scores), 1)})
  projects.sort(key=lambda p: p['id'])
  goals.sort(key=lambda g: g['id'])
  for uid, (text, (qn, qt, qu), (qln, qlc, qlt, qlu), (bl2, bn, bc, bt, bu), sn) in UNIT_GOALS.items():
    goals.append({'id': 'G23-' + uid, 'owner': 'unit', 'unit': uid, 'text': text, 'indicators': [
        ind(1, 'output', 'quantity', qn, 'ge', qt, qu, '20', value_source='plan'),
        ind(2, 'output', 'quality', qln, qlc, qlt, qlu, '15', value_source='plan'),
        ind(3, 'output', 'timeliness', '预算资金支付及时率', 'ge', '95', '%', '15', value_source='plan'),
        ind(4, 'benefit', bl2, bn, bc, bt, bu, '20', value_source='plan'),
        ind(5, 'benefit', 'sustainability', '部门预算绩效管理制度健全率', 'eq', '100', '%', '10',
            value_source='plan'),
        ind(6, 'satisfaction', 'beneficiary_satisfaction', sn, 'ge', '90', '%', '10',
            value_source='other', evaluation_standard='问卷调查')]})
  assert sum(1 for p in projects if p.get('disclosure', {}).get('with_approval')) == 8
  assert sum(1 for p in projects if p.get('disclosure', {}).get('with_budget')) == 16
  return {
    'format': 'perfbudget-dataset',
    'version': 1,
    'jurisdiction': {'code': '341300', 'name': '宿马园区'},
    'fiscal_year': {'year': year, 'start_month': 1, 'named_by_end': False},
    'title': ('宿州马鞍山现代产业园区2023年预算（批复）示例数据集：依据2022年评价结果优化整合项目3个、'
              '压减预算2400万元；随预算批复公开8个重点项目绩效目标（虚构）'),
    'units': [{'id': u, 'name': nm} for u, nm, _ in UNITS],
    'projects': projects,
    'goals': goals,
    'ex_ante': ex_ante,
  }


def write_json(path, dataset):
  text = json.dumps(dataset, ensure_ascii=False, indent=2) + '\n'
  os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
  tmp = path + '.tmp'
  with open(tmp, 'w', encoding='utf-8') as f:
    f.write(text)
  os.replace(tmp, path)
  print('wrote %s: %d projects, %d goals, %d disbursements, %d evaluations' %
        (path, len(dataset['projects']), len(dataset['goals']),
         len(dataset.get('disbursements', [])), len(dataset.get('evaluations', []))))


def main():
  here = os.path.dirname(os.path.abspath(__file__))
  out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'examples')
  dataset, stats = build()
  assert stats['unspent_unimplemented'] == wan_to_fen('2396.8')
  d2021, _ = build_2021(stats)
  d2023 = build_2023(stats)
  write_json(os.path.join(out_dir, 'suma-park-2021', 'dataset.json'), d2021)
  write_json(os.path.join(out_dir, 'suma-park-2022', 'dataset.json'), dataset)
  write_json(os.path.join(out_dir, 'suma-park-2023', 'dataset.json'), d2023)


if __name__ == '__main__':
  main()
