// csv_writer.cc: WriteDatasetCsv, every table of a dataset as CSV
// (docs/format.md), deterministic, written atomically.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/absl_compat.h"
#include "base/out_of_memory.h"
#include "codec/ratio.h"
#include "io/csv_schema.h"
#include "io/csv_table.h"
#include "io/text_encoding.h"
#include "model/target_text.h"
#include "perfbudget/io/csv.h"

namespace perfbudget {
namespace {

namespace fs = std::filesystem;
namespace schema = csv_schema;

using Rows = std::vector<std::vector<std::string>>;

std::string Bool(bool b) { return b ? "true" : "false"; }
std::string Int(int i) { return absl::StrCat(i); }
std::string Amount(Money m) { return m.ToString(); }
std::string OptDate(const std::optional<Date>& d) { return d ? d->ToString() : std::string(); }

// Exact text of a ratio (the ratio codec's, as in JSON): the shortest
// decimal when there is one ("12.5"), else the fraction ("1/3").
std::string Exact(const Ratio& r) { return codec::EncodeRatio(r); }
std::string OptRatio(const std::optional<Ratio>& r) { return r ? Exact(*r) : std::string(); }

template <typename E>
std::string OptEnum(const std::optional<E>& e) {
  return e ? std::string(CodeOf(*e)) : std::string();
}

bool SameRatio(const std::optional<Ratio>& a, const std::optional<Ratio>& b) {
  return a.has_value() == b.has_value() && (!a || *a == *b);
}

struct TargetCells {
  std::string target;
  std::string target_high;
  std::string target_text;
};

// The target as written when reading it back gives the same indicator; else
// the exact form (plain numbers plus target_text).
TargetCells TargetCellsOf(const Indicator& ind) {
  if (!ind.target_text.empty()) {
    Indicator probe;
    const bool ok =
        ResolveIndicatorTarget(ind.target_text, "", ind.comparator, ind.unit_of_measure, &probe)
            .ok();
    const bool high_from_text = SameRatio(probe.target_high, ind.target_high);
    const bool high_explicit = !probe.target_high && ind.target_high;
    if (ok && SameRatio(probe.target, ind.target) && (high_from_text || high_explicit) &&
        probe.unit_of_measure == ind.unit_of_measure) {
      return {ind.target_text, high_from_text ? std::string() : OptRatio(ind.target_high), ""};
    }
    return {OptRatio(ind.target), OptRatio(ind.target_high), ind.target_text};
  }
  // No text: the numbers alone (read back, they become the text).
  return {OptRatio(ind.target), OptRatio(ind.target_high), ""};
}

std::string Header(const schema::Table& t) {
  std::vector<std::string> names;
  for (const schema::Column& c : t.columns) names.emplace_back(c.name);
  std::string out;
  AppendCsvRecord(names, &out);
  return out;
}

// The text (UTF-8) of every table, in schema order.
std::vector<std::string> TableTexts(const Dataset& ds) {
  std::vector<Rows> rows(schema::kTableCount);
  const DatasetInfo& info = ds.info();
  rows[schema::kDataset].push_back(
      {std::string(kDatasetFormatName), Int(kDatasetFormatVersion), info.jurisdiction_code,
       info.jurisdiction_name, Int(info.fiscal_year), Int(info.fiscal_year_start_month),
       Bool(info.fiscal_year_named_by_end), info.title, OptDate(info.as_of)});
  for (const UnitView u : ds.units())
    rows[schema::kUnits].push_back({std::string(u.id()), std::string(u.name())});
  for (const ProjectView p : ds.projects()) {
    rows[schema::kProjects].push_back(
        {std::string(p.id()), std::string(p.unit_id()), std::string(p.name()),
         std::string(p.category()), std::string(CodeOf(p.kind())), Bool(p.is_key()),
         std::string(CodeOf(p.status())), Int(p.start_year()), Amount(p.requested()),
         Bool(p.disclosure().with_budget), Bool(p.disclosure().with_approval)});
    for (const FundLine& f : p.funds()) {
      rows[schema::kFunds].push_back({std::string(p.id()), std::string(CodeOf(f.source)),
                                      Amount(f.approved), Int(f.origin_year)});
    }
    for (const AdjustmentView a : p.adjustments()) {
      rows[schema::kAdjustments].push_back({std::string(p.id()), a.date().ToString(),
                                            std::string(CodeOf(a.source())), Amount(a.amount()),
                                            std::string(a.reason())});
    }
    for (const PlannedPayment& pp : p.payment_plan()) {
      rows[schema::kPaymentPlan].push_back(
          {std::string(p.id()), pp.date.ToString(), Amount(pp.amount)});
    }
  }
  for (const Goal& g : ds.goals()) {
    rows[schema::kGoals].push_back(
        {g.id, std::string(CodeOf(g.owner)), g.project_id, g.unit_id, g.text});
    for (const Indicator& ind : g.indicators) {
      const TargetCells target = TargetCellsOf(ind);
      rows[schema::kIndicators].push_back(
          {g.id, ind.id, std::string(CodeOf(ind.level1)), std::string(CodeOf(ind.level2)), ind.name,
           std::string(CodeOf(ind.comparator)), target.target, target.target_high,
           target.target_text, ind.unit_of_measure, OptRatio(ind.weight), OptRatio(ind.baseline),
           ind.value_source == ValueSource::kUnspecified ? std::string()
                                                         : std::string(CodeOf(ind.value_source)),
           ind.evaluation_standard});
      for (const IndicatorActual& a : ind.actuals) {
        rows[schema::kActuals].push_back(
            {g.id, ind.id, a.date.ToString(), OptRatio(a.value), OptEnum(a.grade), a.text});
      }
    }
  }
  const DisbursementTable& disbursements = ds.disbursements();
  for (std::uint32_t k = 0; k < disbursements.size(); ++k) {  // in input order
    const DisbursementView d = disbursements[disbursements.RowOfInput(k)];
    rows[schema::kDisbursements].push_back({std::string(d.id()), std::string(d.project_id()),
                                            d.date().ToString(), std::string(CodeOf(d.source())),
                                            Amount(d.amount())});
  }
  for (const ExAnteAssessment& a : ds.ex_ante_assessments()) {
    std::vector<std::string> r = {a.project_id, OptDate(a.date), Amount(a.requested)};
    for (const std::optional<Ratio>& s : a.scores) r.push_back(OptRatio(s));
    r.push_back(a.note);
    rows[schema::kExAnte].push_back(std::move(r));
  }
  for (const Evaluation& e : ds.evaluations()) {
    rows[schema::kEvaluations].push_back(
        {e.id, std::string(CodeOf(e.kind)), e.project_id, e.unit_id, Int(e.evaluated_year),
         OptDate(e.date), Amount(e.amount), OptRatio(e.score), OptEnum(e.grade), e.evaluator,
         absl::StrJoin(e.problems, "\n"), absl::StrJoin(e.suggestions, "\n"),
         Bool(e.published_with_final_accounts)});
  }
  for (const RectificationItem& r : ds.rectifications()) {
    rows[schema::kRectifications].push_back({r.id, r.evaluation_id, r.unit_id, r.project_id,
                                             r.description, r.owner, OptDate(r.due),
                                             std::string(CodeOf(r.status)), OptDate(r.closed)});
  }

  std::vector<std::string> texts;
  for (int t = 0; t < schema::kTableCount; ++t) {
    std::string text = Header(schema::kTables[static_cast<std::size_t>(t)]);
    for (const std::vector<std::string>& r : rows[static_cast<std::size_t>(t)]) {
      AppendCsvRecord(r, &text);
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

absl::Status ErrnoStatus(int err, std::string_view what, const std::string& path) {
  std::string msg = absl::StrCat("cannot ", AV(what), " ", path, ": ", std::strerror(err));
  if (err == EACCES || err == EPERM || err == EROFS) return absl::PermissionDeniedError(msg);
  return absl::InternalError(msg);
}

absl::Status ErrorCodeStatus(const std::error_code& ec, std::string_view what,
                             const std::string& path) {
  return ErrnoStatus(ec.value(), what, path);
}

absl::Status WriteWholeFile(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(errno, "create", path);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return ErrnoStatus(err, "write", path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    return ErrnoStatus(err, "sync", path);
  }
  if (::close(fd) != 0) return ErrnoStatus(errno, "close", path);
  return absl::OkStatus();
}

// True when every entry of folder `dir` is one of the tables.
bool HoldsOnlyTables(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    bool known = false;
    for (const schema::Table& t : schema::kTables) known = known || name == t.file;
    if (!known || !it->is_regular_file(ec)) return false;
  }
  return !ec;
}

// Moves the complete folder `temp` to `target`.
absl::Status MoveIntoPlace(const fs::path& temp, const fs::path& target) {
  std::error_code ec;
  const fs::file_status st = fs::status(target, ec);
  if (!fs::exists(st)) {
    if (::rename(temp.c_str(), target.c_str()) != 0) {
      return ErrnoStatus(errno, "move the tables to", target.string());
    }
    return absl::OkStatus();
  }
  if (!fs::is_directory(st)) {
    return absl::InternalError(
        absl::StrCat("cannot write the tables: ", target.string(), " exists and is not a folder"));
  }
  if (fs::is_empty(target, ec) || HoldsOnlyTables(target)) {
    // Swap whole folders: target → backup, temp → target, drop the backup.
    std::string backup_template =
        (target.parent_path() / absl::StrCat(".", target.filename().string(), ".old-XXXXXX"))
            .string();
    if (::mkdtemp(backup_template.data()) == nullptr) {
      return ErrnoStatus(errno, "create a backup folder beside", target.string());
    }
    const fs::path backup = backup_template;
    ::rmdir(backup.c_str());
    if (::rename(target.c_str(), backup.c_str()) != 0) {
      return ErrnoStatus(errno, "move aside", target.string());
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
      const int err = errno;
      ::rename(backup.c_str(), target.c_str());  // put the old tables back
      return ErrnoStatus(err, "move the tables to", target.string());
    }
    fs::remove_all(backup, ec);
    return absl::OkStatus();
  }
  // The folder holds other files too: keep them, replace each table file.
  for (const schema::Table& t : schema::kTables) {
    const fs::path from = temp / t.file;
    const fs::path to = target / t.file;
    if (::rename(from.c_str(), to.c_str()) != 0) {
      return ErrnoStatus(errno, "replace", to.string());
    }
  }
  fs::remove_all(temp, ec);
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteDatasetCsv(const Dataset& dataset, const std::string& dir,
                             const CsvWriteOptions& options) try {
  if (dir.empty()) return absl::InvalidArgumentError("no output folder given");
  std::error_code abs_ec;
  fs::path target = fs::absolute(fs::path(dir), abs_ec);  // "." and ".." get a real name
  if (abs_ec) return ErrorCodeStatus(abs_ec, "resolve", dir);
  target = target.lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/" → "out"
  if (target == target.root_path()) {
    return absl::InvalidArgumentError("cannot write the tables over the root folder");
  }
  const fs::path parent = target.parent_path();

  // Encode everything first: nothing touches the disk unless all tables are ready.
  std::vector<std::string> texts = TableTexts(dataset);
  for (std::string& text : texts) {
    if (options.encoding == TextEncoding::kGb18030) {
      absl::StatusOr<std::string> encoded = EncodeGb18030(text);
      if (!encoded.ok()) return encoded.status();
      text = *std::move(encoded);
    } else if (options.bom) {
      text.insert(0, kUtf8Bom);
    }
  }

  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return ErrorCodeStatus(ec, "create folder", parent.string());
  std::string temp_template =
      (parent / absl::StrCat(".", target.filename().string(), ".tmp-XXXXXX")).string();
  if (::mkdtemp(temp_template.data()) == nullptr) {
    return ErrnoStatus(errno, "create a temporary folder in", parent.string());
  }
  const fs::path temp = temp_template;
  ::chmod(temp.c_str(), 0755);
  absl::Status status;
  for (std::size_t t = 0; t < texts.size() && status.ok(); ++t) {
    status = WriteWholeFile((temp / schema::kTables[t].file).string(), texts[t]);
  }
  if (status.ok()) status = MoveIntoPlace(temp, target);
  if (!status.ok()) fs::remove_all(temp, ec);
  return status;
} catch (const std::bad_alloc&) {
  return OutOfMemory("writing CSV tables");
}

}  // namespace perfbudget
