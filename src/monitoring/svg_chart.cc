// svg_chart.cc: the execution curve as an SVG line chart. Integer and Ratio
// arithmetic only; every coordinate is printed with two fixed decimals.
#include "perfbudget/monitoring/svg_chart.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "perfbudget/calendar/date.h"

namespace perfbudget {
namespace {

constexpr std::string_view kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                         "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};

std::string Fix(const Ratio& r) { return r.ToDecimalString(2); }

struct Frame {
  int left = 80, right = 230, top = 60, bottom = 70;
  int width = 960, height = 560;
  Ratio ymax = Ratio(100);  // percent at the top of the plot
  int plot_w() const { return width - left - right; }
  int plot_h() const { return height - top - bottom; }
  // x of a position in months (0..12).
  Ratio X(const Ratio& months) const { return Ratio(left) + months * Ratio(plot_w()) / Ratio(12); }
  // y of a percentage.
  Ratio Y(const Ratio& percent) const {
    return Ratio(top + plot_h()) - percent * Ratio(plot_h()) / ymax;
  }
};

// The most grid steps on the y axis.
constexpr int kMaxYSteps = 10;

// The y axis's step, in percent: the first of 20, 50, 100, 200, 500, 1000, …
// that reaches `top_pct` in at most kMaxYSteps steps. A chart up to 200%
// keeps its 20% grid; a rate of 1.8 billion percent (36万元 spent on a
// budget of 2 fen) draws a dozen lines, not ninety million.
Ratio YStep(const Ratio& top_pct) {
  Ratio step = Ratio(20);
  static constexpr int kCycle[][2] = {{5, 2}, {2, 1}, {2, 1}};  // ×2.5, ×2, ×2
  for (int k = 0; step * Ratio(kMaxYSteps) < top_pct; k = (k + 1) % 3) {
    step = step * Ratio(kCycle[k][0], kCycle[k][1]);
  }
  return step;
}

// Approximate width in pixels of `text` at font size 12: 12 for a CJK (or
// other 3/4-byte UTF-8) character, 7 for anything else.
int TextWidth(std::string_view text) {
  int w = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? 12 : 7;
    i += n;
  }
  return w;
}

// Where on the month axis a point sits: m at a month end, else m − 1 plus
// the share of the month elapsed.
Ratio MonthPos(const CurvePoint& p) {
  const Date d = p.date;
  const int dim = DaysInMonth(d.year(), d.month());
  if (d.day() == dim) return Ratio(p.fiscal_month);
  return Ratio(p.fiscal_month - 1) + Ratio(int128_t{d.day()}, int128_t{dim});
}

std::string Polyline(const Frame& f, const std::vector<std::pair<Ratio, Ratio>>& pts,
                     std::string_view color, std::string_view width, std::string_view dash,
                     std::string_view id) {
  std::string s = absl::StrCat("  <polyline id=\"", std::string(id), "\" fill=\"none\" stroke=\"",
                               std::string(color), "\" stroke-width=\"", std::string(width), "\"");
  if (!dash.empty()) absl::StrAppend(&s, " stroke-dasharray=\"", std::string(dash), "\"");
  s += " points=\"";
  for (std::size_t i = 0; i < pts.size(); ++i) {
    absl::StrAppend(&s, i ? " " : "", Fix(f.X(pts[i].first)), ",", Fix(f.Y(pts[i].second)));
  }
  s += "\"/>\n";
  return s;
}

std::vector<std::pair<Ratio, Ratio>> RatePoints(const CurveSeries& series) {
  std::vector<std::pair<Ratio, Ratio>> pts = {{Ratio(0), Ratio(0)}};
  for (const CurvePoint& p : series.points) {
    pts.emplace_back(MonthPos(p), p.execution_rate * Ratio(100));
  }
  return pts;
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderExecutionCurveSvg(const ExecutionCurve& curve, const SvgChartOptions& options) {
  const bool en = options.lang == "en";
  Frame f;
  f.width = std::max(options.width, 480);
  f.height = std::max(options.height, 320);
  // Scale: at least 100%, rounded up to a multiple of the step (YStep).
  Ratio top_pct = Ratio(100);
  auto consider = [&](const CurveSeries& s) {
    for (const CurvePoint& p : s.points) top_pct = Max(top_pct, p.execution_rate * Ratio(100));
  };
  consider(curve.total);
  if (options.units) {
    for (const CurveSeries& s : curve.units) consider(s);
  }
  const Ratio y_step = YStep(top_pct);
  const int128_t steps = (top_pct / y_step).RoundedScaled(0);
  f.ymax = y_step * Ratio(static_cast<std::int64_t>(steps));
  if (f.ymax < top_pct) f.ymax += y_step;

  // Room on the right for the legend's longest label (the plot shrinks).
  {
    int longest = TextWidth(en ? "Time progress" : "序时进度");
    if (options.units) {
      for (const CurveSeries& u : curve.units) longest = std::max(longest, TextWidth(u.name));
    }
    f.right = std::clamp(20 + 36 + longest + 16, f.right, f.width / 2);
  }

  std::string title = options.title;
  if (title.empty()) {
    title = en ? "Budget execution curve" : "预算执行进度曲线";
    if (!curve.title.empty()) title = absl::StrCat(curve.title, en ? ": " : "：", title);
  }
  std::string s;
  absl::StrAppend(&s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"", f.width, "\" height=\"",
                  f.height, "\" viewBox=\"0 0 ", f.width, " ", f.height,
                  "\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',"
                  "'PingFang SC',sans-serif\" font-size=\"12\">\n");
  absl::StrAppend(&s, "  <title>", XmlEscape(title), "</title>\n");
  absl::StrAppend(&s, "  <rect x=\"0\" y=\"0\" width=\"", f.width, "\" height=\"", f.height,
                  "\" fill=\"#ffffff\"/>\n");
  absl::StrAppend(&s, "  <text x=\"", f.width / 2,
                  "\" y=\"30\" text-anchor=\"middle\" font-size=\"18\">", XmlEscape(title),
                  "</text>\n");
  absl::StrAppend(&s, "  <text x=\"", f.width / 2,
                  "\" y=\"48\" text-anchor=\"middle\" fill=\"#555555\">", en ? "as of " : "截至 ",
                  curve.as_of.ToString(), "</text>\n");

  // Grid and y ticks every step (20% up to 200%).
  s += "  <g id=\"y-axis\" stroke=\"#dddddd\">\n";
  for (Ratio pct = Ratio(0); pct <= f.ymax; pct += y_step) {
    const std::string y = Fix(f.Y(pct));
    absl::StrAppend(&s, "    <line x1=\"", f.left, "\" y1=\"", y, "\" x2=\"", f.left + f.plot_w(),
                    "\" y2=\"", y, "\"/>\n");
    absl::StrAppend(
        &s, "    <text x=\"", f.left - 8, "\" y=\"", y,
        "\" text-anchor=\"end\" dominant-baseline=\"middle\" stroke=\"none\" fill=\"#333333\">",
        pct.ToDecimalString(0), "%</text>\n");
  }
  s += "  </g>\n";
  // x ticks: fiscal months, labelled with their calendar month.
  s += "  <g id=\"x-axis\" fill=\"#333333\">\n";
  const int base_y = f.top + f.plot_h();
  absl::StrAppend(&s, "    <line x1=\"", f.left, "\" y1=\"", base_y, "\" x2=\"",
                  f.left + f.plot_w(), "\" y2=\"", base_y, "\" stroke=\"#333333\"/>\n");
  absl::StrAppend(&s, "    <line x1=\"", f.left, "\" y1=\"", f.top, "\" x2=\"", f.left, "\" y2=\"",
                  base_y, "\" stroke=\"#333333\"/>\n");
  for (int m = 1; m <= 12; ++m) {
    const std::string x = Fix(f.X(Ratio(m)));
    const int cal = (curve.start_month - 1 + m - 1) % 12 + 1;
    absl::StrAppend(&s, "    <line x1=\"", x, "\" y1=\"", base_y, "\" x2=\"", x, "\" y2=\"",
                    base_y + 5, "\" stroke=\"#333333\"/>\n");
    absl::StrAppend(&s, "    <text x=\"", x, "\" y=\"", base_y + 20, "\" text-anchor=\"middle\">",
                    en ? absl::StrCat("M", m) : absl::StrCat(cal, "月"), "</text>\n");
  }
  absl::StrAppend(&s, "    <text x=\"", f.left + f.plot_w() / 2, "\" y=\"", base_y + 45,
                  "\" text-anchor=\"middle\">", en ? "Fiscal month" : "月份（财政年度）",
                  "</text>\n");
  absl::StrAppend(&s, "    <text x=\"20\" y=\"", f.top + f.plot_h() / 2,
                  "\" text-anchor=\"middle\" ", "transform=\"rotate(-90 20 ",
                  f.top + f.plot_h() / 2, ")\">",
                  en ? "Cumulative execution rate (%)" : "累计预算执行率（%）", "</text>\n");
  s += "  </g>\n";

  // Time progress: the total's progress at each point, then on to 100% at month 12.
  std::vector<std::pair<Ratio, Ratio>> tp = {{Ratio(0), Ratio(0)}};
  for (const CurvePoint& p : curve.total.points)
    tp.emplace_back(MonthPos(p), p.time_progress * Ratio(100));
  if (tp.back().first < Ratio(12)) tp.emplace_back(Ratio(12), Ratio(100));
  s += Polyline(f, tp, "#888888", "2", "6 4", "time-progress");

  struct Legend {
    std::string label;
    std::string color;
    std::string width;
    std::string dash;
  };
  std::vector<Legend> legend = {{en ? "Time progress" : "序时进度", "#888888", "2", "6 4"}};
  if (options.units) {
    for (std::size_t i = 0; i < curve.units.size(); ++i) {
      const CurveSeries& u = curve.units[i];
      if (u.points.empty() ||
          std::all_of(u.points.begin(), u.points.end(), [](const CurvePoint& p) {
            return p.current.fen() <= 0 && p.executed.fen() == 0;
          })) {
        continue;  // a unit with nothing in scope
      }
      const std::string color(kPalette[i % std::size(kPalette)]);
      s += Polyline(f, RatePoints(u), color, "1.5", "", absl::StrCat("unit-", XmlEscape(u.id)));
      legend.push_back({u.name, color, "1.5", ""});
    }
  }
  s += Polyline(f, RatePoints(curve.total), "#000000", "3", "", "total");
  legend.push_back({en ? "Total" : curve.total.name, "#000000", "3", ""});
  // Label the total's last point, and the time progress there (left of it).
  if (!curve.total.points.empty()) {
    const CurvePoint& last = curve.total.points.back();
    const Ratio tp_pct = last.time_progress * Ratio(100);
    absl::StrAppend(&s, "  <text x=\"", Fix(f.X(MonthPos(last)) - Ratio(6)), "\" y=\"",
                    Fix(f.Y(tp_pct) - Ratio(8)), "\" text-anchor=\"end\" fill=\"#666666\">",
                    en ? "Time progress " : "序时进度 ", tp_pct.ToDecimalString(2), "%</text>\n");
    const Ratio pct = last.execution_rate * Ratio(100);
    absl::StrAppend(&s, "  <circle cx=\"", Fix(f.X(MonthPos(last))), "\" cy=\"", Fix(f.Y(pct)),
                    "\" r=\"4\" fill=\"#000000\"/>\n");
    absl::StrAppend(&s, "  <text x=\"", Fix(f.X(MonthPos(last)) + Ratio(6)), "\" y=\"",
                    Fix(f.Y(pct) - Ratio(8)), "\" font-weight=\"bold\">", pct.ToDecimalString(2),
                    "%</text>\n");
  }
  // Legend.
  s += "  <g id=\"legend\">\n";
  const int lx = f.left + f.plot_w() + 20;
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const int ly = f.top + 10 + static_cast<int>(i) * 22;
    absl::StrAppend(
        &s, "    <line x1=\"", lx, "\" y1=\"", ly, "\" x2=\"", lx + 28, "\" y2=\"", ly,
        "\" stroke=\"", legend[i].color, "\" stroke-width=\"", legend[i].width, "\"",
        legend[i].dash.empty() ? "" : absl::StrCat(" stroke-dasharray=\"", legend[i].dash, "\""),
        "/>\n");
    absl::StrAppend(&s, "    <text x=\"", lx + 36, "\" y=\"", ly,
                    "\" dominant-baseline=\"middle\">", XmlEscape(legend[i].label), "</text>\n");
  }
  s += "  </g>\n</svg>\n";
  return s;
}

}  // namespace perfbudget
