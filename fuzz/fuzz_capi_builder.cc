// fuzz_capi_builder: a pfb_builder fed an arbitrary sequence of calls
// through the C ABI, then built; a dataset that builds is reviewed,
// monitored, reclaimed, charted and written through the C ABI too.
//
// The input is a little program: each call is one opcode byte followed by
// its arguments, read from the input as needed (integers little-endian;
// a string is a length byte then that many bytes, or one of a few ids when
// the length byte is ≥ 0xF0, so references between rows resolve often).
// Every call must return a status code of the ABI's list and leave its
// out-parameters in the documented state; nothing may leak (LSan).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "perfbudget/perfbudget.h"

namespace {

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool done() const { return pos_ >= size_; }
  std::uint8_t U8() { return pos_ < size_ ? data_[pos_++] : 0; }
  std::int32_t I32() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(U8()) << (8 * i);
    return static_cast<std::int32_t>(v);
  }
  // Small values most of the time: enums, flags.
  std::int32_t Small() {
    const std::uint8_t b = U8();
    return b == 0xFF ? I32() : static_cast<std::int32_t>(b % 8) - 1;
  }
  // A date in 2021..2023 most of the time (yyyymmdd), else any int.
  std::int32_t DateInt() {
    const std::uint8_t b = U8();
    if (b == 0xFF) return I32();
    if (b == 0xFE) return 0;
    const std::int32_t month = 1 + U8() % 12;
    const std::int32_t day = 1 + U8() % 31;
    return 20210000 + (b % 3) * 10000 + month * 100 + day;
  }
  std::int64_t Fen() {
    const std::uint8_t b = U8();
    if (b == 0xFF) {
      std::uint64_t v = 0;
      for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(U8()) << (8 * i);
      return static_cast<std::int64_t>(v);
    }
    return static_cast<std::int64_t>(b) * 1000000 - 10000000;
  }
  // A NUL-terminated string kept alive in `pool_`, or NULL.
  const char* Str() {
    static const char* const kIds[] = {"U1", "U2",         "P1", "P2",   "G1",   "G2", "I1", "I2",
                                       "",   "2022-06-30", "95", "≥90%", "项目", "x",  "10"};
    const std::uint8_t n = U8();
    if (n == 0xFF) return nullptr;
    if (n >= 0xF0) return kIds[(n - 0xF0) % (sizeof kIds / sizeof kIds[0])];
    std::string s;
    for (std::uint8_t i = 0; i < n % 24 && !done(); ++i) s.push_back(static_cast<char>(U8()));
    pool_.push_back(std::move(s));
    return pool_.back().c_str();
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  std::deque<std::string> pool_;  // a deque: growing it moves no string
};

// A status code the ABI defines; on failure an error object, on success none.
// Takes `err` by address so that it is read after the call it checks (the
// order in which arguments are evaluated differs between compilers); frees
// the error and sets *err to NULL.
void CheckCall(std::int32_t rc, pfb_error** errp) {
  pfb_error* err = *errp;
  *errp = nullptr;
  FUZZ_CHECK(rc >= PFB_OK && rc <= PFB_ALREADY_EXISTS, std::to_string(rc));
  FUZZ_CHECK(rc != PFB_INTERNAL, err != nullptr ? pfb_error_message(err) : "");
  FUZZ_CHECK((rc == PFB_OK) == (err == nullptr), std::to_string(rc));
  if (err != nullptr) {
    FUZZ_CHECK(pfb_error_code(err) == rc, std::to_string(rc));
    for (std::uint32_t i = 0; i < pfb_error_diagnostic_count(err); ++i) {
      (void)pfb_error_diagnostic_message(err, i);
      (void)pfb_error_diagnostic_file(err, i);
    }
  }
  pfb_error_destroy(err);
}

void Analyse(const pfb_dataset* ds, Reader& in) {
  pfb_error* err = nullptr;
  const int32_t as_of = in.done() ? 0 : in.DateInt();
  pfb_policy* policy = nullptr;
  CheckCall(pfb_policy_load((in.U8() & 1) != 0 ? "central" : "suma-park", &policy, &err), &err);
  err = nullptr;
  pfb_review* review = nullptr;
  CheckCall(pfb_review_dataset(ds, policy, nullptr, 0, &review, &err), &err);
  pfb_review_destroy(review);
  char* policy_json = nullptr;
  size_t policy_len = 0;
  err = nullptr;
  CheckCall(pfb_policy_to_json(policy, &policy_json, &policy_len, &err), &err);
  pfb_policy_destroy(policy);
  err = nullptr;
  pfb_monitor* monitor = nullptr;
  CheckCall(pfb_monitor_run(ds, policy_json, policy_len, as_of, &monitor, &err), &err);
  pfb_monitor_destroy(monitor);
  err = nullptr;
  pfb_reclaim* reclaim = nullptr;
  CheckCall(pfb_reclaim_run(ds, policy_json, policy_len, as_of, &reclaim, &err), &err);
  pfb_reclaim_destroy(reclaim);
  err = nullptr;
  pfb_curve* curve = nullptr;
  CheckCall(pfb_curve_run(ds, policy_json, policy_len, as_of, &curve, &err), &err);
  if (curve != nullptr) {
    char* svg = nullptr;
    size_t svg_len = 0;
    err = nullptr;
    CheckCall(pfb_curve_svg(curve, 0, nullptr, 0, &svg, &svg_len, &err), &err);
    pfb_string_free(svg);
  }
  pfb_curve_destroy(curve);
  pfb_string_free(policy_json);

  char* json = nullptr;
  size_t json_len = 0;
  err = nullptr;
  CheckCall(pfb_dataset_to_json(ds, 1, &json, &json_len, &err), &err);
  if (json != nullptr) {
    pfb_dataset* again = nullptr;
    err = nullptr;
    const int32_t rc = pfb_dataset_from_json(json, json_len, "round-trip.json", &again, &err);
    FUZZ_CHECK(rc == PFB_OK,
               std::string(json, json_len) + "\n" + (err != nullptr ? pfb_error_message(err) : ""));
    pfb_dataset_destroy(again);
  }
  pfb_string_free(json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  pfb_builder* b = nullptr;
  pfb_error* err = nullptr;
  // Reads are sequenced one a statement: argument evaluation order differs
  // between compilers, and an input must mean the same under GCC's replay.
  const int32_t year = (in.U8() & 0x80) != 0 ? in.I32() : 2022;
  const char* code = in.Str();
  const char* name = in.Str();
  const int32_t start_month = 1 + in.U8() % 13;
  const uint32_t flags = in.U8() & 3u;
  const int32_t rc = pfb_builder_create(code, name, year, start_month, flags, in.Str(), &b, &err);
  CheckCall(rc, &err);
  if (rc != PFB_OK) {
    FUZZ_CHECK(b == nullptr, "builder out-parameter set after a failure");
    return 0;
  }
  int calls = 0;
  while (!in.done() && calls++ < 200) {
    err = nullptr;
    std::int32_t r = PFB_OK;
    switch (in.U8() % 13) {
      case 0: {
        const char* source = in.Str();
        r = pfb_builder_set_origin(b, source, in.Small(), &err);
        break;
      }
      case 1:
        r = pfb_builder_set_as_of(b, in.DateInt(), &err);
        break;
      case 2: {
        const char* id = in.Str();
        r = pfb_builder_add_unit(b, id, in.Str(), &err);
        break;
      }
      case 3: {
        const char* id = in.Str();
        const char* unit = in.Str();
        const char* name = in.Str();
        const char* category = in.Str();
        const std::int32_t kind = in.Small();
        const std::int32_t status = in.Small();
        // A year near 2020, or (0xFF) any int as it is: never an int overflow.
        const std::int32_t small = in.Small();
        const std::int32_t start = small >= -1 && small < 7 ? small + 2020 : small;
        const std::int64_t requested = in.Fen();
        r = pfb_builder_add_project(b, id, unit, name, category, kind, status, start, requested,
                                    static_cast<std::uint32_t>(in.Small()), &err);
        break;
      }
      case 4: {
        const char* project = in.Str();
        const std::int32_t source = in.Small();
        const std::int64_t approved = in.Fen();
        r = pfb_builder_add_fund_line(b, project, source, approved, in.Small(), &err);
        break;
      }
      case 5: {
        const char* project = in.Str();
        const std::int32_t date = in.DateInt();
        const std::int32_t source = in.Small();
        const std::int64_t fen = in.Fen();
        r = pfb_builder_add_adjustment(b, project, date, source, fen, in.Str(), &err);
        break;
      }
      case 6: {
        const char* project = in.Str();
        const std::int32_t date = in.DateInt();
        r = pfb_builder_add_planned_payment(b, project, date, in.Fen(), &err);
        break;
      }
      case 7: {
        const char* id = in.Str();
        const std::int32_t owner = in.Small();
        const char* project = in.Str();
        const char* unit = in.Str();
        r = pfb_builder_add_goal(b, id, owner, project, unit, in.Str(), &err);
        break;
      }
      case 8: {
        const char* goal = in.Str();
        const char* id = in.Str();
        const std::int32_t l1 = in.Small();
        const std::int32_t l2 = in.Small();
        const char* name = in.Str();
        const std::int32_t cmp = in.Small();
        const char* target = in.Str();
        const char* high = in.Str();
        const char* uom = in.Str();
        const char* weight = in.Str();
        const char* baseline = in.Str();
        const std::int32_t vs = in.Small();
        r = pfb_builder_add_indicator(b, goal, id, l1, l2, name, cmp, target, high, uom, weight,
                                      baseline, vs, in.Str(), &err);
        break;
      }
      case 9: {
        const char* goal = in.Str();
        const char* id = in.Str();
        const std::int32_t date = in.DateInt();
        const char* value = in.Str();
        const std::int32_t grade = in.Small();
        r = pfb_builder_add_actual(b, goal, id, date, value, grade, in.Str(), &err);
        break;
      }
      case 10: {
        const char* id = in.Str();
        const char* project = in.Str();
        const std::int32_t date = in.DateInt();
        const std::int32_t source = in.Small();
        r = pfb_builder_add_disbursement(b, id, project, date, source, in.Fen(), &err);
        break;
      }
      default: {  // build early: later calls must be refused
        pfb_dataset* ds = nullptr;
        r = pfb_builder_build(b, &ds, &err);
        FUZZ_CHECK((r == PFB_OK) == (ds != nullptr), std::to_string(r));
        CheckCall(r, &err);
        err = nullptr;
        if (ds != nullptr) Analyse(ds, in);
        pfb_dataset_destroy(ds);
        r = pfb_builder_add_unit(b, "U9", "late", &err);
        FUZZ_CHECK(r == PFB_FAILED_PRECONDITION, std::to_string(r));
        break;
      }
    }
    CheckCall(r, &err);
  }
  pfb_dataset* ds = nullptr;
  err = nullptr;
  const int32_t brc = pfb_builder_build(b, &ds, &err);
  FUZZ_CHECK((brc == PFB_OK) == (ds != nullptr), std::to_string(brc));
  CheckCall(brc, &err);
  if (ds != nullptr) Analyse(ds, in);
  pfb_dataset_destroy(ds);
  pfb_builder_destroy(b);
  return 0;
}
