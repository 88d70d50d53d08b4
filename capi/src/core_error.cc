// core_error.cc: C ABI version queries, status names, error objects, strings.
#include <cstdlib>

#include "capi_internal.hpp"
#include "perfbudget/version.h"

namespace capi = perfbudget::capi;

static_assert(PFB_VERSION_MAJOR == perfbudget::kVersionMajor, "pfb_core.h version != version.h");
static_assert(PFB_VERSION_MINOR == perfbudget::kVersionMinor, "pfb_core.h version != version.h");
static_assert(PFB_VERSION_PATCH == perfbudget::kVersionPatch, "pfb_core.h version != version.h");
static_assert(static_cast<int>(perfbudget::DiagnosticKind::kIo) == PFB_DIAG_IO,
              "PFB_DIAG_* must match DiagnosticKind");

namespace {

// The diagnostic `i` of `err`, or null.
const perfbudget::Diagnostic* DiagnosticAt(const pfb_error* err, uint32_t i) {
  if (err == nullptr || i >= err->diagnostics.size()) return nullptr;
  return &err->diagnostics[i];
}

}  // namespace

extern "C" {

PFB_API uint32_t pfb_version_number(void) { return PFB_VERSION_NUMBER; }

PFB_API const char* pfb_version_string(void) { return PFB_VERSION_STRING; }

PFB_API uint32_t pfb_abi_version(void) { return PFB_ABI_VERSION; }

PFB_API const char* pfb_status_name(int32_t status) {
  switch (status) {
    case PFB_OK:
      return "OK";
    case PFB_INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case PFB_NOT_FOUND:
      return "NOT_FOUND";
    case PFB_OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case PFB_FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case PFB_IO:
      return "IO";
    case PFB_INTERNAL:
      return "INTERNAL";
    case PFB_NO_MEMORY:
      return "NO_MEMORY";
    case PFB_UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case PFB_ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    default:
      return "UNKNOWN";
  }
}

PFB_API void pfb_error_destroy(pfb_error* err) { delete err; }

PFB_API int32_t pfb_error_code(const pfb_error* err) { return err == nullptr ? PFB_OK : err->code; }

PFB_API const char* pfb_error_message(const pfb_error* err) {
  return err == nullptr ? "" : err->message.c_str();
}

PFB_API uint32_t pfb_error_diagnostic_count(const pfb_error* err) {
  return err == nullptr ? 0 : static_cast<uint32_t>(err->diagnostics.size());
}

PFB_API uint32_t pfb_error_diagnostics_dropped(const pfb_error* err) {
  return err == nullptr ? 0 : err->dropped;
}

PFB_API int32_t pfb_error_diagnostic_kind(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? -1 : static_cast<int32_t>(d->kind);
}

PFB_API const char* pfb_error_diagnostic_file(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? "" : d->where.file.c_str();
}

PFB_API int32_t pfb_error_diagnostic_line(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? 0 : d->where.line;
}

PFB_API int32_t pfb_error_diagnostic_column(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? 0 : d->where.column;
}

PFB_API const char* pfb_error_diagnostic_path(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? "" : d->where.path.c_str();
}

PFB_API const char* pfb_error_diagnostic_field(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? "" : d->field.c_str();
}

PFB_API const char* pfb_error_diagnostic_value(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? "" : d->value.c_str();
}

PFB_API const char* pfb_error_diagnostic_expected(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? "" : d->expected.c_str();
}

PFB_API const char* pfb_error_diagnostic_message(const pfb_error* err, uint32_t i) {
  const auto* d = DiagnosticAt(err, i);
  return d == nullptr ? "" : d->message.c_str();
}

PFB_API const char* pfb_diagnostic_kind_name(int32_t kind) {
  if (kind < 0 || kind > PFB_DIAG_IO) return "";
  // CodeOf returns views of static NUL-terminated literals.
  return capi::GuardValue<const char*>(
      "", [&] { return perfbudget::CodeOf(static_cast<perfbudget::DiagnosticKind>(kind)).data(); });
}

PFB_API void pfb_string_free(char* s) { std::free(s); }

}  // extern "C"
