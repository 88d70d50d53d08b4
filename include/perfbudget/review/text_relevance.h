// text_relevance.h: how much two Chinese texts share, by character bigrams.
//
// Text is read as Unicode code points (UTF-8). Runs of "word" characters (CJK
// ideographs and other letters; ASCII letters lowercased) are cut into
// adjacent pairs of code points: "园区道路维修" → 园区 区道 道路 路维 维修.
// Digits, punctuation, symbols and spaces end a run, so "12公里" gives 公里
// only. The goal review compares an indicator's bigrams with those of the
// project's name, category and goal text (relevance.low_text_relevance).
#ifndef PERFBUDGET_REVIEW_TEXT_RELEVANCE_H_
#define PERFBUDGET_REVIEW_TEXT_RELEVANCE_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "perfbudget/money/ratio.h"

namespace perfbudget {

// A bigram: first code point in the high 32 bits, second in the low.
using Bigram = std::uint64_t;

// Appends the bigrams of `text` to `*out` (in text order, repeats kept).
// Invalid UTF-8 bytes end a run and are skipped.
void AppendBigrams(std::string_view text, std::vector<Bigram>* out);

// A text decoded once for several uses: its bigrams in text order with
// kBigramBreak where a run of word characters ends (after a run of at least
// one character). Skipping the breaks gives AppendBigrams' list.
// Returns whether the text is plain: ASCII and well-formed three-byte
// sequences only. In a plain text two code points ≥ U+0800 side by side are
// exactly their (shortest) three-byte encodings, so a two-character term of
// such code points is in the text when its bigram is.
inline constexpr Bigram kBigramBreak = ~Bigram{0};
bool BigramSequence(std::string_view text, std::vector<Bigram>* out);  // replaces *out

// A sorted set of bigrams, for repeated containment tests.
class BigramSet {
 public:
  BigramSet() = default;
  void Add(std::string_view text);      // call Seal() after the last Add
  void AddAll(const BigramSet& other);  // every bigram of `other`
  // The bigrams of a BigramSequence (its breaks skipped).
  void AddSequence(std::span<const Bigram> sequence);
  void AddBigram(Bigram b) { bigrams_.push_back(b); }
  // Sorts and drops repeats. When the set began with AddAll of a sealed set,
  // only what was added after it is sorted, then merged.
  void Seal();
  void Clear() {  // keeps the capacity, for reuse
    bigrams_.clear();
    sorted_ = 0;
    filter_ = {};
  }
  bool Contains(Bigram b) const {
    const std::size_t bit = FilterBit(b);
    if ((filter_[bit >> 6] & (std::uint64_t{1} << (bit & 63))) == 0) return false;
    return Search(b);
  }
  std::size_t size() const { return bigrams_.size(); }

 private:
  // A 1,024-bit filter of the sealed bigrams (bit = a hash of the bigram):
  // most absent bigrams are rejected without a search, also in a goal's
  // context of a few hundred bigrams.
  bool Search(Bigram b) const;  // binary search of the sealed bigrams
  static std::size_t FilterBit(Bigram b) {
    return static_cast<std::size_t>((b * 0x9E3779B97F4A7C15ull) >> 54);
  }
  std::vector<Bigram> bigrams_;
  std::size_t sorted_ = 0;     // leading bigrams known sorted and distinct
  std::vector<Bigram> merge_;  // Seal's merge buffer (capacity kept)
  std::array<std::uint64_t, 16> filter_{};
};

// How many of a text's distinct bigrams a set holds.
struct BigramCount {
  std::int64_t found = 0;
  std::int64_t total = 0;  // distinct bigrams of the text
  // found / total; 1 when the text has no bigram (nothing to judge).
  Ratio Share() const { return total == 0 ? Ratio(1) : Ratio(found, total); }
};
BigramCount CountContainedBigrams(std::string_view text, const BigramSet& set);
// As CountContainedBigrams, but the bigrams of `common` (those of common
// words such as 建设, 项目: they say little), and the bigrams overlapping
// them ("设项" of 建设项目), count neither as found nor in the total;
// *common_shared (when given) is > 0 when `set` holds any of the text's
// common bigrams.
BigramCount CountSpecificBigrams(std::string_view text, const BigramSet& set,
                                 const BigramSet& common, std::int64_t* common_shared = nullptr);
// The same on a text's BigramSequence (decoded once for several uses).
BigramCount CountSpecificBigrams(std::span<const Bigram> sequence, const BigramSet& set,
                                 const BigramSet& common, std::int64_t* common_shared = nullptr);

// The share (0..1, exact) of `text`'s distinct bigrams found in `set`. A text
// without any bigram (empty, one character, only digits) gives 1: there is
// nothing to judge.
Ratio BigramContainment(std::string_view text, const BigramSet& set);

// Counts the code points of `text` (invalid bytes count one each).
std::size_t CodePointCount(std::string_view text);

}  // namespace perfbudget

#endif  // PERFBUDGET_REVIEW_TEXT_RELEVANCE_H_
