// analyses.h: every analysis and writer of a loaded dataset, for the fuzz
// targets that make datasets (JSON, CSV, the C ABI builder).
#ifndef PERFBUDGET_FUZZ_ANALYSES_H_
#define PERFBUDGET_FUZZ_ANALYSES_H_

#include <cstdint>

#include "perfbudget/model/dataset.h"
#include "perfbudget/policy/policy.h"

namespace perfbudget::fuzz {

// Runs review, monitoring (with and without goals), reclaim (both ways), the
// execution curve and its SVG, the summary, and writes the dataset as JSON
// and reads it back (which must succeed and give the same JSON). `choice`
// picks the secondary options (as-of date, language) deterministically.
// Aborts when an analysis reports an internal error or a round trip differs.
void RunAnalyses(const Dataset& dataset, const Policy& policy, std::uint32_t choice);

// As RunAnalyses, with the built-in policies taking turns by `choice`.
void RunAnalysesWithBuiltinPolicy(const Dataset& dataset, std::uint32_t choice);

}  // namespace perfbudget::fuzz

#endif  // PERFBUDGET_FUZZ_ANALYSES_H_
