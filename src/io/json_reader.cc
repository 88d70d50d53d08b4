// json_reader.cc: LoadDatasetJson, the JSON form of a dataset read with
// simdjson's On-Demand API (docs/format.md, docs/dataset.schema.json).
//
// Every value is read from its raw text by the value codecs (codec/): numbers
// never pass through a double. Per-field
// problems (types, missing and unknown fields, enum values, amounts, dates)
// are reported here, all of them; cross-record ones (duplicates, references,
// dates in the year, negative totals) by DatasetBuilder::Build. A syntax error
// stops the reading; its line and column come from a small validator that
// runs only on that path.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "codec/amount.h"
#include "codec/date.h"
#include "codec/enum.h"
#include "codec/id.h"
#include "codec/integer.h"
#include "codec/ratio.h"
#include "codec/text.h"
#include "io/file_internal.h"
#include "io/json_internal.h"
#include "io/json_syntax.h"
#include "model/target_text.h"
#include "perfbudget/io/json.h"
#include "simdjson.h"

namespace perfbudget {
namespace {

std::string Join(std::span<const std::string_view> items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(items[i]);
  }
  return out;
}

}  // namespace

namespace json_internal {

absl::Status ResolveTarget(const TargetInput& in, Indicator* out, codec::CodecFailure* failure) {
  if (!in.target_text.has_value()) {
    return ResolveIndicatorTarget(in.target.value_or(""), in.target_high.value_or(""),
                                  in.comparator, in.unit_of_measure.value_or(""), out, failure);
  }
  // Exact form: the numbers stand as written.
  out->target_text = *in.target_text;
  out->unit_of_measure = in.unit_of_measure.value_or("");
  out->target.reset();
  out->target_high.reset();
  out->comparator =
      in.comparator.value_or(in.target_high.has_value() ? Comparator::kRange : Comparator::kGe);
  if (in.target.has_value()) {
    codec::Decoded<Ratio> r = codec::DecodeRatio(*in.target);
    if (!r.ok()) {
      if (failure != nullptr) *failure = r.failure();
      return absl::InvalidArgumentError(
          Cat("target \"", AV(*in.target), "\" is not a plain number (required with target_text)"));
    }
    out->target = *r;
  }
  if (in.target_high.has_value()) {
    codec::Decoded<Ratio> r = codec::DecodeRatio(*in.target_high);
    if (!r.ok()) {
      if (failure != nullptr) *failure = r.failure();
      return absl::InvalidArgumentError(
          Cat("target_high \"", AV(*in.target_high), "\" is not a number"));
    }
    out->target_high = *r;
  }
  return absl::OkStatus();
}

}  // namespace json_internal

namespace {

namespace od = simdjson::ondemand;
using codec::TrimText;
using json_internal::AppendPathKey;
using json_internal::CheckJsonSyntax;
using json_internal::IsJsonNumber;
using json_internal::IsJsonSpace;
using json_internal::LineTracker;
using json_internal::SyntaxProblem;

constexpr std::size_t kMaxValueBytes = 80;

// Line and column of byte offsets in any order: a LineTracker resumed from
// the nearest checkpoint (one per 1 MiB, taken in one pass on first use).
// Used only when a builder diagnostic is reported.
class PlaceIndex {
 public:
  explicit PlaceIndex(std::string_view text) : text_(text) {}

  std::pair<int, int> At(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (checkpoints_.empty()) {
      LineTracker t(text_);
      for (std::size_t at = 0; at <= text_.size(); at += kBlock) checkpoints_.push_back(t.At(at));
    }
    const std::size_t block = offset / kBlock;
    const auto [line, col] = checkpoints_[block];
    LineTracker t(text_, block * kBlock, line, col);
    return t.At(offset);
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::string_view text_;
  std::vector<std::pair<int, int>> checkpoints_;
};

// ---- record locators ----------------------------------------------------------

// What a locator points at. Top-level records are elements of the document's
// arrays; the others are elements of an array inside one (`child` index).
enum class RecordKind : std::uint8_t {
  kUnit = 1,
  kProject,
  kFund,
  kAdjustment,
  kPayment,
  kGoal,
  kIndicator,
  kDisbursement,
  kExAnte,
  kEvaluation,
  kRectification,
  kCount
};

// The top-level array a kind lives in (itself or its parent), and the array
// inside the parent for child kinds ("" for top-level kinds).
struct KindInfo {
  RecordKind top;
  std::string_view top_name;
  std::string_view child_name;
};

KindInfo InfoOf(RecordKind k) {
  switch (k) {
    case RecordKind::kUnit:
      return {k, "units", ""};
    case RecordKind::kProject:
      return {k, "projects", ""};
    case RecordKind::kFund:
      return {RecordKind::kProject, "projects", "funds"};
    case RecordKind::kAdjustment:
      return {RecordKind::kProject, "projects", "adjustments"};
    case RecordKind::kPayment:
      return {RecordKind::kProject, "projects", "payment_plan"};
    case RecordKind::kGoal:
      return {k, "goals", ""};
    case RecordKind::kIndicator:
      return {RecordKind::kGoal, "goals", "indicators"};
    case RecordKind::kDisbursement:
      return {k, "disbursements", ""};
    case RecordKind::kExAnte:
      return {k, "ex_ante", ""};
    case RecordKind::kEvaluation:
      return {k, "evaluations", ""};
    case RecordKind::kRectification:
      return {k, "rectifications", ""};
    case RecordKind::kCount:
      break;
  }
  return {RecordKind::kUnit, "", ""};
}

// A locator packs the record's byte offset (bits 0..39), its kind (40..43)
// and its child index (44..62). Bit 63 stays clear (the builder's own).
constexpr int kKindShift = 40;
constexpr int kChildShift = 44;
constexpr std::uint64_t kMaxLocatorOffset = std::uint64_t{1} << kKindShift;
constexpr std::uint64_t kMaxLocatorChild = std::uint64_t{1} << (63 - kChildShift);

// ---- JSON paths -------------------------------------------------------------

// A node of the path to the value being read, kept on the stack and rendered
// only when needed ("$.projects[3].funds[0].approved"). nullptr is the root.
struct PathNode {
  const PathNode* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;
};

void AppendPath(const PathNode* p, std::string* out) {
  if (p == nullptr) {
    out->push_back('$');
    return;
  }
  AppendPath(p->parent, out);
  if (p->is_index) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof(buf), p->index);
    out->push_back('[');
    out->append(buf, res.ptr);
    out->push_back(']');
  } else {
    AppendPathKey(p->key, out);
  }
}

std::string RenderPath(const PathNode* p) {
  std::string out;
  out.reserve(40);
  AppendPath(p, &out);
  return out;
}

std::string_view FieldNameOf(const PathNode* p) {
  while (p != nullptr && p->is_index) p = p->parent;
  return p == nullptr ? std::string_view() : p->key;
}

std::string TruncateValue(std::string_view v) {
  if (v.size() <= kMaxValueBytes) return std::string(v);
  std::size_t n = kMaxValueBytes;
  while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
  return Cat(v.substr(0, n), "...");
}

std::string_view TypeName(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

// Decimal places an amount's text carries, and how many its unit allows.
constexpr std::string_view kAmountExpected =
    "an amount in fen precision: a string such as \"1234.56\", \"2400万元\", \"1.2亿元\" or a "
    "plain JSON number";
constexpr std::string_view kRatioExpected =
    "an exact decimal such as \"95.5\" (a string or a plain JSON number, no exponent)";

// ---- the reader -------------------------------------------------------------

using FieldNames = std::span<const std::string_view>;

class Reader {
 public:
  Reader(std::string_view text, std::string_view file_name, std::size_t max_errors,
         DatasetBuilder& builder)
      : text_(text), file_(file_name), max_errors_(max_errors), builder_(builder), lines_(text) {}

  // Reads the whole document; every problem goes to the builder.
  void Run(od::document& doc);

  bool fatal() const { return fatal_; }

  // The text lies in a read-only file mapping starting at `base` (page
  // aligned): pages well behind the reading are handed back as it goes
  // (MADV_DONTNEED; they fault back in from the file should a diagnostic
  // need them), so the text does not stay resident beside the records.
  // `release_step`: the pages are handed back in steps of about this many
  // bytes (json_internal::kDefaultReleaseStep).
  void SetMapping(const char* base, std::size_t release_step) {
    map_base_ = base;
    released_ = base;
    release_step_ = release_step;
  }
  std::size_t reported() const { return reported_; }
  // After a document the reader could not finish (a syntax error, reported):
  // the header, never given, is given as damaged, so that the builder does
  // not also report its default fiscal year.
  void GiveDamagedHeaderIfNone() {
    if (header_given_) return;
    Origin header{std::string(file_), 1, 1, "$"};
    header.damaged = true;
    builder_.SetInfo(DatasetInfo{}, std::move(header));
    header_given_ = true;
  }
  simdjson::error_code fatal_error() const { return fatal_error_; }

  void ReportSyntax(std::size_t offset, std::string_view message) {
    Diagnostic d;
    d.kind = DiagnosticKind::kSyntax;
    d.where.file = std::string(file_);
    auto [line, col] = lines_.At(offset);
    d.where.line = line;
    d.where.column = col;
    d.value = TruncateValue(text_.substr(std::min(offset, text_.size()), 20));
    d.expected = "well-formed JSON (RFC 8259)";
    d.message = Cat("JSON syntax error: ", message);
    Add(std::move(d));
  }

 private:
  // ---- plumbing ----
  bool Fail(simdjson::error_code e) {
    if (e == simdjson::SUCCESS) return false;
    if (!fatal_) {
      fatal_ = true;
      fatal_error_ = e;
    }
    return true;
  }

  std::size_t OffsetOf(const char* at) const {
    if (at < text_.data() || at > text_.data() + text_.size()) return 0;
    return static_cast<std::size_t>(at - text_.data());
  }

  void Add(Diagnostic d) {
    ++reported_;
    builder_.AddDiagnostic(std::move(d));
  }

  void Report(DiagnosticKind kind, const char* at, const PathNode* path, std::string_view value,
              std::string_view expected, std::string message) {
    Diagnostic d;
    d.kind = kind;
    d.where.file = std::string(file_);
    if (reported_ < max_errors_) {  // later ones are only counted: skip the scan
      auto [line, col] = lines_.At(OffsetOf(at));
      d.where.line = line;
      d.where.column = col;
    }
    d.where.path = RenderPath(path);
    d.field = std::string(FieldNameOf(path));
    d.value = TruncateValue(value);
    d.expected = std::string(expected);
    d.message = std::move(message);
    Add(std::move(d));
  }

  // The origin of a record at `at` (`path` its JSON path): a locator, turned
  // into file, line, column and path by Resolve only when reported. Top-level
  // records must be located in document order.
  Origin Locate(RecordKind kind, const char* at, const PathNode* path, std::size_t child = 0) {
    const std::uint64_t offset = OffsetOf(at);
    const KindInfo info = InfoOf(kind);
    if (info.child_name.empty()) {
      starts_[static_cast<std::size_t>(kind)].push_back(offset);
      ReleaseBefore(at);
    }
    if (offset >= kMaxLocatorOffset || child >= kMaxLocatorChild) return OriginAt(at, path);
    return Origin::Locator(offset | (static_cast<std::uint64_t>(kind) << kKindShift) |
                           (static_cast<std::uint64_t>(child) << kChildShift));
  }

 public:
  // The full origin of a locator made by Locate.
  Origin Resolve(std::uint64_t locator) {
    const std::uint64_t offset = locator & (kMaxLocatorOffset - 1);
    const auto kind = static_cast<RecordKind>((locator >> kKindShift) & 0xF);
    const std::uint64_t child = locator >> kChildShift;
    if (kind < RecordKind::kUnit || kind >= RecordKind::kCount) return Origin();
    const KindInfo info = InfoOf(kind);
    const std::vector<std::uint64_t>& starts = starts_[static_cast<std::size_t>(info.top)];
    // The top-level element that starts at or before the offset.
    const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    const std::size_t index =
        it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin() - 1);
    Origin o;
    o.file = std::string(file_);
    auto [line, col] = places_.At(offset);
    o.line = line;
    o.column = col;
    o.path = Cat("$.", info.top_name, "[", index, "]");
    if (!info.child_name.empty())
      absl::StrAppend(&o.path, ".", AV(info.child_name), "[", child, "]");
    return o;
  }

 private:
  Origin OriginAt(const char* at, const PathNode* path) {
    Origin o;
    o.file = std::string(file_);
    auto [line, col] = lines_.At(OffsetOf(at));
    o.line = line;
    o.column = col;
    o.path = RenderPath(path);
    return o;
  }

  static std::string_view Raw(od::value& v) { return TrimText(v.raw_json_token()); }
  // Where a value starts in the text (a token never starts with white space,
  // so this is Raw(v).data() without trimming the token's trailing space).
  static const char* At(od::value& v) { return v.raw_json_token().data(); }

  // The content of the string value `v`: straight from the document when it
  // holds no escape (no copy into the parser's string buffer, which would
  // otherwise grow by every string read), else unescaped by the parser.
  // False after a fatal error.
  bool GetString(od::value& v, std::string_view* out) {
    std::string_view raw = v.raw_json_token();
    while (!raw.empty() && IsJsonSpace(raw.back())) raw.remove_suffix(1);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      const std::string_view content = raw.substr(1, raw.size() - 2);
      if (content.find('\\') == std::string_view::npos) {
        *out = content;
        return true;
      }
    }
    return !Fail(v.get_string().get(*out));
  }

  // The key of `field` straight from the document when it holds no escape
  // (the usual case: no copy into the parser's string buffer).
  static bool PlainKey(od::field& field, std::string_view* key) {
    const char* start = field.key().raw();
    const char* p = start;
    while (*p != '"') {
      if (*p == '\\') return false;
      ++p;
    }
    *key = std::string_view(start, static_cast<std::size_t>(p - start));
    return true;
  }

  // Type of `v`, or nullopt after a fatal error.
  std::optional<od::json_type> TypeOf(od::value& v) {
    od::json_type t;
    if (Fail(v.type().get(t))) return std::nullopt;
    return t;
  }

  void ReportType(od::value& v, const PathNode* path, od::json_type got,
                  std::string_view expected) {
    Report(DiagnosticKind::kType, At(v), path, Raw(v), expected,
           Cat("`", FieldNameOf(path), "` is ", TypeName(got), "; expected ", expected));
  }

  // Calls fn(index, value, path) for each known field of the object `v`;
  // reports unknown and repeated fields, and the required ones missing. A
  // null value counts as absent.
  template <typename F>
  void ForEachField(od::value& v, const PathNode* path, FieldNames names, std::uint32_t required,
                    F&& fn) {
    const char* start = At(v);
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return;
    if (*t != od::json_type::object) {
      ReportType(v, path, *t, "an object");
      return;
    }
    od::object obj;
    if (Fail(v.get_object().get(obj))) return;
    std::uint32_t seen = 0;
    std::uint32_t present = 0;
    std::size_t next = 0;
    for (auto res : obj) {
      od::field field;
      if (Fail(std::move(res).get(field))) return;
      std::string_view key;
      if (!PlainKey(field, &key) && Fail(field.unescaped_key().get(key))) return;
      od::value& val = field.value();
      const PathNode node{path, key};
      // Fields usually come in table order: try the one after the last first.
      std::size_t idx = next;
      if (idx >= names.size() || names[idx] != key) {
        idx = 0;
        while (idx < names.size() && names[idx] != key) ++idx;
      }
      next = idx + 1;
      if (idx == names.size()) {
        Report(DiagnosticKind::kValue, At(val), &node, key, Cat("one of: ", Join(names, ", ")),
               Cat("unknown field `", key, "` in ", RenderPath(path)));
        continue;
      }
      const std::uint32_t bit = 1u << idx;
      if (seen & bit) {
        Report(DiagnosticKind::kValue, At(val), &node, key, "each field once",
               Cat("field `", key, "` appears more than once"));
        continue;
      }
      seen |= bit;
      std::optional<od::json_type> vt = TypeOf(val);
      if (!vt) return;
      if (*vt == od::json_type::null) {
        bool is_null = false;
        if (Fail(val.is_null().get(is_null))) return;
        continue;
      }
      present |= bit;
      fn(idx, val, &node);
      if (fatal_) return;
    }
    const std::uint32_t missing = required & ~present;
    if (missing == 0) return;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if ((missing & (1u << i)) == 0) continue;
      const PathNode node{path, names[i]};
      Report(DiagnosticKind::kMissing, start, &node, "", "a value",
             Cat("required field `", names[i], "` is missing", (seen & (1u << i)) ? " (null)" : "",
                 " in ", RenderPath(path)));
    }
  }

  // Calls fn(value, path) for each element of the array `v`.
  template <typename F>
  void ForEachElement(od::value& v, const PathNode* path, F&& fn) {
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return;
    if (*t != od::json_type::array) {
      ReportType(v, path, *t, "an array");
      return;
    }
    od::array arr;
    if (Fail(v.get_array().get(arr))) return;
    std::size_t i = 0;
    for (auto res : arr) {
      od::value el;
      if (Fail(res.get(el))) return;
      const PathNode node{path, {}, i, true};
      fn(el, &node);
      if (fatal_) return;
      ++i;
    }
  }

  // ---- scalar readers: false when the value was wrong (reported) ----
  bool ReadStringView(od::value& v, const PathNode* path, std::string_view* out) {
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    if (*t != od::json_type::string) {
      ReportType(v, path, *t, "a string");
      return false;
    }
    return GetString(v, out);
  }

  bool ReadString(od::value& v, const PathNode* path, std::string* out) {
    std::string_view s;
    if (!ReadStringView(v, path, &s)) return false;
    out->assign(s);
    return true;
  }

  // A non-empty id (codec/id.h: trimmed).
  bool ReadId(od::value& v, const PathNode* path, std::string* out) {
    std::string_view s;
    if (!ReadStringView(v, path, &s)) return false;
    codec::Decoded<std::string_view> id = codec::DecodeId(s);
    if (!id.ok()) {
      Report(codec::DiagnosticKindOf(id.failure()), At(v), path, s, "a non-empty string",
             Cat("`", FieldNameOf(path), "` is empty"));
      return false;
    }
    out->assign(*id);
    return true;
  }

  // An optional id or reference (codec/id.h: trimmed; "" = none).
  bool ReadOptionalId(od::value& v, const PathNode* path, std::string* out) {
    std::string_view s;
    if (!ReadStringView(v, path, &s)) return false;
    out->assign(codec::OptionalId(s));
    return true;
  }

  bool ReadBool(od::value& v, const PathNode* path, bool* out) {
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    if (*t != od::json_type::boolean) {
      ReportType(v, path, *t, "true or false");
      return false;
    }
    return !Fail(v.get_bool().get(*out));
  }

  // Text of a JSON number, checked against the JSON grammar. An exponent is
  // JSON but not a value of ours: the codec reading the text refuses it.
  bool NumberText(od::value& v, const PathNode* path, std::string_view expected,
                  std::string_view* out) {
    const std::string_view raw = Raw(v);
    bool exponent = false, fraction = false;
    if (!IsJsonNumber(raw, &exponent, &fraction)) {
      Report(DiagnosticKind::kSyntax, raw.data(), path, raw, expected,
             Cat("`", FieldNameOf(path), "`: malformed number"));
      return false;
    }
    *out = raw;
    return true;
  }

  // Reports a codec's failure to read `text` (the value at `v`).
  void ReportFailure(od::value& v, const PathNode* path, std::string_view text,
                     std::string_view expected, const codec::CodecFailure& failure) {
    Report(codec::DiagnosticKindOf(failure), At(v), path, text, expected,
           Cat("`", FieldNameOf(path), "`: ", failure.message));
  }

  bool ReadInt(od::value& v, const PathNode* path, int lo, int hi, int* out) {
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    const auto expected = [&] { return Cat("an integer from ", lo, " to ", hi); };
    if (*t != od::json_type::number) {
      ReportType(v, path, *t, expected());
      return false;
    }
    std::string_view raw;
    if (!NumberText(v, path, expected(), &raw)) return false;
    codec::Decoded<int> value = codec::DecodeInteger(raw, lo, hi);
    if (!value.ok()) {
      ReportFailure(v, path, raw, expected(), value.failure());
      return false;
    }
    *out = *value;
    return true;
  }

  bool ReadAmount(od::value& v, const PathNode* path, Money* out) {
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    std::string_view text;
    if (*t == od::json_type::number) {
      if (!NumberText(v, path, kAmountExpected, &text)) return false;
    } else if (*t == od::json_type::string) {
      if (!GetString(v, &text)) return false;
    } else {
      ReportType(v, path, *t, kAmountExpected);
      return false;
    }
    codec::Decoded<Money> m = codec::DecodeAmount(text);
    if (!m.ok()) {
      ReportFailure(v, path, text, kAmountExpected, m.failure());
      return false;
    }
    *out = *m;
    return true;
  }

  // A ratio's text: a string or a number's raw text.
  bool RatioText(od::value& v, const PathNode* path, std::string_view* text) {
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    if (*t == od::json_type::number) return NumberText(v, path, kRatioExpected, text);
    if (*t == od::json_type::string) return GetString(v, text);
    ReportType(v, path, *t, kRatioExpected);
    return false;
  }

  bool ReadRatio(od::value& v, const PathNode* path, std::optional<Ratio>* out) {
    std::string_view text;
    if (!RatioText(v, path, &text)) return false;
    codec::Decoded<Ratio> r = codec::DecodeRatio(text);
    if (!r.ok()) {
      ReportFailure(v, path, text, kRatioExpected, r.failure());
      return false;
    }
    *out = *r;
    return true;
  }

  bool ReadDate(od::value& v, const PathNode* path, Date* out) {
    std::string_view s;
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    if (*t != od::json_type::string) {
      ReportType(v, path, *t, "a date \"YYYY-MM-DD\"");
      return false;
    }
    if (!GetString(v, &s)) return false;
    codec::Decoded<Date> d = codec::DecodeDate(s);
    if (!d.ok()) {
      ReportFailure(v, path, s, "a date \"YYYY-MM-DD\"", d.failure());
      return false;
    }
    *out = *d;
    return true;
  }

  bool ReadDate(od::value& v, const PathNode* path, std::optional<Date>* out) {
    Date d;
    if (!ReadDate(v, path, &d)) return false;
    *out = d;
    return true;
  }

  template <typename E>
  bool ReadEnum(od::value& v, const PathNode* path, std::optional<E> (*parse)(std::string_view),
                E* out) {
    std::string_view s;
    const auto expected = [] { return Cat("one of: ", Join(AllCodes(E{}), ", ")); };
    std::optional<od::json_type> t = TypeOf(v);
    if (!t) return false;
    if (*t != od::json_type::string) {
      ReportType(v, path, *t, expected());
      return false;
    }
    if (!GetString(v, &s)) return false;
    codec::Decoded<E> e = enums_.Decode(parse, s);
    if (!e.ok()) {
      ReportFailure(v, path, s, expected(), e.failure());
      return false;
    }
    *out = *e;
    return true;
  }

  template <typename E>
  bool ReadEnum(od::value& v, const PathNode* path, std::optional<E> (*parse)(std::string_view),
                std::optional<E>* out) {
    E e{};
    if (!ReadEnum(v, path, parse, &e)) return false;
    *out = e;
    return true;
  }

  void ReadStringList(od::value& v, const PathNode* path, std::vector<std::string>* out) {
    ForEachElement(v, path, [&](od::value& el, const PathNode* p) {
      std::string s;
      if (ReadString(el, p, &s)) out->push_back(std::move(s));
    });
  }

  // ---- records ----
  void ReadHeader(od::value& v, const PathNode* path);
  void ReadJurisdiction(od::value& v, const PathNode* path);
  void ReadFiscalYear(od::value& v, const PathNode* path);
  void ReadUnit(od::value& v, const PathNode* path);
  void ReadProject(od::value& v, const PathNode* path);
  void ReadGoal(od::value& v, const PathNode* path);
  bool ReadIndicator(od::value& v, const PathNode* path, Indicator* ind);
  void ReadActual(od::value& v, const PathNode* path, Indicator* ind);
  void ReadDisbursement(od::value& v, const PathNode* path);
  void ReadExAnte(od::value& v, const PathNode* path);
  void ReadEvaluation(od::value& v, const PathNode* path);
  void ReadRectification(od::value& v, const PathNode* path);

  static constexpr std::size_t kReleaseMargin = std::size_t{1} << 20;
  void ReleaseBefore(const char* at) {
    if (map_base_ == nullptr || at < released_ ||
        static_cast<std::size_t>(at - released_) < release_step_ + kReleaseMargin) {
      return;
    }
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t to = static_cast<std::size_t>(at - map_base_ - kReleaseMargin) & ~(page - 1);
    const char* end = map_base_ + to;
    if (end <= released_) return;
    ::madvise(const_cast<char*>(released_), static_cast<std::size_t>(end - released_),
              MADV_DONTNEED);
    released_ = end;
  }

  std::string_view text_;
  const char* map_base_ = nullptr;
  const char* released_ = nullptr;
  std::size_t release_step_ = json_internal::kDefaultReleaseStep;
  std::string_view file_;
  std::size_t max_errors_;
  Origin as_of_origin_;  // where info_.as_of was read
  DatasetBuilder& builder_;
  LineTracker lines_;
  PlaceIndex places_{text_};
  codec::EnumMemo enums_;                     // enum texts met in this load
  std::vector<Origin> indicator_origins_;     // ReadGoal's, reused
  std::vector<Indicator> indicator_scratch_;  // ReadGoal's, reused
  std::array<std::vector<std::uint64_t>, static_cast<std::size_t>(RecordKind::kCount)> starts_;
  std::size_t reported_ = 0;
  std::size_t record_reports_ = 0;  // of reported_, those inside the record arrays
  bool header_given_ = false;       // SetInfo called
  bool fatal_ = false;
  simdjson::error_code fatal_error_ = simdjson::SUCCESS;
  DatasetInfo info_;
};

// Field tables. Bit i of a `required` mask is names[i].
constexpr std::array<std::string_view, 13> kTopFields = {
    "format", "version",       "jurisdiction", "fiscal_year", "title",          "units", "projects",
    "goals",  "disbursements", "ex_ante",      "evaluations", "rectifications", "as_of"};
constexpr std::array<std::string_view, 2> kJurisdictionFields = {"code", "name"};
constexpr std::array<std::string_view, 3> kFiscalYearFields = {"year", "start_month",
                                                               "named_by_end"};
constexpr std::array<std::string_view, 2> kUnitFields = {"id", "name"};
constexpr std::array<std::string_view, 13> kProjectFields = {
    "id",         "unit",      "name",  "category",    "kind",         "key",       "status",
    "start_year", "requested", "funds", "adjustments", "payment_plan", "disclosure"};
constexpr std::array<std::string_view, 3> kFundFields = {"source", "approved", "origin_year"};
constexpr std::array<std::string_view, 4> kAdjustmentFields = {"date", "source", "amount",
                                                               "reason"};
constexpr std::array<std::string_view, 2> kPaymentFields = {"date", "amount"};
constexpr std::array<std::string_view, 2> kDisclosureFields = {"with_budget", "with_approval"};
constexpr std::array<std::string_view, 6> kGoalFields = {"id",   "owner", "project",
                                                         "unit", "text",  "indicators"};
constexpr std::array<std::string_view, 14> kIndicatorFields = {"id",
                                                               "level1",
                                                               "level2",
                                                               "name",
                                                               "comparator",
                                                               "target",
                                                               "target_high",
                                                               "target_text",
                                                               "unit_of_measure",
                                                               "weight",
                                                               "baseline",
                                                               "value_source",
                                                               "evaluation_standard",
                                                               "actuals"};
constexpr std::array<std::string_view, 4> kActualFields = {"date", "value", "grade", "text"};
constexpr std::array<std::string_view, 5> kDisbursementFields = {"id", "project", "date", "source",
                                                                 "amount"};
constexpr std::array<std::string_view, 5> kExAnteFields = {"project", "date", "requested", "scores",
                                                           "note"};
constexpr std::array<std::string_view, kExAnteDimensionCount> kExAnteScoreFields = {
    "necessity", "economy", "goal_soundness", "feasibility", "funding_compliance"};
constexpr std::array<std::string_view, 13> kEvaluationFields = {"id",
                                                                "kind",
                                                                "project",
                                                                "unit",
                                                                "evaluated_year",
                                                                "date",
                                                                "amount",
                                                                "score",
                                                                "grade",
                                                                "evaluator",
                                                                "problems",
                                                                "suggestions",
                                                                "published_with_final_accounts"};
constexpr std::array<std::string_view, 9> kRectificationFields = {
    "id", "evaluation", "unit", "project", "description", "owner", "due", "status", "closed"};

constexpr std::uint32_t Bits(std::initializer_list<int> idx) {
  std::uint32_t m = 0;
  for (int i : idx) m |= 1u << i;
  return m;
}

void Reader::Run(od::document& doc) {
  od::json_type type;
  if (Fail(doc.type().get(type))) return;
  if (type != od::json_type::object) {
    Report(DiagnosticKind::kType, text_.data(), nullptr, TrimText(text_.substr(0, 20)),
           "an object {\"format\": \"perfbudget-dataset\", ...}",
           Cat("the document is ", TypeName(type), "; expected an object"));
    return;
  }
  od::value root;
  if (Fail(doc.get_value().get(root))) return;
  ReadHeader(root, nullptr);
  if (fatal_) return;
  const char* trailing = nullptr;
  if (doc.current_location().get(trailing) == simdjson::SUCCESS) {
    fatal_ = true;
    fatal_error_ = simdjson::TRAILING_CONTENT;
    return;
  }
  Origin header{std::string(file_), 1, 1, "$"};
  header.damaged = reported_ > record_reports_;
  builder_.SetInfo(std::move(info_), std::move(header), std::move(as_of_origin_));
  header_given_ = true;
}

void Reader::ReadHeader(od::value& v, const PathNode* path) {
  ForEachField(
      v, path, kTopFields, Bits({0, 1, 3}), [&](std::size_t i, od::value& f, const PathNode* p) {
        const std::size_t before = reported_;
        switch (i) {
          case 0: {  // format
            std::string_view s;
            if (ReadStringView(f, p, &s) && s != kDatasetFormatName) {
              Report(DiagnosticKind::kFormat, At(f), p, s, Cat("\"", kDatasetFormatName, "\""),
                     Cat("not a perfbudget dataset: format is \"", s, "\""));
            }
            break;
          }
          case 1: {  // version
            const std::string_view raw = Raw(f);
            int version = 0;
            std::optional<od::json_type> t = TypeOf(f);
            if (!t) break;
            if (*t != od::json_type::number) {
              ReportType(f, p, *t, Cat("the integer ", kDatasetFormatVersion));
            } else if (bool e = false, fr = false; !IsJsonNumber(raw, &e, &fr) || e || fr ||
                                                   !absl::SimpleAtoi(AV(raw), &version) ||
                                                   version != kDatasetFormatVersion) {
              Report(DiagnosticKind::kFormat, raw.data(), p, raw,
                     Cat("the integer ", kDatasetFormatVersion),
                     Cat("unsupported format version ", raw, "; this library reads version ",
                         kDatasetFormatVersion));
            }
            break;
          }
          case 2:
            ReadJurisdiction(f, p);
            break;
          case 3:
            ReadFiscalYear(f, p);
            break;
          case 4:
            ReadString(f, p, &info_.title);
            break;
          case 5:
            ForEachElement(f, p, [&](od::value& e, const PathNode* ep) { ReadUnit(e, ep); });
            break;
          case 6:
            ForEachElement(f, p, [&](od::value& e, const PathNode* ep) { ReadProject(e, ep); });
            break;
          case 7:
            ForEachElement(f, p, [&](od::value& e, const PathNode* ep) { ReadGoal(e, ep); });
            break;
          case 8:
            ForEachElement(f, p,
                           [&](od::value& e, const PathNode* ep) { ReadDisbursement(e, ep); });
            break;
          case 9:
            ForEachElement(f, p, [&](od::value& e, const PathNode* ep) { ReadExAnte(e, ep); });
            break;
          case 10:
            ForEachElement(f, p, [&](od::value& e, const PathNode* ep) { ReadEvaluation(e, ep); });
            break;
          case 11:
            ForEachElement(f, p,
                           [&](od::value& e, const PathNode* ep) { ReadRectification(e, ep); });
            break;
          case 12:
            if (ReadDate(f, p, &info_.as_of)) as_of_origin_ = OriginAt(At(f), p);
            break;
        }
        // The record arrays' problems are their records' (each marks its
        // own origin damaged); the rest are the header's.
        if (i >= 5 && i <= 11) record_reports_ += reported_ - before;
      });
}

void Reader::ReadJurisdiction(od::value& v, const PathNode* path) {
  ForEachField(v, path, kJurisdictionFields, 0,
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 if (i == 0) {
                   ReadOptionalId(f, p, &info_.jurisdiction_code);
                 } else {
                   ReadString(f, p, &info_.jurisdiction_name);
                 }
               });
}

void Reader::ReadFiscalYear(od::value& v, const PathNode* path) {
  ForEachField(v, path, kFiscalYearFields, Bits({0}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     ReadInt(f, p, 1400, 9998, &info_.fiscal_year);
                     break;
                   case 1:
                     ReadInt(f, p, 1, 12, &info_.fiscal_year_start_month);
                     break;
                   case 2:
                     ReadBool(f, p, &info_.fiscal_year_named_by_end);
                     break;
                 }
               });
}

void Reader::ReadUnit(od::value& v, const PathNode* path) {
  Origin origin = Locate(RecordKind::kUnit, At(v), path);
  const std::size_t reported_before = reported_;
  Unit unit;
  bool has_id = false;
  ForEachField(v, path, kUnitFields, Bits({0, 1}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 if (i == 0) {
                   has_id = ReadId(f, p, &unit.id);
                 } else {
                   ReadString(f, p, &unit.name);
                 }
               });
  origin.damaged = reported_ > reported_before;
  if (has_id) builder_.AddUnit(std::move(unit), std::move(origin));
}

void Reader::ReadProject(od::value& v, const PathNode* path) {
  Origin origin = Locate(RecordKind::kProject, At(v), path);
  const std::size_t reported_before = reported_;
  Project project;
  bool has_id = false;
  // Child rows keep their own origins; they are added once the id is known.
  std::vector<std::pair<FundLine, Origin>> funds;
  std::vector<std::pair<Adjustment, Origin>> adjustments;
  std::vector<std::pair<PlannedPayment, Origin>> payments;
  ForEachField(v, path, kProjectFields, Bits({0, 1, 2}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     has_id = ReadId(f, p, &project.id);
                     break;
                   case 1:
                     ReadId(f, p, &project.unit_id);
                     break;
                   case 2:
                     ReadString(f, p, &project.name);
                     break;
                   case 3:
                     ReadString(f, p, &project.category);
                     break;
                   case 4:
                     ReadEnum(f, p, &ParseProjectKind, &project.kind);
                     break;
                   case 5:
                     ReadBool(f, p, &project.is_key);
                     break;
                   case 6:
                     ReadEnum(f, p, &ParseProjectStatus, &project.status);
                     break;
                   case 7:
                     ReadInt(f, p, 0, 9999, &project.start_year);
                     break;
                   case 8:
                     ReadAmount(f, p, &project.requested);
                     break;
                   case 9:
                     ForEachElement(f, p, [&](od::value& e, const PathNode* ep) {
                       Origin o = Locate(RecordKind::kFund, At(e), ep, ep->index);
                       const std::size_t child_before = reported_;
                       FundLine line;
                       ForEachField(e, ep, kFundFields, Bits({0, 1}),
                                    [&](std::size_t j, od::value& g, const PathNode* gp) {
                                      switch (j) {
                                        case 0:
                                          ReadEnum(g, gp, &ParseFundSource, &line.source);
                                          break;
                                        case 1:
                                          ReadAmount(g, gp, &line.approved);
                                          break;
                                        case 2:
                                          ReadInt(g, gp, 0, 9999, &line.origin_year);
                                          break;
                                      }
                                    });
                       o.damaged = reported_ > child_before;
                       funds.emplace_back(line, std::move(o));
                     });
                     break;
                   case 10:
                     ForEachElement(f, p, [&](od::value& e, const PathNode* ep) {
                       Origin o = Locate(RecordKind::kAdjustment, At(e), ep, ep->index);
                       const std::size_t child_before = reported_;
                       Adjustment adj;
                       ForEachField(e, ep, kAdjustmentFields, Bits({0, 2}),
                                    [&](std::size_t j, od::value& g, const PathNode* gp) {
                                      switch (j) {
                                        case 0:
                                          ReadDate(g, gp, &adj.date);
                                          break;
                                        case 1:
                                          ReadEnum(g, gp, &ParseFundSource, &adj.source);
                                          break;
                                        case 2:
                                          ReadAmount(g, gp, &adj.amount);
                                          break;
                                        case 3:
                                          ReadString(g, gp, &adj.reason);
                                          break;
                                      }
                                    });
                       o.damaged = reported_ > child_before;
                       adjustments.emplace_back(std::move(adj), std::move(o));
                     });
                     break;
                   case 11:
                     ForEachElement(f, p, [&](od::value& e, const PathNode* ep) {
                       Origin o = Locate(RecordKind::kPayment, At(e), ep, ep->index);
                       const std::size_t child_before = reported_;
                       PlannedPayment pay;
                       ForEachField(e, ep, kPaymentFields, Bits({0, 1}),
                                    [&](std::size_t j, od::value& g, const PathNode* gp) {
                                      if (j == 0) {
                                        ReadDate(g, gp, &pay.date);
                                      } else {
                                        ReadAmount(g, gp, &pay.amount);
                                      }
                                    });
                       o.damaged = reported_ > child_before;
                       payments.emplace_back(pay, std::move(o));
                     });
                     break;
                   case 12:
                     ForEachField(f, p, kDisclosureFields, 0,
                                  [&](std::size_t j, od::value& g, const PathNode* gp) {
                                    ReadBool(g, gp,
                                             j == 0 ? &project.disclosure.with_budget
                                                    : &project.disclosure.with_approval);
                                  });
                     break;
                 }
               });
  if (!has_id) return;
  const std::string id = project.id;
  origin.damaged = reported_ > reported_before;
  builder_.AddProject(std::move(project), std::move(origin));
  for (auto& [line, o] : funds) builder_.AddFundLine(id, line, std::move(o));
  for (auto& [adj, o] : adjustments) builder_.AddAdjustment(id, std::move(adj), std::move(o));
  for (auto& [pay, o] : payments) builder_.AddPlannedPayment(id, pay, std::move(o));
}

void Reader::ReadGoal(od::value& v, const PathNode* path) {
  const char* start = At(v);
  Origin origin = Locate(RecordKind::kGoal, start, path);
  const std::size_t reported_before = reported_;
  Goal goal;
  bool has_id = false;
  bool has_owner = false;
  // Indicators are read in place; their origins go alongside.
  // Read into a reused scratch list, then moved into a list of exact size.
  std::vector<Origin>& indicator_origins = indicator_origins_;
  indicator_origins.clear();
  std::vector<Indicator>& scratch = indicator_scratch_;
  scratch.clear();
  ForEachField(v, path, kGoalFields, Bits({0, 1}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     has_id = ReadId(f, p, &goal.id);
                     break;
                   case 1:
                     has_owner = ReadEnum(f, p, &ParseGoalOwner, &goal.owner);
                     break;
                   case 2:
                     ReadId(f, p, &goal.project_id);
                     break;
                   case 3:
                     ReadId(f, p, &goal.unit_id);
                     break;
                   case 4:
                     ReadString(f, p, &goal.text);
                     break;
                   case 5:
                     ForEachElement(f, p, [&](od::value& e, const PathNode* ep) {
                       Origin o = Locate(RecordKind::kIndicator, At(e), ep, ep->index);
                       scratch.emplace_back();
                       if (ReadIndicator(e, ep, &scratch.back())) {
                         indicator_origins.push_back(std::move(o));
                       } else {
                         scratch.pop_back();
                       }
                     });
                     break;
                 }
               });
  if (has_owner) {
    const bool project_owned = goal.owner == GoalOwner::kProject;
    const std::string_view need = project_owned ? "project" : "unit";
    if ((project_owned ? goal.project_id : goal.unit_id).empty()) {
      const PathNode node{path, need};
      Report(DiagnosticKind::kMissing, start, &node, "", "an id",
             Cat("required field `", need, "` is missing in ", RenderPath(path),
                 " (a goal owned by a ", need, " names it)"));
    }
  }
  if (!has_id) return;
  goal.indicators.reserve(scratch.size());
  for (Indicator& ind : scratch) goal.indicators.push_back(std::move(ind));
  origin.damaged = reported_ > reported_before;
  builder_.AddGoal(std::move(goal), std::move(origin), indicator_origins);
}

bool Reader::ReadIndicator(od::value& v, const PathNode* path, Indicator* ind) {
  json_internal::TargetInput target;
  const PathNode* target_path = nullptr;
  const char* target_at = nullptr;
  std::string_view target_raw;  // in the document
  PathNode target_node;
  ForEachField(v, path, kIndicatorFields, Bits({1, 2, 3}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     ReadOptionalId(f, p, &ind->id);
                     break;
                   case 1:
                     ReadEnum(f, p, &ParseIndicatorLevel1, &ind->level1);
                     break;
                   case 2:
                     ReadEnum(f, p, &ParseIndicatorLevel2, &ind->level2);
                     break;
                   case 3:
                     ReadString(f, p, &ind->name);
                     break;
                   case 4:
                     ReadEnum(f, p, &ParseComparator, &target.comparator);
                     break;
                   case 5: {
                     std::string_view text;
                     std::optional<od::json_type> t = TypeOf(f);
                     if (!t) return;
                     if (*t == od::json_type::string) {
                       if (!GetString(f, &text)) return;
                     } else if (*t == od::json_type::number) {
                       constexpr std::string_view kTargetExpected =
                           "a target such as \"≥50个\", \"[90, 100]\" or 95";
                       if (!NumberText(f, p, kTargetExpected, &text)) return;
                       // A JSON number is a plain number: the ratio codec's.
                       if (codec::Decoded<Ratio> r = codec::DecodeRatio(text); !r.ok()) {
                         ReportFailure(f, p, text, kTargetExpected, r.failure());
                         return;
                       }
                     } else {
                       ReportType(f, p, *t, "a string or a number");
                       return;
                     }
                     target.target = std::string(text);
                     target_node = *p;
                     target_path = &target_node;
                     target_at = At(f);
                     target_raw = Raw(f);
                     break;
                   }
                   case 6: {
                     std::string_view text;
                     if (!RatioText(f, p, &text)) return;
                     if (codec::Decoded<Ratio> r = codec::DecodeRatio(text); !r.ok()) {
                       ReportFailure(f, p, text, kRatioExpected, r.failure());
                       return;
                     }
                     target.target_high = std::string(text);
                     if (target_at == nullptr) {
                       target_node = *p;
                       target_path = &target_node;
                       target_at = At(f);
                       target_raw = Raw(f);
                     }
                     break;
                   }
                   case 7: {
                     std::string s;
                     if (ReadString(f, p, &s)) target.target_text = std::move(s);
                     break;
                   }
                   case 8: {
                     std::string s;
                     if (ReadString(f, p, &s)) target.unit_of_measure = std::move(s);
                     break;
                   }
                   case 9:
                     ReadRatio(f, p, &ind->weight);
                     break;
                   case 10:
                     ReadRatio(f, p, &ind->baseline);
                     break;
                   case 11:
                     ReadEnum(f, p, &ParseValueSource, &ind->value_source);
                     break;
                   case 12:
                     ReadString(f, p, &ind->evaluation_standard);
                     break;
                   case 13:
                     ForEachElement(
                         f, p, [&](od::value& e, const PathNode* ep) { ReadActual(e, ep, ind); });
                     break;
                 }
               });
  if (fatal_) return false;
  codec::CodecFailure failure;
  if (absl::Status st = json_internal::ResolveTarget(target, ind, &failure); !st.ok()) {
    Report(codec::DiagnosticKindOf(failure), target_at, target_path, target_raw, kRatioExpected,
           std::string(SV(st.message())));
  }
  return true;
}

void Reader::ReadActual(od::value& v, const PathNode* path, Indicator* ind) {
  IndicatorActual actual;
  ForEachField(v, path, kActualFields, Bits({0}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     ReadDate(f, p, &actual.date);
                     break;
                   case 1:
                     ReadRatio(f, p, &actual.value);
                     break;
                   case 2:
                     ReadEnum(f, p, &ParseQualitativeGrade, &actual.grade);
                     break;
                   case 3:
                     ReadString(f, p, &actual.text);
                     break;
                 }
               });
  ind->actuals.push_back(std::move(actual));
}

void Reader::ReadDisbursement(od::value& v, const PathNode* path) {
  Origin origin = Locate(RecordKind::kDisbursement, At(v), path);
  const std::size_t reported_before = reported_;
  Disbursement d;
  bool has_project = false;
  ForEachField(v, path, kDisbursementFields, Bits({1, 2, 4}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     ReadOptionalId(f, p, &d.id);
                     break;
                   case 1:
                     has_project = ReadId(f, p, &d.project_id);
                     break;
                   case 2:
                     ReadDate(f, p, &d.date);
                     break;
                   case 3:
                     ReadEnum(f, p, &ParseFundSource, &d.source);
                     break;
                   case 4:
                     ReadAmount(f, p, &d.amount);
                     break;
                 }
               });
  origin.damaged = reported_ > reported_before;
  if (has_project) builder_.AddDisbursement(std::move(d), std::move(origin));
}

void Reader::ReadExAnte(od::value& v, const PathNode* path) {
  Origin origin = Locate(RecordKind::kExAnte, At(v), path);
  const std::size_t reported_before = reported_;
  ExAnteAssessment a;
  bool has_project = false;
  ForEachField(v, path, kExAnteFields, Bits({0}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     has_project = ReadId(f, p, &a.project_id);
                     break;
                   case 1:
                     ReadDate(f, p, &a.date);
                     break;
                   case 2:
                     ReadAmount(f, p, &a.requested);
                     break;
                   case 3:
                     ForEachField(f, p, kExAnteScoreFields, 0,
                                  [&](std::size_t j, od::value& g, const PathNode* gp) {
                                    ReadRatio(g, gp, &a.scores[j]);
                                  });
                     break;
                   case 4:
                     ReadString(f, p, &a.note);
                     break;
                 }
               });
  origin.damaged = reported_ > reported_before;
  if (has_project) builder_.AddExAnteAssessment(std::move(a), std::move(origin));
}

void Reader::ReadEvaluation(od::value& v, const PathNode* path) {
  Origin origin = Locate(RecordKind::kEvaluation, At(v), path);
  const std::size_t reported_before = reported_;
  Evaluation e;
  bool has_id = false;
  ForEachField(v, path, kEvaluationFields, Bits({0}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     has_id = ReadId(f, p, &e.id);
                     break;
                   case 1:
                     ReadEnum(f, p, &ParseEvaluationKind, &e.kind);
                     break;
                   case 2:
                     ReadOptionalId(f, p, &e.project_id);
                     break;
                   case 3:
                     ReadOptionalId(f, p, &e.unit_id);
                     break;
                   case 4:
                     ReadInt(f, p, 0, 9999, &e.evaluated_year);
                     break;
                   case 5:
                     ReadDate(f, p, &e.date);
                     break;
                   case 6:
                     ReadAmount(f, p, &e.amount);
                     break;
                   case 7:
                     ReadRatio(f, p, &e.score);
                     break;
                   case 8:
                     ReadEnum(f, p, &ParseGrade, &e.grade);
                     break;
                   case 9:
                     ReadString(f, p, &e.evaluator);
                     break;
                   case 10:
                     ReadStringList(f, p, &e.problems);
                     break;
                   case 11:
                     ReadStringList(f, p, &e.suggestions);
                     break;
                   case 12:
                     ReadBool(f, p, &e.published_with_final_accounts);
                     break;
                 }
               });
  origin.damaged = reported_ > reported_before;
  if (has_id) builder_.AddEvaluation(std::move(e), std::move(origin));
}

void Reader::ReadRectification(od::value& v, const PathNode* path) {
  Origin origin = Locate(RecordKind::kRectification, At(v), path);
  const std::size_t reported_before = reported_;
  RectificationItem r;
  bool has_id = false;
  ForEachField(v, path, kRectificationFields, Bits({0}),
               [&](std::size_t i, od::value& f, const PathNode* p) {
                 switch (i) {
                   case 0:
                     has_id = ReadId(f, p, &r.id);
                     break;
                   case 1:
                     ReadOptionalId(f, p, &r.evaluation_id);
                     break;
                   case 2:
                     ReadOptionalId(f, p, &r.unit_id);
                     break;
                   case 3:
                     ReadOptionalId(f, p, &r.project_id);
                     break;
                   case 4:
                     ReadString(f, p, &r.description);
                     break;
                   case 5:
                     ReadString(f, p, &r.owner);
                     break;
                   case 6:
                     ReadDate(f, p, &r.due);
                     break;
                   case 7:
                     ReadEnum(f, p, &ParseRectificationStatus, &r.status);
                     break;
                   case 8:
                     ReadDate(f, p, &r.closed);
                     break;
                 }
               });
  origin.damaged = reported_ > reported_before;
  if (has_id) builder_.AddRectification(std::move(r), std::move(origin));
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Loads from a buffer with at least SIMDJSON_PADDING bytes readable past its
// end. `owner` keeps the buffer alive; it is handed to the builder's origin
// resolver, so the builder frees the text as soon as no diagnostic can need
// it any more (before it moves the records into the dataset: a lower peak).
//
// `mapping`, when not null, is the page-aligned start of a read-only file
// mapping of `mapping_size` bytes holding the text: pages already read are
// handed back to the kernel as reading goes (see Reader::SetMapping).
absl::StatusOr<Dataset> LoadPadded(std::string_view text, std::size_t capacity,
                                   std::shared_ptr<const void> owner, const LoadOptions& options,
                                   Diagnostics* diagnostics, std::string_view file_name,
                                   const char* mapping = nullptr, std::size_t mapping_size = 0,
                                   std::size_t release_step = json_internal::kDefaultReleaseStep) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    text.remove_prefix(kUtf8Bom.size());
    capacity -= kUtf8Bom.size();
  }
  if (text.size() > std::min(options.max_file_bytes, kDefaultMaxFileBytes)) {
    const std::string message =
        Cat("the JSON document is ", text.size(), " bytes, over the ",
            std::min(options.max_file_bytes, kDefaultMaxFileBytes), "-byte limit");
    if (diagnostics != nullptr) {
      Diagnostic d;
      d.kind = DiagnosticKind::kIo;
      d.where.file = std::string(file_name);
      d.expected = "a document within LoadOptions::max_file_bytes";
      d.message = message;
      diagnostics->Add(std::move(d));
    }
    return absl::ResourceExhaustedError(message);
  }
  DatasetBuilder builder;
  builder.SetMaxLoaderDiagnostics(options.max_errors);
  Reader reader(text, file_name, options.max_errors, builder);
  if (mapping != nullptr) reader.SetMapping(mapping, release_step);
  builder.SetOriginResolver([&reader, owner = std::move(owner)](std::uint64_t locator) {
    return reader.Resolve(locator);
  });
  {
    od::parser parser;
    od::document doc;
    const int max_depth = std::clamp(options.max_depth, 1, kMaxJsonDepth);
    simdjson::error_code err = parser.allocate(text.size(), kJsonParserDepth);
    if (err == simdjson::SUCCESS) {
      err =
          parser.iterate(simdjson::padded_string_view(text.data(), text.size(), capacity)).get(doc);
    }
    if (err == simdjson::SUCCESS) reader.Run(doc);
    if (err != simdjson::SUCCESS || reader.fatal()) {
      if (err == simdjson::SUCCESS) err = reader.fatal_error();
      // simdjson allocates with new (std::nothrow): out of memory is an error
      // code, not a syntax problem. The public entry points map it.
      if (err == simdjson::MEMALLOC) throw std::bad_alloc();
      std::optional<SyntaxProblem> problem = CheckJsonSyntax(text, max_depth);
      if (problem.has_value()) {
        reader.ReportSyntax(problem->offset, problem->message);
      } else {
        reader.ReportSyntax(0, Cat("the JSON parser stopped: ", simdjson::error_message(err)));
      }
      reader.GiveDamagedHeaderIfNone();
    } else if (reader.reported() > 0) {
      // On-Demand skips values it is not asked for (a wrong type, an unknown
      // field): when anything was wrong, make sure no syntax error hides there.
      std::optional<SyntaxProblem> problem = CheckJsonSyntax(text, max_depth);
      if (problem.has_value()) reader.ReportSyntax(problem->offset, problem->message);
    }
  }
  // Building needs the text only to place a problem: not resident meanwhile.
  if (mapping != nullptr) ::madvise(const_cast<char*>(mapping), mapping_size, MADV_DONTNEED);
  BuildOptions build;
  build.max_errors = options.max_errors;
  return builder.Build(build, diagnostics);
}

}  // namespace

absl::StatusOr<Dataset> LoadDatasetJson(std::string_view text, const LoadOptions& options,
                                        Diagnostics* diagnostics, std::string_view file_name) try {
  auto padded = std::make_shared<const simdjson::padded_string>(text.data(), text.size());
  if (padded->data() == nullptr) throw std::bad_alloc();  // simdjson's nothrow allocation
  const std::string_view view(padded->data(), padded->size());
  return LoadPadded(view, view.size() + simdjson::SIMDJSON_PADDING, std::move(padded), options,
                    diagnostics, file_name);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a JSON dataset");
}

namespace {

// A read-only private mapping of a whole file followed by at least the
// parser's padding of zero bytes, unmapped when destroyed.
class FileMapping {
 public:
  FileMapping(const char* data, std::size_t size, std::size_t capacity)
      : data_(data), size_(size), capacity_(capacity) {}
  FileMapping(const FileMapping&) = delete;
  FileMapping& operator=(const FileMapping&) = delete;
  ~FileMapping() { ::munmap(const_cast<char*>(data_), capacity_); }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  // Bytes readable from data(): the file, the zeros the kernel puts after its
  // end in the last page, and any anonymous zero page after that.
  std::size_t capacity() const { return capacity_; }

 private:
  const char* data_;
  std::size_t size_;
  std::size_t capacity_;
};

// Maps an opened regular file of 1 MiB or more (no copy of the file, and its
// pages can be handed back as they are read). The parser reads up to
// SIMDJSON_PADDING bytes past the end: the address range reserved is the
// file's size plus that padding rounded up to whole pages, as an anonymous
// read-only mapping (zeros), and the file is mapped over its start
// (MAP_FIXED). Where the last page of the file has room for the padding the
// two coincide; where it has not (a size that is a whole number of pages, or
// within 64 bytes of one) the padding lies in the anonymous page after it.
// nullptr when the file is smaller or cannot be mapped (the caller reads
// it). (A file truncated by someone else while mapped would fault: a risk
// every mmap-based reader takes.)
std::shared_ptr<const FileMapping> MapFile(const file_internal::OpenedFile& file) {
  constexpr std::size_t kMinMapBytes = std::size_t{1} << 20;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto size = static_cast<std::size_t>(file.size);
  if (size < kMinMapBytes) return nullptr;
  const std::size_t capacity = (size + simdjson::SIMDJSON_PADDING + page - 1) / page * page;
  void* range =
      ::mmap(nullptr, capacity, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (range == MAP_FAILED) return nullptr;
  void* p = ::mmap(range, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, file.fd.get(), 0);
  if (p != range) {
    ::munmap(range, capacity);
    return nullptr;
  }
  ::madvise(p, size, MADV_SEQUENTIAL);
  return std::make_shared<const FileMapping>(static_cast<const char*>(p), size, capacity);
}

}  // namespace

namespace json_internal {

absl::StatusOr<Dataset> LoadDatasetJsonFileObserved(const std::string& path,
                                                    const LoadOptions& options,
                                                    Diagnostics* diagnostics,
                                                    const JsonFileObserver& observe,
                                                    std::size_t release_step) try {
  // One guarded opening (no blocking on a FIFO, anything but a regular file
  // refused before reading, the size cap), then the file is mapped or read.
  const ReadFileOptions read_options{.max_bytes = options.max_file_bytes};
  absl::StatusOr<file_internal::OpenedFile> file =
      file_internal::OpenRegularFile(path, read_options);
  absl::StatusOr<std::string> text;
  if (file.ok()) {
    if (std::shared_ptr<const FileMapping> map = MapFile(*file)) {
      const std::string_view view(map->data(), map->size());
      const char* base = map->data();
      const std::size_t capacity = map->capacity();
      if (observe) observe(JsonFileText{view, capacity, /*mapped=*/true});
      return LoadPadded(view, capacity, std::move(map), options, diagnostics, path, base,
                        view.size(), release_step);
    }
    text = file_internal::ReadAll(*file, path, read_options);
  } else {
    text = file.status();
  }
  if (!text.ok()) {
    if (diagnostics != nullptr) {
      Diagnostic d;
      d.kind = DiagnosticKind::kIo;
      d.where.file = path;
      d.expected = "a readable JSON file";
      d.message = std::string(text.status().message());
      diagnostics->Add(std::move(d));
    }
    return text.status();
  }
  // ReadAll leaves spare capacity; make sure the parser's padding fits.
  text->reserve(text->size() + simdjson::SIMDJSON_PADDING);
  auto owned = std::make_shared<const std::string>(*std::move(text));
  if (observe) observe(JsonFileText{*owned, owned->capacity(), /*mapped=*/false});
  return LoadPadded(*owned, owned->capacity(), owned, options, diagnostics, path);
} catch (const std::bad_alloc&) {
  return OutOfMemory("loading a JSON dataset");
}

}  // namespace json_internal

absl::StatusOr<Dataset> LoadDatasetJsonFile(const std::string& path, const LoadOptions& options,
                                            Diagnostics* diagnostics) {
  return json_internal::LoadDatasetJsonFileObserved(path, options, diagnostics, nullptr,
                                                    json_internal::kDefaultReleaseStep);
}

}  // namespace perfbudget
