// diagnostic.h: what went wrong in input, and where.
//
// Loaders and the dataset builder report every problem they find (up to a
// limit) as Diagnostics, never just the first. Each says what (message,
// field, the bad value, what was expected) and where (file, line/column or
// JSON path / CSV table and column).
#ifndef PERFBUDGET_IO_DIAGNOSTIC_H_
#define PERFBUDGET_IO_DIAGNOSTIC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace perfbudget {

// Where a record came from. Loaders fill it; builders pass it on.
struct Origin {
  std::string file;  // path as given, "" for in-memory input
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
  std::string path;  // JSON path ("$.projects[3].funds[0].approved") or CSV column
  // A compact stand-in for all of the above, for loaders that read millions
  // of records: an opaque non-zero number (below 2^63) that the loader's
  // resolver (DatasetBuilder::SetOriginResolver) turns into the full place
  // only when a diagnostic reports it. 0 = none; used only when the other
  // fields are empty.
  std::uint64_t locator = 0;
  // Set by a loader on a record's origin when it could not read some field
  // of the record, and reported why: the record holds defaults in those
  // fields, and DatasetBuilder::Build does not report them again (a default
  // date is not also "outside the fiscal year"). Build fails anyway (the
  // loader's problem is in its diagnostics). Meaningless in a Diagnostic.
  bool damaged = false;

  // An origin known only by its locator.
  static Origin Locator(std::uint64_t locator) {
    Origin o;
    o.locator = locator;
    return o;
  }
};

// Stable kinds of input problem (numbering is part of the C ABI).
enum class DiagnosticKind : std::uint8_t {
  kSyntax = 0,             // malformed JSON / CSV
  kType = 1,               // wrong JSON type, not a number, ...
  kMissing = 2,            // required field absent
  kEnumValue = 3,          // unknown enum value
  kSubFen = 4,             // more precision than a fen
  kOverflow = 5,           // amount or sum out of range
  kDate = 6,               // bad date
  kDateOutOfYear = 7,      // date outside the fiscal year
  kDuplicateId = 8,        // id used twice
  kUnknownReference = 9,   // reference to an unknown unit/project/goal/...
  kNegativeAmount = 10,    // negative where not allowed (approved amounts)
  kNegativeExecuted = 11,  // disbursements take a project's executed total below zero
  kFormat = 12,            // wrong format name / unsupported version
  kEncoding = 13,          // invalid UTF-8 / GB18030
  kValue = 14,             // any other invalid value
  kIo = 15,                // file cannot be read / written
};
std::string_view CodeOf(DiagnosticKind kind);  // "syntax", "type", ...

struct Diagnostic {
  DiagnosticKind kind = DiagnosticKind::kValue;
  Origin where;
  std::string field;     // "approved"
  std::string value;     // the bad value as found (truncated to 80 bytes)
  std::string expected;  // "an amount in fen precision, e.g. 1234.56 or 2400万元"
  std::string message;   // one sentence, English

  // "data/projects.csv:12:5: projects.approved: amount "1.234" has more
  //  precision than a fen (expected ...)"
  std::string ToString() const;
};

// A bounded list of diagnostics.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t limit = 100) : limit_(limit) {}
  void Add(Diagnostic d);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  // True once `limit` diagnostics were recorded; later ones are counted only.
  bool full() const { return items_.size() >= limit_; }
  std::size_t dropped() const { return dropped_; }
  // Counts `n` problems found but not kept (e.g. dropped by an earlier list).
  void AddDropped(std::size_t n) { dropped_ += n; }
  const std::vector<Diagnostic>& items() const { return items_; }
  // InvalidArgument summarising the count and the first few, or OK if no
  // problem was found (none kept and none counted).
  absl::Status ToStatus(std::string_view what) const;

 private:
  std::size_t limit_;
  std::size_t dropped_ = 0;
  std::vector<Diagnostic> items_;
};

}  // namespace perfbudget

#endif  // PERFBUDGET_IO_DIAGNOSTIC_H_
