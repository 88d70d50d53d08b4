// json_writer.cc: DatasetToJson, the JSON form of a dataset (docs/format.md).
//
// Deterministic: fields in a fixed order, records in dataset order, amounts as
// yuan strings with two decimals, ratios as exact text (codec::
// EncodeRatio). Whatever is written reads back through LoadDatasetJson to the
// same records, so load → write → load → write is byte-identical.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "codec/ratio.h"
#include "io/json_internal.h"
#include "perfbudget/io/json.h"
#include "perfbudget/io/json_text.h"

namespace perfbudget {
namespace {

// The library's JsonWriter with the dataset's field shorthands.
class JsonOut {
 public:
  explicit JsonOut(bool pretty)
      : w_(pretty ? JsonWriter::Layout::kPretty : JsonWriter::Layout::kCompact) {}

  void BeginObject() { w_.BeginObject(); }
  void EndObject() { w_.EndObject(); }
  void BeginArray() { w_.BeginArray(); }
  void EndArray() { w_.EndArray(); }
  void Key(std::string_view key) { w_.Key(key); }
  void String(std::string_view s) { w_.String(s); }
  void Literal(std::string_view s) { w_.Raw(s); }
  void Bool(bool b) { w_.Bool(b); }
  void Int(long long v) { w_.Int(v); }

  // Key + value shorthands.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void FieldIfNotEmpty(std::string_view key, std::string_view value) {
    if (!value.empty()) Field(key, value);
  }
  void BoolField(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void IntField(std::string_view key, long long value) {
    Key(key);
    Int(value);
  }
  void IntFieldIfNotZero(std::string_view key, long long value) {
    if (value != 0) IntField(key, value);
  }
  void MoneyField(std::string_view key, Money value) { Field(key, value.ToString()); }
  void MoneyFieldIfNotZero(std::string_view key, Money value) {
    if (!value.is_zero()) MoneyField(key, value);
  }
  void RatioField(std::string_view key, const std::optional<Ratio>& value) {
    if (value.has_value()) Field(key, codec::EncodeRatio(*value));
  }
  void DateField(std::string_view key, Date value) { Field(key, value.ToString()); }
  void DateField(std::string_view key, const std::optional<Date>& value) {
    if (value.has_value()) DateField(key, *value);
  }

  std::string Finish() { return w_.Finish(); }

 private:
  JsonWriter w_;
};

// "key": [the rows, each written by write(row, j)].
// `rows`: any range (a span of records, a table or range of row views).
template <typename Rows, typename F>
void WriteTable(std::string_view key, const Rows& rows, JsonOut& j, F write) {
  j.Key(key);
  j.BeginArray();
  for (auto&& row : rows) write(row, j);
  j.EndArray();
}

// The same, or nothing at all when there are no rows (an optional list).
template <typename Rows, typename F>
void WriteTableIfNotEmpty(std::string_view key, const Rows& rows, JsonOut& j, F write) {
  if (!rows.empty()) WriteTable(key, rows, j, write);
}

bool SameRatio(const std::optional<Ratio>& a, const std::optional<Ratio>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a.has_value() || *a == *b;
}

// True when `text` (with the explicit fields the writer also writes) reads
// back to exactly the indicator's comparator, numbers and unit.
bool ReadsBack(const Indicator& ind, const std::optional<std::string>& high_text) {
  json_internal::TargetInput in;
  in.comparator = ind.comparator;
  in.target = ind.target_text;
  in.target_high = high_text;
  if (!ind.unit_of_measure.empty()) in.unit_of_measure = ind.unit_of_measure;
  Indicator probe;
  if (!json_internal::ResolveTarget(in, &probe).ok()) return false;
  return probe.comparator == ind.comparator && SameRatio(probe.target, ind.target) &&
         SameRatio(probe.target_high, ind.target_high) &&
         probe.unit_of_measure == ind.unit_of_measure && probe.target_text == ind.target_text;
}

// comparator, target, target_high, target_text, unit_of_measure: the
// as-written form ("target": "≥50个") when it reads back to the same
// indicator, else the exact form (numbers plus `target_text`).
void WriteTarget(const Indicator& ind, JsonOut& j) {
  j.Field("comparator", CodeOf(ind.comparator));
  if (!ind.target_text.empty()) {
    std::optional<std::string> high;
    if (ReadsBack(ind, high) || (ind.target_high.has_value() &&
                                 ReadsBack(ind, high = codec::EncodeRatio(*ind.target_high)))) {
      j.Field("target", ind.target_text);
      if (high.has_value()) j.Field("target_high", *high);
      j.FieldIfNotEmpty("unit_of_measure", ind.unit_of_measure);
      return;
    }
  } else if (!ind.target.has_value() && !ind.target_high.has_value()) {
    j.FieldIfNotEmpty("unit_of_measure", ind.unit_of_measure);
    return;
  }
  j.RatioField("target", ind.target);
  j.RatioField("target_high", ind.target_high);
  j.Field("target_text", ind.target_text);
  j.FieldIfNotEmpty("unit_of_measure", ind.unit_of_measure);
}

void WriteActual(const IndicatorActual& a, JsonOut& j) {
  j.BeginObject();
  j.DateField("date", a.date);
  j.RatioField("value", a.value);
  if (a.grade.has_value()) j.Field("grade", CodeOf(*a.grade));
  j.FieldIfNotEmpty("text", a.text);
  j.EndObject();
}

void WriteIndicator(const Indicator& ind, JsonOut& j) {
  j.BeginObject();
  j.FieldIfNotEmpty("id", ind.id);
  j.Field("level1", CodeOf(ind.level1));
  j.Field("level2", CodeOf(ind.level2));
  j.Field("name", ind.name);
  WriteTarget(ind, j);
  j.RatioField("weight", ind.weight);
  j.RatioField("baseline", ind.baseline);
  if (ind.value_source != ValueSource::kUnspecified) {
    j.Field("value_source", CodeOf(ind.value_source));
  }
  j.FieldIfNotEmpty("evaluation_standard", ind.evaluation_standard);
  WriteTableIfNotEmpty("actuals", ind.actuals, j, WriteActual);
  j.EndObject();
}

void WriteFundLine(const FundLine& f, JsonOut& j) {
  j.BeginObject();
  j.Field("source", CodeOf(f.source));
  j.MoneyField("approved", f.approved);
  j.IntFieldIfNotZero("origin_year", f.origin_year);
  j.EndObject();
}

void WriteAdjustment(const AdjustmentView a, JsonOut& j) {
  j.BeginObject();
  j.DateField("date", a.date());
  j.Field("source", CodeOf(a.source()));
  j.MoneyField("amount", a.amount());
  j.FieldIfNotEmpty("reason", a.reason());
  j.EndObject();
}

void WritePlannedPayment(const PlannedPayment& pp, JsonOut& j) {
  j.BeginObject();
  j.DateField("date", pp.date);
  j.MoneyField("amount", pp.amount);
  j.EndObject();
}

void WriteProject(const ProjectView p, JsonOut& j) {
  j.BeginObject();
  j.Field("id", p.id());
  j.Field("unit", p.unit_id());
  j.Field("name", p.name());
  j.FieldIfNotEmpty("category", p.category());
  j.Field("kind", CodeOf(p.kind()));
  j.BoolField("key", p.is_key());
  j.Field("status", CodeOf(p.status()));
  j.IntFieldIfNotZero("start_year", p.start_year());
  j.MoneyFieldIfNotZero("requested", p.requested());
  WriteTable("funds", p.funds(), j, WriteFundLine);
  WriteTableIfNotEmpty("adjustments", p.adjustments(), j, WriteAdjustment);
  WriteTableIfNotEmpty("payment_plan", p.payment_plan(), j, WritePlannedPayment);
  j.Key("disclosure");
  j.BeginObject();
  j.BoolField("with_budget", p.disclosure().with_budget);
  j.BoolField("with_approval", p.disclosure().with_approval);
  j.EndObject();
  j.EndObject();
}

void WriteGoal(const Goal& g, JsonOut& j) {
  j.BeginObject();
  j.Field("id", g.id);
  j.Field("owner", CodeOf(g.owner));
  j.FieldIfNotEmpty("project", g.project_id);
  j.FieldIfNotEmpty("unit", g.unit_id);
  j.FieldIfNotEmpty("text", g.text);
  WriteTable("indicators", g.indicators, j, WriteIndicator);
  j.EndObject();
}

void WriteExAnte(const ExAnteAssessment& a, JsonOut& j) {
  static constexpr std::string_view kScoreNames[kExAnteDimensionCount] = {
      "necessity", "economy", "goal_soundness", "feasibility", "funding_compliance"};
  j.BeginObject();
  j.Field("project", a.project_id);
  j.DateField("date", a.date);
  j.MoneyFieldIfNotZero("requested", a.requested);
  bool any_score = false;
  for (const auto& s : a.scores) any_score = any_score || s.has_value();
  if (any_score) {
    j.Key("scores");
    j.BeginObject();
    for (int i = 0; i < kExAnteDimensionCount; ++i) j.RatioField(kScoreNames[i], a.scores[i]);
    j.EndObject();
  }
  j.FieldIfNotEmpty("note", a.note);
  j.EndObject();
}

void WriteEvaluation(const Evaluation& e, JsonOut& j) {
  j.BeginObject();
  j.Field("id", e.id);
  j.Field("kind", CodeOf(e.kind));
  j.FieldIfNotEmpty("project", e.project_id);
  j.FieldIfNotEmpty("unit", e.unit_id);
  j.IntFieldIfNotZero("evaluated_year", e.evaluated_year);
  j.DateField("date", e.date);
  j.MoneyFieldIfNotZero("amount", e.amount);
  j.RatioField("score", e.score);
  if (e.grade.has_value()) j.Field("grade", CodeOf(*e.grade));
  j.FieldIfNotEmpty("evaluator", e.evaluator);
  const auto text = [](const std::string& s, JsonOut& o) { o.String(s); };
  WriteTableIfNotEmpty("problems", e.problems, j, text);
  WriteTableIfNotEmpty("suggestions", e.suggestions, j, text);
  if (e.published_with_final_accounts) j.BoolField("published_with_final_accounts", true);
  j.EndObject();
}

void WriteRectification(const RectificationItem& r, JsonOut& j) {
  j.BeginObject();
  j.Field("id", r.id);
  j.FieldIfNotEmpty("evaluation", r.evaluation_id);
  j.FieldIfNotEmpty("unit", r.unit_id);
  j.FieldIfNotEmpty("project", r.project_id);
  j.FieldIfNotEmpty("description", r.description);
  j.FieldIfNotEmpty("owner", r.owner);
  j.DateField("due", r.due);
  j.Field("status", CodeOf(r.status));
  j.DateField("closed", r.closed);
  j.EndObject();
}

void WriteDisbursement(const DisbursementView& d, JsonOut& j) {
  j.BeginObject();
  j.FieldIfNotEmpty("id", d.id());
  j.Field("project", d.project_id());
  j.DateField("date", d.date());
  j.Field("source", CodeOf(d.source()));
  j.MoneyField("amount", d.amount());
  j.EndObject();
}

// Disbursements in input order (the dataset keeps them by project and date).
void WriteDisbursements(const DisbursementTable& rows, JsonOut& j) {
  j.Key("disbursements");
  j.BeginArray();
  for (std::uint32_t k = 0; k < rows.size(); ++k) WriteDisbursement(rows[rows.RowOfInput(k)], j);
  j.EndArray();
}

}  // namespace

std::string DatasetToJson(const Dataset& dataset, const JsonWriteOptions& options) {
  JsonOut j(options.pretty);
  const DatasetInfo& info = dataset.info();
  j.BeginObject();
  j.Field("format", kDatasetFormatName);
  j.IntField("version", kDatasetFormatVersion);
  j.Key("jurisdiction");
  j.BeginObject();
  j.Field("code", info.jurisdiction_code);
  j.Field("name", info.jurisdiction_name);
  j.EndObject();
  j.Key("fiscal_year");
  j.BeginObject();
  j.IntField("year", info.fiscal_year);
  j.IntField("start_month", info.fiscal_year_start_month);
  j.BoolField("named_by_end", info.fiscal_year_named_by_end);
  j.EndObject();
  j.Field("title", info.title);
  j.DateField("as_of", info.as_of);
  WriteTable("units", dataset.units(), j, [](const UnitView u, JsonOut& o) {
    o.BeginObject();
    o.Field("id", u.id());
    o.Field("name", u.name());
    o.EndObject();
  });
  WriteTable("projects", dataset.projects(), j, WriteProject);
  WriteTable("goals", dataset.goals(), j, WriteGoal);
  WriteDisbursements(dataset.disbursements(), j);
  WriteTable("ex_ante", dataset.ex_ante_assessments(), j, WriteExAnte);
  WriteTable("evaluations", dataset.evaluations(), j, WriteEvaluation);
  WriteTable("rectifications", dataset.rectifications(), j, WriteRectification);
  j.EndObject();
  return j.Finish();
}

}  // namespace perfbudget
