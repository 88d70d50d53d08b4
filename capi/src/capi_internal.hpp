// capi_internal.hpp: shared machinery of the C ABI implementation (capi/src/*.cc).
//
// Every exported function follows one shape (docs/c-abi.md, "Implementing a
// function"):
//
//   extern "C" PFB_API int32_t pfb_thing_do(const pfb_dataset* dataset, const char* id,
//                                           int64_t* out_fen, pfb_error** err) {
//     return perfbudget::capi::Guard(err, [&]() -> absl::Status {
//       PFB_RETURN_IF_ERROR(perfbudget::capi::ZeroOut(out_fen, "out_fen"));
//       PFB_ASSIGN_OR_RETURN(const Dataset* ds, perfbudget::capi::DatasetOf(dataset));
//       PFB_ASSIGN_OR_RETURN(std::string_view id_text, perfbudget::capi::InString(id, "id"));
//       ...
//       *out_fen = result.fen();
//       return absl::OkStatus();
//     });
//   }
//
// Guard runs the body, turns its absl::Status into a PFB_* code and a new
// pfb_error (with diagnostics when the body filled them), sets *err to NULL on
// success, and catches every C++ exception (std::bad_alloc → PFB_NO_MEMORY,
// anything else → PFB_INTERNAL). Nothing is thrown across the boundary.
#ifndef PERFBUDGET_CAPI_SRC_CAPI_INTERNAL_HPP_
#define PERFBUDGET_CAPI_SRC_CAPI_INTERNAL_HPP_

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "perfbudget/calendar/date.h"
#include "perfbudget/io/diagnostic.h"
#include "perfbudget/model/dataset.h"
#include "perfbudget/money/ratio.h"
#include "perfbudget/pfb_core.h"
#include "perfbudget/policy/policy.h"

// ---- handle structs (the opaque types of pfb_core.h) ------------------------
// Other capi files may read these; each handle type of a later header
// (pfb_review.h, ...) is defined in that part's own .cc file or in its own
// capi/src/<part>_internal.h.

struct pfb_error {
  std::int32_t code = PFB_INTERNAL;
  std::string message;
  std::vector<perfbudget::Diagnostic> diagnostics;
  std::uint32_t dropped = 0;
};

struct pfb_dataset {
  perfbudget::Dataset dataset;  // immutable; copies share the data
};

// A loaded policy profile: immutable, shared by review, monitoring, reclaim
// and the curve (and whatever part takes a const pfb_policy*).
struct pfb_policy {
  perfbudget::Policy policy;
};

struct pfb_builder {
  perfbudget::DatasetBuilder builder;
  perfbudget::Origin origin;     // set by pfb_builder_set_origin, stamped on rows
  std::uint32_t row_errors = 0;  // rows rejected by add_* (also recorded as diagnostics)
  bool used_up = false;          // pfb_builder_build was called
  // Bulk calls (pfb_builder_add_*_columns): the origin source and table of
  // each call; a row of call k is placed by the locator (k + 1) << 40 | row.
  std::vector<std::pair<std::string, std::string>> column_calls;
};

namespace perfbudget::capi {

// ---- status and errors -----------------------------------------------------

// The PFB_* code for an absl status code.
std::int32_t CodeFromStatus(const absl::Status& status);

// A status carrying a specific PFB_* code that absl has no code for (PFB_IO,
// PFB_NO_MEMORY): the code travels in a payload and wins in CodeFromStatus.
// (Overloads because Debian's absl::string_view is not std::string_view.)
absl::Status MakeStatus(std::int32_t pfb_code, absl::string_view message);
inline absl::Status MakeStatus(std::int32_t pfb_code, std::string_view message) {
  return MakeStatus(pfb_code, absl::string_view(message.data(), message.size()));
}
inline absl::Status MakeStatus(std::int32_t pfb_code, const std::string& message) {
  return MakeStatus(pfb_code, absl::string_view(message));
}
inline absl::Status MakeStatus(std::int32_t pfb_code, const char* message) {
  return MakeStatus(pfb_code, absl::string_view(message));
}

// absl::StrCat that also takes std::string_view (Debian's Abseil has its own
// absl::string_view): capi::Cat("id \"", id, "\" is unknown").
inline absl::string_view CatArg(std::string_view s) { return {s.data(), s.size()}; }
template <typename T>
const T& CatArg(const T& v) {
  return v;
}
template <typename... Args>
std::string Cat(const Args&... args) {
  return absl::StrCat(CatArg(args)...);
}
// std::string_view of an absl::string_view (e.g. status.message()).
inline std::string_view Std(absl::string_view s) { return {s.data(), s.size()}; }

// Creates the error for a failed call: sets *err (when err is not null) to a
// new pfb_error, and returns the PFB_* code. Never throws; when memory runs
// out it hands back a PFB_NO_MEMORY error with a fixed message (or NULL).
std::int32_t Fail(pfb_error** err, const absl::Status& status,
                  const Diagnostics* diagnostics = nullptr);

// Sets *err to NULL (success) when err is not null; returns PFB_OK.
inline std::int32_t Succeed(pfb_error** err) {
  if (err != nullptr) *err = nullptr;
  return PFB_OK;
}

// Runs `body` with every exception caught. `body` is either
//   absl::Status()                        or
//   absl::Status(perfbudget::Diagnostics&)  (fill it with input problems;
//                                          they become the error's diagnostics).
template <typename Body>
std::int32_t Guard(pfb_error** err, Body&& body) noexcept {
  try {
    if constexpr (std::is_invocable_v<Body&, Diagnostics&>) {
      Diagnostics diagnostics;
      absl::Status status = body(diagnostics);
      if (status.ok()) return Succeed(err);
      return Fail(err, status, &diagnostics);
    } else {
      absl::Status status = body();
      if (status.ok()) return Succeed(err);
      return Fail(err, status);
    }
  } catch (const std::bad_alloc&) {
    return Fail(err, MakeStatus(PFB_NO_MEMORY, "out of memory"));
  } catch (const std::exception&) {
    return Fail(err, MakeStatus(PFB_INTERNAL, "internal error (exception)"));
  } catch (...) {
    return Fail(err, MakeStatus(PFB_INTERNAL, "internal error (unknown exception)"));
  }
}

// For functions that return a value instead of a status (getters, destroy):
// runs `body`, returning `fallback` if it throws.
template <typename T, typename Body>
T GuardValue(T fallback, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return fallback;
  }
}

// ---- argument checks ---------------------------------------------------------
// Each returns InvalidArgument naming the parameter and what was wrong.

// A required out-pointer; when not null, zeroes *out (so it is 0/NULL after a
// failure).
template <typename T>
absl::Status ZeroOut(T* out, std::string_view name) {
  if (out == nullptr) return MakeStatus(PFB_INVALID_ARGUMENT, std::string(name) + " is NULL");
  *out = T{};
  return absl::OkStatus();
}
// An optional out-pointer (may be NULL): zeroes it when given.
template <typename T>
void ZeroOptionalOut(T* out) {
  if (out != nullptr) *out = T{};
}

// A required handle.
template <typename Handle>
absl::Status RequireHandle(const Handle* handle, std::string_view name) {
  if (handle == nullptr) return MakeStatus(PFB_INVALID_ARGUMENT, std::string(name) + " is NULL");
  return absl::OkStatus();
}

// The dataset of a handle; InvalidArgument when NULL.
absl::StatusOr<const Dataset*> DatasetOf(const pfb_dataset* dataset);

// A required NUL-terminated UTF-8 string.
absl::StatusOr<std::string_view> InString(const char* s, std::string_view name);
// An optional one: NULL → "".
absl::StatusOr<std::string_view> InOptionalString(const char* s, std::string_view name);
// A (data, len) pair; data may be NULL only when len is 0.
absl::StatusOr<std::string_view> InText(const char* data, std::size_t len, std::string_view name);

// A date as int32 yyyymmdd (20220831).
absl::StatusOr<Date> InDate(std::int32_t yyyymmdd, std::string_view name);
// 0 → no date.
absl::StatusOr<std::optional<Date>> InOptionalDate(std::int32_t yyyymmdd, std::string_view name);
// A Date as yyyymmdd.
std::int32_t DateToInt(Date d);

// Decimal text → Ratio; NULL or "" → nullopt.
absl::StatusOr<std::optional<Ratio>> InOptionalDecimal(const char* s, std::string_view name);

// An enumeration value: `value` must be 0 .. AllCodes(E{}).size()-1. The
// error lists the accepted codes.
absl::Status CheckEnumRange(std::int32_t value, std::size_t count, std::string_view name,
                            std::string_view what, std::string_view codes);
template <typename E>
absl::StatusOr<E> InEnum(std::int32_t value, std::string_view name, std::string_view what) {
  auto codes = AllCodes(E{});
  std::string list;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i > 0) list += ", ";
    list += std::to_string(i) + " " + std::string(codes[i]);
  }
  absl::Status s = CheckEnumRange(value, codes.size(), name, what, list);
  if (!s.ok()) return s;
  return static_cast<E>(value);
}

// Unknown bits in `flags` are an error (they are reserved for later versions).
absl::Status CheckFlags(std::uint32_t flags, std::uint32_t known, std::string_view name);

// An index below `count`; OutOfRange otherwise.
absl::Status CheckIndex(std::uint32_t index, std::size_t count, std::string_view what);

// ---- strings out -------------------------------------------------------------

// A malloc'd NUL-terminated copy (freed by pfb_string_free); NULL when memory
// runs out.
char* CopyString(std::string_view s);
// Sets *out to an owned copy and *out_len (when not null) to its length.
// PFB_NO_MEMORY when memory runs out (then *out is NULL).
absl::Status CopyOut(std::string_view s, char** out, std::size_t* out_len);

}  // namespace perfbudget::capi

// ---- status macros (usable inside Guard bodies and any absl::Status code) -----
#define PFB_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::absl::Status pfb_status_ = (expr);       \
    if (!pfb_status_.ok()) return pfb_status_; \
  } while (0)

#define PFB_CONCAT_INNER_(a, b) a##b
#define PFB_CONCAT_(a, b) PFB_CONCAT_INNER_(a, b)
#define PFB_ASSIGN_OR_RETURN(lhs, expr) \
  PFB_ASSIGN_OR_RETURN_IMPL_(PFB_CONCAT_(pfb_statusor_, __LINE__), lhs, expr)
// NOLINTBEGIN(bugprone-macro-parentheses): `var` and `lhs` name variables
#define PFB_ASSIGN_OR_RETURN_IMPL_(var, lhs, expr) \
  auto var = (expr);                               \
  if (!var.ok()) return var.status();              \
  lhs = std::move(var).value()
// NOLINTEND(bugprone-macro-parentheses)

#endif  // PERFBUDGET_CAPI_SRC_CAPI_INTERNAL_HPP_
