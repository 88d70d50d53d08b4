// capi_internal.cc: shared machinery of the C ABI implementation.
#include "capi_internal.hpp"

#include <memory>
#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "codec/id.h"
#include "codec/ratio.h"
#include "io/text_encoding.h"

namespace perfbudget::capi {
namespace {

constexpr absl::string_view kCodePayload = "perfbudget.dev/pfb_code";
constexpr absl::string_view kDiagnosticKindPayload = "perfbudget.dev/diagnostic_kind";

absl::StatusCode AbslCodeOf(std::int32_t pfb_code) {
  switch (pfb_code) {
    case PFB_OK:
      return absl::StatusCode::kOk;
    case PFB_INVALID_ARGUMENT:
      return absl::StatusCode::kInvalidArgument;
    case PFB_NOT_FOUND:
      return absl::StatusCode::kNotFound;
    case PFB_OUT_OF_RANGE:
      return absl::StatusCode::kOutOfRange;
    case PFB_FAILED_PRECONDITION:
      return absl::StatusCode::kFailedPrecondition;
    case PFB_IO:
      return absl::StatusCode::kUnavailable;
    case PFB_NO_MEMORY:
      return absl::StatusCode::kResourceExhausted;
    case PFB_UNIMPLEMENTED:
      return absl::StatusCode::kUnimplemented;
    case PFB_ALREADY_EXISTS:
      return absl::StatusCode::kAlreadyExists;
    default:
      return absl::StatusCode::kInternal;
  }
}

// The C ABI promises UTF-8: input problems may quote invalid bytes as found.
void MakeUtf8(std::string& s) {
  if (!IsValidUtf8(s)) s = SanitizeUtf8(s).utf8;
}

}  // namespace

std::int32_t CodeFromStatus(const absl::Status& status) {
  if (auto payload = status.GetPayload(kCodePayload); payload.has_value()) {
    int code = 0;
    if (absl::SimpleAtoi(std::string(*payload), &code)) return code;
  }
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return PFB_OK;
    case absl::StatusCode::kInvalidArgument:
      return PFB_INVALID_ARGUMENT;
    case absl::StatusCode::kNotFound:
      return PFB_NOT_FOUND;
    case absl::StatusCode::kOutOfRange:
      return PFB_OUT_OF_RANGE;
    case absl::StatusCode::kFailedPrecondition:
      return PFB_FAILED_PRECONDITION;
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnavailable:
      return PFB_IO;
    case absl::StatusCode::kResourceExhausted:
      return PFB_NO_MEMORY;
    case absl::StatusCode::kUnimplemented:
      return PFB_UNIMPLEMENTED;
    case absl::StatusCode::kAlreadyExists:
      return PFB_ALREADY_EXISTS;
    default:
      return PFB_INTERNAL;
  }
}

absl::Status MakeStatus(std::int32_t pfb_code, absl::string_view message) {
  absl::Status status(AbslCodeOf(pfb_code), message);
  if (!status.ok()) status.SetPayload(kCodePayload, absl::Cord(std::to_string(pfb_code)));
  return status;
}

std::int32_t Fail(pfb_error** err, const absl::Status& status, const Diagnostics* diagnostics) {
  std::int32_t code = PFB_INTERNAL;
  try {
    code = CodeFromStatus(status);
    if (code == PFB_OK) code = PFB_INTERNAL;  // a failure must never look like success
    if (err == nullptr) return code;
    auto e = std::make_unique<pfb_error>();
    e->code = code;
    e->message = std::string(status.message());
    MakeUtf8(e->message);
    if (diagnostics != nullptr) {
      e->diagnostics = diagnostics->items();
      e->dropped = static_cast<std::uint32_t>(diagnostics->dropped());
      for (Diagnostic& d : e->diagnostics) {
        for (std::string* s :
             {&d.where.file, &d.where.path, &d.field, &d.value, &d.expected, &d.message}) {
          MakeUtf8(*s);
        }
      }
    }
    *err = e.release();
    return code;
  } catch (...) {
    // Out of memory while reporting: hand back what we can.
    if (err == nullptr) return PFB_NO_MEMORY;
    *err = nullptr;
    auto* e = new (std::nothrow) pfb_error;
    if (e != nullptr) {
      e->code = PFB_NO_MEMORY;
      try {
        e->message = "out of memory";  // fits the small-string buffer
      } catch (...) {
      }
      *err = e;
    }
    return PFB_NO_MEMORY;
  }
}

absl::StatusOr<const Dataset*> DatasetOf(const pfb_dataset* dataset) {
  if (dataset == nullptr) return MakeStatus(PFB_INVALID_ARGUMENT, "dataset is NULL");
  return &dataset->dataset;
}

absl::StatusOr<std::string_view> InText(const char* data, std::size_t len, std::string_view name) {
  if (data == nullptr && len != 0) {
    return MakeStatus(PFB_INVALID_ARGUMENT, Cat(name, " is NULL but its length is ", len));
  }
  if (data == nullptr) return std::string_view();
  std::string_view text(data, len);
  if (!IsValidUtf8(text)) {
    return MakeStatus(PFB_INVALID_ARGUMENT, Cat(name, " is not valid UTF-8"));
  }
  return text;
}

absl::StatusOr<std::string_view> InString(const char* s, std::string_view name) {
  if (s == nullptr) return MakeStatus(PFB_INVALID_ARGUMENT, Cat(name, " is NULL"));
  return InText(s, std::strlen(s), name);
}

absl::StatusOr<std::string_view> InOptionalString(const char* s, std::string_view name) {
  if (s == nullptr) return std::string_view();
  return InText(s, std::strlen(s), name);
}

absl::StatusOr<Date> InDate(std::int32_t yyyymmdd, std::string_view name) {
  if (yyyymmdd <= 0) {
    return MakeStatus(
        PFB_INVALID_ARGUMENT,
        Cat(name, " ", yyyymmdd, " is not a date (expected yyyymmdd, e.g. 20220831)"));
  }
  auto d = Date::FromYmd(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  if (!d.ok()) {
    return MakeStatus(PFB_INVALID_ARGUMENT,
                      Cat(name, " ", yyyymmdd, " is not a date: ", d.status().message(),
                          " (expected yyyymmdd, e.g. 20220831)"));
  }
  return *d;
}

absl::StatusOr<std::optional<Date>> InOptionalDate(std::int32_t yyyymmdd, std::string_view name) {
  if (yyyymmdd == 0) return std::optional<Date>();
  PFB_ASSIGN_OR_RETURN(Date d, InDate(yyyymmdd, name));
  return std::optional<Date>(d);
}

std::int32_t DateToInt(Date d) { return d.year() * 10000 + d.month() * 100 + d.day(); }

absl::StatusOr<std::optional<Ratio>> InOptionalDecimal(const char* s, std::string_view name) {
  PFB_ASSIGN_OR_RETURN(std::string_view text, InOptionalString(s, name));
  if (codec::IsBlank(text)) return std::optional<Ratio>();
  codec::Decoded<Ratio> r = codec::DecodeRatio(text);
  if (!r.ok()) return CodecStatus(name, r.failure());
  return std::optional<Ratio>(*r);
}

absl::StatusOr<std::string_view> InId(const char* s, std::string_view name) {
  PFB_ASSIGN_OR_RETURN(std::string_view text, InString(s, name));
  return codec::OptionalId(text);
}

absl::StatusOr<std::string_view> InOptionalId(const char* s, std::string_view name) {
  PFB_ASSIGN_OR_RETURN(std::string_view text, InOptionalString(s, name));
  return codec::OptionalId(text);
}

absl::Status CodecStatus(std::string_view name, const codec::CodecFailure& failure) {
  absl::Status status = MakeStatus(PFB_INVALID_ARGUMENT, Cat(name, ": ", failure.message));
  status.SetPayload(kDiagnosticKindPayload,
                    absl::Cord(std::to_string(static_cast<int>(codec::DiagnosticKindOf(failure)))));
  return status;
}

std::optional<DiagnosticKind> DiagnosticKindOfStatus(const absl::Status& status) {
  auto payload = status.GetPayload(kDiagnosticKindPayload);
  int kind = 0;
  if (!payload.has_value() || !absl::SimpleAtoi(std::string(*payload), &kind)) return std::nullopt;
  return static_cast<DiagnosticKind>(kind);
}

absl::Status CheckEnumRange(std::int32_t value, std::size_t count, std::string_view name,
                            std::string_view what, std::string_view codes) {
  if (value >= 0 && static_cast<std::size_t>(value) < count) return absl::OkStatus();
  return MakeStatus(PFB_INVALID_ARGUMENT,
                    Cat(name, " ", value, " is not a ", what, " (expected one of ", codes, ")"));
}

absl::Status CheckFlags(std::uint32_t flags, std::uint32_t known, std::string_view name) {
  if ((flags & ~known) == 0) return absl::OkStatus();
  return MakeStatus(PFB_INVALID_ARGUMENT,
                    Cat(name, " has unknown bits 0x", absl::Hex(flags & ~known)));
}

absl::Status CheckIndex(std::uint32_t index, std::size_t count, std::string_view what) {
  if (index < count) return absl::OkStatus();
  return MakeStatus(PFB_OUT_OF_RANGE,
                    Cat(what, " index ", index, " is out of range (", count, " ", what, "s)"));
}

char* CopyString(std::string_view s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) return nullptr;
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

absl::Status CopyOut(std::string_view s, char** out, std::size_t* out_len) {
  *out = CopyString(s);
  if (*out == nullptr) return MakeStatus(PFB_NO_MEMORY, "out of memory");
  if (out_len != nullptr) *out_len = s.size();
  return absl::OkStatus();
}

}  // namespace perfbudget::capi
