// monitor.cc: the C ABI of dual monitoring and reclaim (pfb_monitor.h).
#include "perfbudget/monitoring/monitor.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi_internal.hpp"
#include "perfbudget/monitoring/execution_curve.h"
#include "perfbudget/monitoring/reclaim.h"
#include "perfbudget/monitoring/svg_chart.h"
#include "perfbudget/pfb_monitor.h"
#include "perfbudget/pfb_render.h"
#include "perfbudget/policy/rule_catalog.h"
#include "perfbudget/render/curve.h"
#include "perfbudget/render/monitor.h"
#include "perfbudget/render/reclaim.h"
#include "perfbudget/report/summary.h"
#include "render_internal.hpp"

namespace capi = perfbudget::capi;
using perfbudget::MonitorReport;
using perfbudget::MonitorRow;
using perfbudget::MonitorRowKind;

namespace {

// Display strings of one row, made once so they can be borrowed.
struct RowText {
  std::string id, name, rate, gap;
  std::string unit_id;  // the project's unit (project rows), the unit (unit rows), else ""
};

}  // namespace

struct pfb_monitor {
  MonitorReport report;
  // For pfb_monitor_render: where the date came from, and the policy the
  // execution curve of the JSON form is built with (on demand).
  perfbudget::AsOfSource as_of_source = perfbudget::AsOfSource::kGiven;
  perfbudget::Policy policy;
  std::string progress;
  std::array<std::vector<RowText>, 4> rows;          // by MonitorRowKind
  std::vector<std::array<std::string, 2>> messages;  // per reason: zh, en
};

struct pfb_reclaim {
  perfbudget::ReclaimReport report;
  perfbudget::AsOfSource as_of_source = perfbudget::AsOfSource::kGiven;  // pfb_reclaim_render
  std::vector<std::string> project_ids;
  std::vector<std::string> unit_ids;
};

namespace {

absl::StatusOr<perfbudget::Policy> PolicyOf(const char* json, std::size_t len,
                                            perfbudget::Diagnostics& diags) {
  if (json == nullptr || len == 0) return perfbudget::DefaultPolicy();
  auto text = capi::InText(json, len, "policy_json");
  if (!text.ok()) return text.status();
  return perfbudget::LoadPolicyJson(*text, &diags, "policy_json");
}

// What every as-of run (monitor, reclaim, curve) reads first, in this order.
struct RunInputs {
  const perfbudget::Dataset* dataset = nullptr;
  perfbudget::Date as_of;
  perfbudget::AsOfSource as_of_source = perfbudget::AsOfSource::kGiven;  // kGiven or kDataset
  perfbudget::Policy policy;
};

// The dataset and the as-of date (0: the dataset's own) of a run.
absl::Status ReadDatasetAndDate(const pfb_dataset* dataset, std::int32_t as_of, RunInputs& in) {
  PFB_ASSIGN_OR_RETURN(in.dataset, capi::DatasetOf(dataset));
  PFB_ASSIGN_OR_RETURN(std::optional<perfbudget::Date> date, capi::InOptionalDate(as_of, "as_of"));
  date = perfbudget::GivenOrDatasetAsOf(*in.dataset, date,
                                        &in.as_of_source);  // 0: the dataset's own
  if (!date.has_value()) {
    return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                            "as_of is 0 (the dataset's own as-of date) but the dataset states "
                            "none (pfb_dataset_as_of is 0); expected a date yyyymmdd");
  }
  in.as_of = *date;
  return absl::OkStatus();
}

// The text-taking forms: the policy is JSON text, parsed for this run.
absl::StatusOr<RunInputs> InputsOf(const pfb_dataset* dataset, const char* policy_json,
                                   std::size_t policy_len, std::int32_t as_of,
                                   perfbudget::Diagnostics& diags) {
  RunInputs in;
  PFB_RETURN_IF_ERROR(ReadDatasetAndDate(dataset, as_of, in));
  PFB_ASSIGN_OR_RETURN(in.policy, PolicyOf(policy_json, policy_len, diags));
  return in;
}

// The handle-taking forms: a loaded policy (NULL: the default) and versioned
// options (NULL: the defaults).
absl::StatusOr<RunInputs> InputsOf(const pfb_dataset* dataset, const pfb_policy* policy,
                                   const pfb_run_options* options) {
  if (options != nullptr && (options->version == 0 || options->version > PFB_RUN_OPTIONS_VERSION)) {
    return capi::MakeStatus(
        PFB_INVALID_ARGUMENT,
        capi::Cat("options->version is ", options->version, "; this library knows versions 1 to ",
                  PFB_RUN_OPTIONS_VERSION, " (use PFB_RUN_OPTIONS_INIT)"));
  }
  RunInputs in;
  PFB_RETURN_IF_ERROR(
      ReadDatasetAndDate(dataset, options == nullptr ? PFB_AS_OF_DATASET : options->as_of, in));
  in.policy = policy == nullptr ? perfbudget::DefaultPolicy() : policy->policy;
  return in;
}

// The analyses behind each pair of run functions (text policy / handle).
absl::Status RunMonitor(const RunInputs& in, pfb_monitor** out);
absl::Status RunReclaim(const RunInputs& in, pfb_reclaim** out);
absl::Status RunCurve(const RunInputs& in, pfb_curve** out);

// PFB_LANG_ZH or PFB_LANG_EN, else INVALID_ARGUMENT.
absl::Status CheckLang(std::int32_t lang) {
  if (lang == PFB_LANG_ZH || lang == PFB_LANG_EN) return absl::OkStatus();
  return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                          capi::Cat("lang ", lang, " is not 0 (zh) or 1 (en)"));
}

const std::vector<MonitorRow>* RowsOf(const MonitorReport& r, std::int32_t kind) {
  switch (kind) {
    case PFB_ROW_PROJECT:
      return &r.projects;
    case PFB_ROW_UNIT:
      return &r.units;
    case PFB_ROW_FUND_SOURCE:
      return &r.funds;
    default:
      return nullptr;
  }
}

const MonitorRow* RowAt(const MonitorReport& r, std::int32_t kind, std::uint32_t i) {
  if (kind == PFB_ROW_JURISDICTION) return i == 0 ? &r.total : nullptr;
  const auto* v = RowsOf(r, kind);
  if (v == nullptr || i >= v->size()) return nullptr;
  return &(*v)[i];
}

template <typename T>
void Set(T* out, T value) {
  if (out != nullptr) *out = value;
}

}  // namespace

extern "C" PFB_API int32_t pfb_monitor_run(const pfb_dataset* dataset, const char* policy_json,
                                           size_t policy_len, int32_t as_of, pfb_monitor** out,
                                           pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(RunInputs in, InputsOf(dataset, policy_json, policy_len, as_of, diags));
    return RunMonitor(in, out);
  });
}

extern "C" PFB_API int32_t pfb_monitor_run_with_policy(const pfb_dataset* dataset,
                                                       const pfb_policy* policy,
                                                       const pfb_run_options* options,
                                                       pfb_monitor** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics&) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(RunInputs in, InputsOf(dataset, policy, options));
    return RunMonitor(in, out);
  });
}

namespace {

absl::Status RunMonitor(const RunInputs& in, pfb_monitor** out) {
  perfbudget::MonitorOptions options;
  options.as_of = in.as_of;
  PFB_ASSIGN_OR_RETURN(MonitorReport report, perfbudget::Monitor(*in.dataset, in.policy, options));
  auto m = std::make_unique<pfb_monitor>();
  m->report = std::move(report);
  m->as_of_source = in.as_of_source;
  m->policy = in.policy;
  const MonitorReport& r = m->report;
  m->progress = r.time_progress.ToPercentString(r.decimals);
  for (std::int32_t kind = 0; kind < 4; ++kind) {
    const std::uint32_t n =
        kind == PFB_ROW_JURISDICTION ? 1u : static_cast<std::uint32_t>(RowsOf(r, kind)->size());
    for (std::uint32_t i = 0; i < n; ++i) {
      const MonitorRow& row = *RowAt(r, kind, i);
      std::string unit_id;
      if (kind == PFB_ROW_PROJECT) unit_id = in.dataset->projects()[row.index].unit_id();
      if (kind == PFB_ROW_UNIT) unit_id = in.dataset->units()[row.index].id();
      m->rows[kind].push_back({perfbudget::RowId(r, row), perfbudget::RowName(r, row),
                               row.ExecutionRate().ToPercentString(r.decimals),
                               row.zero_budget()
                                   ? std::string()
                                   : row.GapPp(r.time_progress).ToDecimalString(r.decimals),
                               std::move(unit_id)});
    }
  }
  for (const perfbudget::MonitorReason& reason : r.reasons) {
    m->messages.push_back(
        {perfbudget::ExplainReason(r, reason, "zh"), perfbudget::ExplainReason(r, reason, "en")});
  }
  *out = m.release();
  return absl::OkStatus();
}

}  // namespace

extern "C" PFB_API void pfb_monitor_destroy(pfb_monitor* monitor) { delete monitor; }

extern "C" PFB_API const char* pfb_monitor_time_progress(const pfb_monitor* monitor) {
  return monitor == nullptr ? "" : monitor->progress.c_str();
}

extern "C" PFB_API uint32_t pfb_monitor_row_count(const pfb_monitor* monitor, int32_t kind) {
  if (monitor == nullptr || kind < 0 || kind > 3) return 0;
  return static_cast<uint32_t>(monitor->rows[kind].size());
}

extern "C" PFB_API int32_t pfb_monitor_row_detail(const pfb_monitor* monitor, int32_t kind,
                                                  uint32_t index, pfb_monitor_row_info* info,
                                                  pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    if (info == nullptr) return capi::MakeStatus(PFB_INVALID_ARGUMENT, "info is NULL");
    const std::uint32_t version = info->version;
    if (version == 0 || version > PFB_MONITOR_ROW_INFO_VERSION) {
      return capi::MakeStatus(
          PFB_INVALID_ARGUMENT,
          capi::Cat("info->version is ", version, "; this library knows versions 1 to ",
                    PFB_MONITOR_ROW_INFO_VERSION, " (use PFB_MONITOR_ROW_INFO_INIT)"));
    }
    *info = pfb_monitor_row_info{};
    info->version = version;
    PFB_RETURN_IF_ERROR(capi::RequireHandle(monitor, "monitor"));
    if (kind < 0 || kind > 3) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("kind ", kind, " is not a PFB_ROW_* value (0..3)"));
    }
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, monitor->rows[kind].size(), "row"));
    const MonitorRow& row = *RowAt(monitor->report, kind, index);
    const RowText& t = monitor->rows[kind][index];
    info->id = t.id.c_str();
    info->name = t.name.c_str();
    info->unit_id = t.unit_id.c_str();
    info->project_count = row.project_count;
    info->approved_fen = row.approved.fen();
    info->adjustments_fen = row.adjustments.fen();
    info->current_fen = row.current.fen();
    info->executed_fen = row.executed.fen();
    info->disbursement_count = row.disbursement_count;
    info->rate_percent = t.rate.c_str();
    info->gap_pp = t.gap.c_str();
    info->level = static_cast<int32_t>(row.level);
    info->first_reason = row.first_reason;
    info->reason_count = row.reason_count;
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_monitor_row(const pfb_monitor* monitor, int32_t kind, uint32_t index,
                                           const char** id, const char** name, int64_t* current_fen,
                                           int64_t* executed_fen, const char** rate_percent,
                                           const char** gap_pp, int32_t* level,
                                           uint32_t* first_reason, uint32_t* reason_count,
                                           pfb_error** err) {
  capi::ZeroOptionalOut(id);
  capi::ZeroOptionalOut(name);
  capi::ZeroOptionalOut(current_fen);
  capi::ZeroOptionalOut(executed_fen);
  capi::ZeroOptionalOut(rate_percent);
  capi::ZeroOptionalOut(gap_pp);
  capi::ZeroOptionalOut(level);
  capi::ZeroOptionalOut(first_reason);
  capi::ZeroOptionalOut(reason_count);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(monitor, "monitor"));
    if (kind < 0 || kind > 3) {
      return capi::MakeStatus(PFB_INVALID_ARGUMENT,
                              capi::Cat("kind ", kind, " is not a PFB_ROW_* value (0..3)"));
    }
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, monitor->rows[kind].size(), "row"));
    const MonitorRow& row = *RowAt(monitor->report, kind, index);
    const RowText& t = monitor->rows[kind][index];
    Set(id, t.id.c_str());
    Set(name, t.name.c_str());
    Set(current_fen, static_cast<int64_t>(row.current.fen()));
    Set(executed_fen, static_cast<int64_t>(row.executed.fen()));
    Set(rate_percent, t.rate.c_str());
    Set(gap_pp, t.gap.c_str());
    Set(level, static_cast<int32_t>(row.level));
    Set(first_reason, row.first_reason);
    Set(reason_count, row.reason_count);
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_monitor_reason_count(const pfb_monitor* monitor) {
  return monitor == nullptr ? 0 : static_cast<uint32_t>(monitor->report.reasons.size());
}

extern "C" PFB_API int32_t pfb_monitor_reason(const pfb_monitor* monitor, uint32_t index,
                                              int32_t lang, const char** code, int32_t* severity,
                                              int32_t* row_kind, uint32_t* row_index,
                                              const char** message, pfb_error** err) {
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(severity);
  capi::ZeroOptionalOut(row_kind);
  capi::ZeroOptionalOut(row_index);
  capi::ZeroOptionalOut(message);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(monitor, "monitor"));
    PFB_RETURN_IF_ERROR(CheckLang(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, monitor->report.reasons.size(), "reason"));
    const perfbudget::MonitorReason& r = monitor->report.reasons[index];
    Set(code, r.code.data());  // catalog codes are NUL-terminated literals
    Set(severity, static_cast<int32_t>(r.severity));
    Set(row_kind, static_cast<int32_t>(r.row_kind));
    Set(row_index, r.row);
    Set(message, monitor->messages[index][lang].c_str());
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_reclaim_run(const pfb_dataset* dataset, const char* policy_json,
                                           size_t policy_len, int32_t as_of, pfb_reclaim** out,
                                           pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(RunInputs in, InputsOf(dataset, policy_json, policy_len, as_of, diags));
    return RunReclaim(in, out);
  });
}

extern "C" PFB_API int32_t pfb_reclaim_run_with_policy(const pfb_dataset* dataset,
                                                       const pfb_policy* policy,
                                                       const pfb_run_options* options,
                                                       pfb_reclaim** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics&) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(RunInputs in, InputsOf(dataset, policy, options));
    return RunReclaim(in, out);
  });
}

namespace {

absl::Status RunReclaim(const RunInputs& in, pfb_reclaim** out) {
  perfbudget::ReclaimOptions options;
  options.as_of = in.as_of;
  PFB_ASSIGN_OR_RETURN(perfbudget::ReclaimReport report,
                       perfbudget::Reclaim(*in.dataset, in.policy, options));
  auto r = std::make_unique<pfb_reclaim>();
  r->report = std::move(report);
  r->as_of_source = in.as_of_source;
  for (const perfbudget::ReclaimProposal& p : r->report.proposals) {
    r->project_ids.emplace_back(in.dataset->projects()[p.project_index].id());
  }
  for (const perfbudget::ReclaimTotal& t : r->report.units) {
    r->unit_ids.emplace_back(in.dataset->units()[t.unit_index].id());
  }
  *out = r.release();
  return absl::OkStatus();
}

}  // namespace

extern "C" PFB_API void pfb_reclaim_destroy(pfb_reclaim* reclaim) { delete reclaim; }

extern "C" PFB_API int64_t pfb_reclaim_total_fen(const pfb_reclaim* reclaim) {
  return reclaim == nullptr ? 0 : reclaim->report.total.amount.fen();
}

extern "C" PFB_API uint32_t pfb_reclaim_proposal_count(const pfb_reclaim* reclaim) {
  return reclaim == nullptr ? 0 : static_cast<uint32_t>(reclaim->report.proposals.size());
}

extern "C" PFB_API int32_t pfb_reclaim_proposal(const pfb_reclaim* reclaim, uint32_t index,
                                                int32_t lang, const char** project_id,
                                                const char** code, int64_t* amount_fen,
                                                int32_t* has_amount, const char** message,
                                                uint32_t* split_count, pfb_error** err) {
  capi::ZeroOptionalOut(project_id);
  capi::ZeroOptionalOut(code);
  capi::ZeroOptionalOut(amount_fen);
  capi::ZeroOptionalOut(has_amount);
  capi::ZeroOptionalOut(message);
  capi::ZeroOptionalOut(split_count);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(reclaim, "reclaim"));
    PFB_RETURN_IF_ERROR(CheckLang(lang));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, reclaim->report.proposals.size(), "proposal"));
    const perfbudget::ReclaimProposal& p = reclaim->report.proposals[index];
    Set(project_id, reclaim->project_ids[index].c_str());
    Set(code, p.code.data());
    Set(amount_fen, static_cast<int64_t>(p.amount.fen()));
    Set(has_amount, static_cast<int32_t>(p.has_amount ? 1 : 0));
    Set(message, (lang == PFB_LANG_EN ? p.message_en : p.message_zh).c_str());
    Set(split_count, static_cast<uint32_t>(p.split.size()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_reclaim_split(const pfb_reclaim* reclaim, uint32_t index,
                                             uint32_t split, int32_t* source, int64_t* amount_fen,
                                             pfb_error** err) {
  capi::ZeroOptionalOut(source);
  capi::ZeroOptionalOut(amount_fen);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(reclaim, "reclaim"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, reclaim->report.proposals.size(), "proposal"));
    const perfbudget::ReclaimProposal& p = reclaim->report.proposals[index];
    PFB_RETURN_IF_ERROR(capi::CheckIndex(split, p.split.size(), "split"));
    Set(source, static_cast<int32_t>(p.split[split].source));
    Set(amount_fen, static_cast<int64_t>(p.split[split].amount.fen()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API uint32_t pfb_reclaim_unit_count(const pfb_reclaim* reclaim) {
  return reclaim == nullptr ? 0 : static_cast<uint32_t>(reclaim->report.units.size());
}

extern "C" PFB_API int32_t pfb_reclaim_unit(const pfb_reclaim* reclaim, uint32_t index,
                                            const char** unit_id, int64_t* amount_fen,
                                            pfb_error** err) {
  capi::ZeroOptionalOut(unit_id);
  capi::ZeroOptionalOut(amount_fen);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(reclaim, "reclaim"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(index, reclaim->report.units.size(), "unit"));
    Set(unit_id, reclaim->unit_ids[index].c_str());
    Set(amount_fen, static_cast<int64_t>(reclaim->report.units[index].amount.fen()));
    return absl::OkStatus();
  });
}

// ---- Execution curve ---------------------------------------------------------

namespace {}  // namespace

// Display strings, made once so they can be borrowed.
struct pfb_curve {
  perfbudget::ExecutionCurve curve;
  int decimals = 2;  // the policy's, for pfb_curve_render
  perfbudget::AsOfSource as_of_source = perfbudget::AsOfSource::kGiven;
  std::vector<std::vector<std::string>> rate;  // per series, per point
  std::vector<std::string> progress;           // per point: the same in every series
};

namespace {

const perfbudget::CurveSeries* SeriesAt(const perfbudget::ExecutionCurve& c, std::uint32_t s) {
  if (s == 0) return &c.total;
  return s - 1 < c.units.size() ? &c.units[s - 1] : nullptr;
}

}  // namespace

extern "C" PFB_API int32_t pfb_curve_run(const pfb_dataset* dataset, const char* policy_json,
                                         size_t policy_len, int32_t as_of, pfb_curve** out,
                                         pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics& diags) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(RunInputs in, InputsOf(dataset, policy_json, policy_len, as_of, diags));
    return RunCurve(in, out);
  });
}

extern "C" PFB_API int32_t pfb_curve_run_with_policy(const pfb_dataset* dataset,
                                                     const pfb_policy* policy,
                                                     const pfb_run_options* options,
                                                     pfb_curve** out, pfb_error** err) {
  return capi::Guard(err, [&](perfbudget::Diagnostics&) -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroOut(out, "out"));
    PFB_ASSIGN_OR_RETURN(RunInputs in, InputsOf(dataset, policy, options));
    return RunCurve(in, out);
  });
}

namespace {

absl::Status RunCurve(const RunInputs& in, pfb_curve** out) {
  PFB_ASSIGN_OR_RETURN(perfbudget::ExecutionCurve curve,
                       perfbudget::BuildExecutionCurve(*in.dataset, in.policy, in.as_of));
  auto c = std::make_unique<pfb_curve>();
  c->curve = std::move(curve);
  const int decimals = in.policy.decimals();
  c->decimals = decimals;
  c->as_of_source = in.as_of_source;
  const std::uint32_t n = 1 + static_cast<std::uint32_t>(c->curve.units.size());
  c->rate.resize(n);
  for (std::uint32_t s = 0; s < n; ++s) {
    for (const perfbudget::CurvePoint& p : SeriesAt(c->curve, s)->points) {
      c->rate[s].push_back(p.execution_rate.ToPercentString(decimals));
    }
  }
  for (const perfbudget::CurvePoint& p : c->curve.total.points) {
    c->progress.push_back(p.time_progress.ToPercentString(decimals));
  }
  *out = c.release();
  return absl::OkStatus();
}

}  // namespace

extern "C" PFB_API void pfb_curve_destroy(pfb_curve* curve) { delete curve; }

extern "C" PFB_API uint32_t pfb_curve_series_count(const pfb_curve* curve) {
  return curve == nullptr ? 0 : static_cast<uint32_t>(curve->rate.size());
}

extern "C" PFB_API int32_t pfb_curve_series(const pfb_curve* curve, uint32_t series,
                                            const char** id, const char** name,
                                            uint32_t* point_count, pfb_error** err) {
  capi::ZeroOptionalOut(id);
  capi::ZeroOptionalOut(name);
  capi::ZeroOptionalOut(point_count);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(curve, "curve"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(series, curve->rate.size(), "series"));
    const perfbudget::CurveSeries& s = *SeriesAt(curve->curve, series);
    Set(id, s.id.c_str());
    Set(name, s.name.c_str());
    Set(point_count, static_cast<uint32_t>(s.points.size()));
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_curve_point(const pfb_curve* curve, uint32_t series, uint32_t point,
                                           int32_t* fiscal_month, int32_t* date,
                                           int64_t* executed_fen, int64_t* current_fen,
                                           const char** rate_percent, const char** progress_percent,
                                           pfb_error** err) {
  capi::ZeroOptionalOut(fiscal_month);
  capi::ZeroOptionalOut(date);
  capi::ZeroOptionalOut(executed_fen);
  capi::ZeroOptionalOut(current_fen);
  capi::ZeroOptionalOut(rate_percent);
  capi::ZeroOptionalOut(progress_percent);
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::RequireHandle(curve, "curve"));
    PFB_RETURN_IF_ERROR(capi::CheckIndex(series, curve->rate.size(), "series"));
    const perfbudget::CurveSeries& s = *SeriesAt(curve->curve, series);
    PFB_RETURN_IF_ERROR(capi::CheckIndex(point, s.points.size(), "point"));
    const perfbudget::CurvePoint& p = s.points[point];
    Set(fiscal_month, static_cast<int32_t>(p.fiscal_month));
    Set(date, capi::DateToInt(p.date));
    Set(executed_fen, static_cast<int64_t>(p.executed.fen()));
    Set(current_fen, static_cast<int64_t>(p.current.fen()));
    Set(rate_percent, curve->rate[series][point].c_str());
    Set(progress_percent, curve->progress[point].c_str());
    return absl::OkStatus();
  });
}

extern "C" PFB_API int32_t pfb_curve_svg(const pfb_curve* curve, int32_t lang, const char* title,
                                         uint32_t flags, char** svg, size_t* svg_len,
                                         pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    capi::ZeroOptionalOut(svg_len);  // first: zeroed even when `svg` is NULL
    PFB_RETURN_IF_ERROR(capi::ZeroOut(svg, "svg"));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(curve, "curve"));
    PFB_RETURN_IF_ERROR(CheckLang(lang));
    PFB_RETURN_IF_ERROR(capi::CheckFlags(flags, PFB_CHART_NO_UNITS, "flags"));
    PFB_ASSIGN_OR_RETURN(std::string_view t, capi::InOptionalString(title, "title"));
    perfbudget::SvgChartOptions options;
    options.lang = lang == PFB_LANG_EN ? "en" : "zh";
    options.title = std::string(t);
    options.units = (flags & PFB_CHART_NO_UNITS) == 0;
    return capi::CopyOut(perfbudget::RenderExecutionCurveSvg(curve->curve, options), svg, svg_len);
  });
}

// ---- export (pfb_render.h) ----------------------------------------------------

extern "C" PFB_API int32_t pfb_monitor_render(const pfb_monitor* monitor,
                                              const pfb_render_options* options, char** out,
                                              size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(monitor, "monitor"));
    std::uint32_t flags = 0;
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o,
                         capi::ReadRenderOptions(options, &flags));
    o.as_of_source = monitor->as_of_source;
    // The JSON form carries the curve at the same date, as the CLI's does.
    std::optional<perfbudget::ExecutionCurve> curve;
    if (o.format == perfbudget::render::Format::kJson && (flags & PFB_RENDER_NO_CURVE) == 0) {
      PFB_ASSIGN_OR_RETURN(curve,
                           perfbudget::BuildExecutionCurve(monitor->report.dataset, monitor->policy,
                                                           monitor->report.as_of));
    }
    PFB_ASSIGN_OR_RETURN(std::string text,
                         perfbudget::render::RenderMonitor(
                             monitor->report, curve.has_value() ? &*curve : nullptr, o));
    return capi::CopyOut(text, out, out_len);
  });
}

extern "C" PFB_API int32_t pfb_reclaim_render(const pfb_reclaim* reclaim,
                                              const pfb_render_options* options, char** out,
                                              size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(reclaim, "reclaim"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    o.as_of_source = reclaim->as_of_source;
    PFB_ASSIGN_OR_RETURN(std::string text, perfbudget::render::RenderReclaim(reclaim->report, o));
    return capi::CopyOut(text, out, out_len);
  });
}

extern "C" PFB_API int32_t pfb_curve_render(const pfb_curve* curve,
                                            const pfb_render_options* options, char** out,
                                            size_t* out_len, pfb_error** err) {
  return capi::Guard(err, [&]() -> absl::Status {
    PFB_RETURN_IF_ERROR(capi::ZeroRenderOut(out, out_len));
    PFB_RETURN_IF_ERROR(capi::RequireHandle(curve, "curve"));
    PFB_ASSIGN_OR_RETURN(perfbudget::render::RenderOptions o, capi::ReadRenderOptions(options));
    o.as_of_source = curve->as_of_source;
    PFB_ASSIGN_OR_RETURN(std::string text,
                         perfbudget::render::RenderCurve(curve->curve, curve->decimals, o));
    return capi::CopyOut(text, out, out_len);
  });
}
