// common.cc: the building blocks every renderer shares (render/common.h).
#include "perfbudget/render/common.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <string>

#include "base/absl_compat.h"
#include "base/out_of_memory.h"

namespace perfbudget::render {
namespace {

// Decodes one UTF-8 code point at s[*i]; advances *i. Returns -1 for an
// invalid byte (and advances by one).
std::int32_t DecodeUtf8(std::string_view s, std::size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  int len = 0;
  std::int32_t cp = 0;
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++*i;
    return -1;
  }
  if (*i + static_cast<std::size_t>(len) > s.size()) {
    ++*i;
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Reject overlong forms, surrogates and out-of-range values.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++*i;
    return -1;
  }
  *i += static_cast<std::size_t>(len);
  return cp;
}

// East Asian Wide (W) and Fullwidth (F) ranges (Unicode UAX #11), condensed.
bool IsWide(std::int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) ||    // Hangul Jamo initials
         (cp >= 0x2E80 && cp <= 0x303E) ||    // CJK radicals, punctuation (、。「」)
         (cp >= 0x3041 && cp <= 0x33FF) ||    // kana, bopomofo, CJK compatibility
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xA000 && cp <= 0xA4CF) ||    // Yi
         (cp >= 0xAC00 && cp <= 0xD7A3) ||    // Hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
         (cp >= 0xFE10 && cp <= 0xFE19) ||    // vertical forms
         (cp >= 0xFE30 && cp <= 0xFE6F) ||    // CJK compatibility forms, small forms
         (cp >= 0xFF00 && cp <= 0xFF60) ||    // full-width ASCII (（），０-９)
         (cp >= 0xFFE0 && cp <= 0xFFE6) ||    // full-width signs (￥)
         (cp >= 0x1F300 && cp <= 0x1F64F) ||  // pictographs, emoticons
         (cp >= 0x1F900 && cp <= 0x1F9FF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);  // CJK extensions B..
}

std::string Pad(std::string_view s, int width, Align align) {
  const int w = DisplayWidth(s);
  const std::string fill(static_cast<std::size_t>(std::max(0, width - w)), ' ');
  return align == Align::kRight ? fill + std::string(s) : std::string(s) + fill;
}

std::string RTrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

absl::Status BadEnum(std::string_view field, int value, std::string_view expected) {
  return absl::InvalidArgumentError(
      Cat("render options: ", field, " is ", value, "; expected ", expected));
}

}  // namespace

absl::Status CheckOptions(const RenderOptions& options) try {
  if (static_cast<int>(options.format) > static_cast<int>(Format::kText)) {
    return BadEnum("format", static_cast<int>(options.format), "0 (json), 1 (csv) or 2 (text)");
  }
  if (static_cast<int>(options.lang) > static_cast<int>(Language::kEn)) {
    return BadEnum("lang", static_cast<int>(options.lang), "0 (zh) or 1 (en)");
  }
  if (static_cast<int>(options.unit) > static_cast<int>(MoneyUnit::kYiYuan)) {
    return BadEnum("unit", static_cast<int>(options.unit), "0 (元), 1 (万元) or 2 (亿元)");
  }
  if (static_cast<int>(options.as_of_source) > static_cast<int>(AsOfSource::kYearEnd)) {
    return BadEnum("as_of_source", static_cast<int>(options.as_of_source),
                   "0 (given), 1 (dataset), 2 (latest_disbursement) or 3 (year_end)");
  }
  if (static_cast<int>(options.rows) > static_cast<int>(RowFilter::kFundSources)) {
    return BadEnum("rows", static_cast<int>(options.rows),
                   "0 (all), 1 (projects), 2 (units) or 3 (fund sources)");
  }
  return absl::OkStatus();
} catch (const std::bad_alloc&) {
  return OutOfMemory("checking render options");
}

std::string_view LangCode(Language lang) { return lang == Language::kEn ? "en" : "zh"; }

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::int32_t cp = DecodeUtf8(utf8, &i);
    if (cp >= 0x300 && cp <= 0x36F) continue;  // combining diacritics take no column
    width += (cp >= 0 && IsWide(cp)) ? 2 : 1;
  }
  return width;
}

// ---- TextTable ----------------------------------------------------------------

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  align_.resize(headers_.size(), Align::kLeft);
}

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::AddRule() { rows_.emplace_back(); }

std::string TextTable::Render() const {
  std::vector<int> width(headers_.size(), 0);
  for (std::size_t c = 0; c < headers_.size(); ++c) width[c] = DisplayWidth(headers_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c)
      width[c] = std::max(width[c], DisplayWidth(row[c]));
  }
  int total = 0;
  for (std::size_t c = 0; c < width.size(); ++c) total += width[c] + (c == 0 ? 0 : 2);
  const std::string rule = std::string(static_cast<std::size_t>(total), '-') + "\n";
  auto render_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) line += "  ";
      line += Pad(row[c], width[c], align_[c]);
    }
    return RTrim(std::move(line)) + "\n";
  };
  std::string out = render_row(headers_) + rule;
  for (const auto& row : rows_) out += row.empty() ? rule : render_row(row);
  return out;
}

// ---- CSV ----------------------------------------------------------------------

std::string CsvField(std::string_view s) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(fields[i]);
  }
  out += "\r\n";
  return out;
}

// ---- money and dates --------------------------------------------------------------

std::string FormatAmount(Money m, MoneyUnit unit) {
  MoneyFormat f;
  f.unit = unit;
  f.decimals = -1;
  return m.ToString(f);
}

std::string_view AsOfDefaultNote(AsOfSource source, bool en) {
  switch (source) {
    case AsOfSource::kGiven:
      return "";
    case AsOfSource::kDataset:
      return en ? " (default: the dataset's as-of date)" : "（默认：数据集的截至日期）";
    case AsOfSource::kLatestDisbursement:
      return en ? " (default: the latest disbursement date)" : "（默认：最近一笔支出日期）";
    case AsOfSource::kYearEnd:
      return en ? " (default: the fiscal year's last day)" : "（默认：年度最后一天）";
  }
  return "";
}

std::string AsOfText(Date as_of, AsOfSource source, bool en) {
  return as_of.ToString() + std::string(AsOfDefaultNote(source, en));
}

void WriteAsOfJson(JsonWriter& w, Date as_of, AsOfSource source) {
  w.Key("as_of").String(as_of.ToString());
  w.Key("as_of_is_default").Bool(source != AsOfSource::kGiven);
  w.Key("as_of_source").String(CodeOf(source));
}

}  // namespace perfbudget::render
