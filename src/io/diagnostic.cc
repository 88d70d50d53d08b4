// diagnostic.cc: formatting and collecting input diagnostics.
#include "perfbudget/io/diagnostic.h"

#include <array>

#include "absl/strings/str_cat.h"

namespace perfbudget {
namespace {

constexpr std::array<std::string_view, 16> kKindCodes = {"syntax",
                                                         "type",
                                                         "missing",
                                                         "enum_value",
                                                         "sub_fen",
                                                         "overflow",
                                                         "date",
                                                         "date_out_of_year",
                                                         "duplicate_id",
                                                         "unknown_reference",
                                                         "negative_amount",
                                                         "negative_executed",
                                                         "format",
                                                         "encoding",
                                                         "value",
                                                         "io"};

constexpr std::size_t kMaxValueBytes = 80;

// Truncates at a UTF-8 boundary.
std::string Truncate(std::string_view s) {
  if (s.size() <= kMaxValueBytes) return std::string(s);
  std::size_t n = kMaxValueBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

}  // namespace

std::string_view CodeOf(DiagnosticKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < kKindCodes.size() ? kKindCodes[i] : std::string_view("unknown");
}

std::string Diagnostic::ToString() const {
  std::string out;
  if (!where.file.empty()) {
    absl::StrAppend(&out, where.file);
    if (where.line > 0) {
      absl::StrAppend(&out, ":", where.line);
      if (where.column > 0) absl::StrAppend(&out, ":", where.column);
    }
    absl::StrAppend(&out, ": ");
  } else if (where.line > 0) {
    absl::StrAppend(&out, "line ", where.line);
    if (where.column > 0) absl::StrAppend(&out, ", column ", where.column);
    absl::StrAppend(&out, ": ");
  }
  if (!where.path.empty()) absl::StrAppend(&out, where.path, ": ");
  absl::StrAppend(&out, message.empty() ? std::string(CodeOf(kind)) : message);
  if (!field.empty() && where.path.find(field) == std::string::npos) {
    absl::StrAppend(&out, " [field ", field, "]");
  }
  if (!value.empty()) absl::StrAppend(&out, " (value: \"", Truncate(value), "\")");
  if (!expected.empty()) absl::StrAppend(&out, " (expected: ", expected, ")");
  return out;
}

void Diagnostics::Add(Diagnostic d) {
  if (items_.size() >= limit_) {
    ++dropped_;
    return;
  }
  if (d.value.size() > kMaxValueBytes) d.value = Truncate(d.value);
  items_.push_back(std::move(d));
}

absl::Status Diagnostics::ToStatus(std::string_view what) const {
  // Problems only counted (a limit of 0 keeps none) still fail.
  if (items_.empty() && dropped_ == 0) return absl::OkStatus();
  std::string msg = absl::StrCat(std::string(what), ": ", items_.size() + dropped_, " problem",
                                 items_.size() + dropped_ == 1 ? "" : "s", " found");
  const std::size_t shown = std::min<std::size_t>(items_.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) absl::StrAppend(&msg, "; ", items_[i].ToString());
  if (items_.size() + dropped_ > shown) absl::StrAppend(&msg, "; …");
  return absl::InvalidArgumentError(msg);
}

}  // namespace perfbudget
