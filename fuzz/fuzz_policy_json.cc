// fuzz_policy_json: a policy profile (JSON) → review, monitoring, reclaim.
//
// The input is the profile's text. A profile that loads is written back
// (PolicyToJson), which must load to the same profile, and drives every
// analysis (fuzz/analyses.h) of tests/data/json/good/full.json.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyses.h"
#include "fuzz_util.h"
#include "perfbudget/io/json.h"
#include "perfbudget/policy/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perfbudget;
  static const Dataset dataset = [] {
    auto d = LoadDatasetJsonFile(fuzz::SourceDir() + "/tests/data/json/good/full.json");
    FUZZ_CHECK(d.ok(), d.status().ToString());
    return *std::move(d);
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const auto policy = LoadPolicyJson(text, &diagnostics, "fuzz-policy.json");
  if (!policy.ok()) return 0;

  const std::string json = PolicyToJson(*policy);
  Diagnostics again_diagnostics;
  const auto again = LoadPolicyJson(json, &again_diagnostics, "round-trip.json");
  FUZZ_CHECK(again.ok(), again.status().ToString() + "\n" + json);
  FUZZ_CHECK(PolicyToJson(*again) == json, json);

  fuzz::RunAnalyses(dataset, *policy, fuzz::Mix(data, size));
  return 0;
}
