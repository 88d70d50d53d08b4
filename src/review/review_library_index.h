// review_library_index.h (internal): the review library compiled for the
// goal-review engine: bigram sets of the common terms and of each category's
// core indicators, the domain terms indexed by their first bigram, the
// categories by name and alias, each category's core names and synonyms with
// their character masks (for MatchCore), and the unit scales by unit.
//
// A Policy compiles it once, whenever its review library is set (the
// default library included), and shares it, immutable, with its copies: the
// review of a dataset or of one goal reads it and never rebuilds it. It is a
// pure function of the library (no global state, nothing filled in later).
#ifndef PERFBUDGET_SRC_REVIEW_REVIEW_LIBRARY_INDEX_H_
#define PERFBUDGET_SRC_REVIEW_REVIEW_LIBRARY_INDEX_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/absl_compat.h"
#include "perfbudget/policy/review_library.h"
#include "perfbudget/review/text_relevance.h"

namespace perfbudget {

// A 64-bit summary of a text: one bit per three-byte window (a CJK
// character, among others). When `a` is a substring of `b`, every bit of
// CharMask(a) is set in CharMask(b), whatever the bytes.
std::uint64_t CharMask(std::string_view text);

struct ReviewLibraryIndex {
  // Bigrams of the common terms (学校, 建设, 项目: shared, they say little).
  BigramSet common;
  // A common term with at least one bigram, in library order: its text and
  // its distinct bigrams (for naming the common words an indicator shares).
  struct CommonTerm {
    std::string text;
    Bigram first = 0;             // its first bigram in text order
    std::vector<Bigram> bigrams;  // distinct, sorted
  };
  std::vector<CommonTerm> common_terms;

  // Domain terms with at least one bigram, numbered in library order
  // (domain by domain); `term_first` pairs each term's first bigram with its
  // number, sorted; `TermFirstMayHold` rejects most other bigrams at once.
  std::vector<std::string> terms;
  std::vector<std::uint32_t> term_domain;
  // 1 when the term is two word characters of U+0800..U+FFFF (no
  // surrogates) in their three-byte encodings: in a plain text
  // (BigramSequence) it is present exactly when its bigram is.
  std::vector<std::uint8_t> term_is_pair;
  std::vector<std::pair<Bigram, std::uint32_t>> term_first;
  bool TermFirstMayHold(Bigram b) const {
    const std::size_t bit = FilterBit(b);
    return (term_filter[bit >> 6] & (std::uint64_t{1} << (bit & 63))) != 0;
  }

  // Per library category (same order as ReviewLibrary::categories): the
  // bigrams of its core indicators' names and synonyms, and the domains
  // (indexes into ReviewLibrary::domains) its `domains` ids name, in order.
  std::vector<BigramSet> category_core;
  std::vector<std::vector<std::uint32_t>> category_domains;

  // ReviewLibrary::FindCategory by hash: names first, then aliases; the
  // first entry of a name wins, as in the library's linear search.
  const CategoryLibrary* FindCategory(const ReviewLibrary& lib, std::string_view category) const;

  // Filled name by name: a standard table (base/absl_compat.h: out of memory).
  GrowingStringMap<std::uint32_t> category_by_name;

  // Per library category: its core indicators' names and synonyms in the
  // order MatchCore (review.cc) tries them — entry by entry, name before
  // synonyms — each with its entry's index, whether the entry is a
  // satisfaction indicator, and its CharMask (a term can be inside a name
  // only if its mask is inside the name's).
  struct CoreTerm {
    std::string text;
    std::uint32_t core = 0;
    bool satisfaction = false;
    std::uint64_t mask = 0;
  };
  std::vector<std::vector<CoreTerm>> category_terms;

  // The first UnitScale of each unit (NormalizeUnit scans them in order).
  StringMap<std::uint32_t> scale_by_unit;

  static std::size_t FilterBit(Bigram b) {
    return static_cast<std::size_t>((b * 0x9E3779B97F4A7C15ull) >> (64 - kFilterLog2));
  }
  static constexpr int kFilterLog2 = 12;  // 4,096 bits: a few hundred terms
  std::array<std::uint64_t, (std::size_t{1} << kFilterLog2) / 64> term_filter{};
};

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_REVIEW_REVIEW_LIBRARY_INDEX_H_
