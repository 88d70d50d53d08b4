// review_library_index.cc: the review library compiled once per policy
// (review_library_index.h).
#include "review/review_library_index.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfbudget {

const CategoryLibrary* ReviewLibraryIndex::FindCategory(const ReviewLibrary& lib,
                                                        std::string_view category) const {
  if (category.empty()) return nullptr;
  auto it = category_by_name.find(category);
  if (it == category_by_name.end()) return nullptr;
  return &lib.categories[it->second];
}

namespace {

// Whether `t` is exactly two three-byte UTF-8 sequences of code points
// U+0800..U+FFFF (not surrogates) whose one bigram is `bigrams` (so both are
// word characters).
bool IsCodePointPair(std::string_view t, const std::vector<Bigram>& bigrams) {
  if (t.size() != 6 || bigrams.size() != 1) return false;
  std::uint32_t cps[2];
  for (int k = 0; k < 2; ++k) {
    const auto b0 = static_cast<unsigned char>(t[3 * k]);
    const auto b1 = static_cast<unsigned char>(t[3 * k + 1]);
    const auto b2 = static_cast<unsigned char>(t[3 * k + 2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    const std::uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    cps[k] = cp;
  }
  return bigrams.front() == ((static_cast<Bigram>(cps[0]) << 32) | cps[1]);
}

// The category's core names and synonyms in MatchCore's order.
void AddCoreTerms(const CategoryLibrary& cat, std::vector<ReviewLibraryIndex::CoreTerm>* terms) {
  for (std::size_t k = 0; k < cat.indicators.size(); ++k) {
    const CoreIndicator& ci = cat.indicators[k];
    const bool satisfaction = ci.level1 == IndicatorLevel1::kSatisfaction;
    auto add = [&](const std::string& text) {
      terms->push_back({text, static_cast<std::uint32_t>(k), satisfaction, CharMask(text)});
    };
    add(ci.name);
    for (const std::string& syn : ci.synonyms) add(syn);
  }
}

}  // namespace

std::uint64_t CharMask(std::string_view text) {
  std::uint64_t mask = 0;
  std::uint32_t window = 0;  // the last three bytes read
  for (std::size_t k = 0; k < text.size(); ++k) {
    window = ((window << 8) | static_cast<unsigned char>(text[k])) & 0xFFFFFFu;
    if (k >= 2) mask |= std::uint64_t{1} << ((window * 0x9E3779B1u) >> 26);
  }
  return mask;
}

std::shared_ptr<const ReviewLibraryIndex> CompileReviewLibraryIndex(const ReviewLibrary& lib) {
  auto index = std::make_shared<ReviewLibraryIndex>();
  ReviewLibraryIndex& x = *index;
  std::vector<Bigram> tmp;

  for (const std::string& t : lib.common_terms) {
    x.common.Add(t);
    tmp.clear();
    AppendBigrams(t, &tmp);
    if (tmp.empty()) continue;
    ReviewLibraryIndex::CommonTerm c;
    c.text = t;
    c.first = tmp.front();
    std::sort(tmp.begin(), tmp.end());
    tmp.erase(std::unique(tmp.begin(), tmp.end()), tmp.end());
    c.bigrams = tmp;
    x.common_terms.push_back(std::move(c));
  }
  x.common.Seal();

  for (std::uint32_t d = 0; d < lib.domains.size(); ++d) {
    for (const std::string& t : lib.domains[d].terms) {
      tmp.clear();
      AppendBigrams(t, &tmp);
      if (tmp.empty()) continue;
      x.term_first.emplace_back(tmp.front(), static_cast<std::uint32_t>(x.terms.size()));
      x.terms.push_back(t);
      x.term_domain.push_back(d);
      x.term_is_pair.push_back(IsCodePointPair(t, tmp) ? 1 : 0);
    }
  }
  std::sort(x.term_first.begin(), x.term_first.end());
  for (const auto& entry : x.term_first) {
    const std::size_t bit = ReviewLibraryIndex::FilterBit(entry.first);
    x.term_filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }

  x.category_core.resize(lib.categories.size());
  x.category_domains.resize(lib.categories.size());
  x.category_terms.resize(lib.categories.size());
  for (std::size_t c = 0; c < lib.categories.size(); ++c) {
    const CategoryLibrary& cat = lib.categories[c];
    for (const CoreIndicator& ci : cat.indicators) {
      x.category_core[c].Add(ci.name);
      for (const std::string& syn : ci.synonyms) x.category_core[c].Add(syn);
    }
    x.category_core[c].Seal();
    AddCoreTerms(cat, &x.category_terms[c]);
    for (const std::string& id : cat.domains) {
      for (std::uint32_t d = 0; d < lib.domains.size(); ++d) {
        if (lib.domains[d].id == id) x.category_domains[c].push_back(d);
      }
    }
  }
  // Names first, then aliases; the first entry for a text wins (the order
  // of ReviewLibrary::FindCategory's two passes).
  for (std::size_t c = 0; c < lib.categories.size(); ++c) {
    x.category_by_name.try_emplace(lib.categories[c].category, static_cast<std::uint32_t>(c));
  }
  for (std::size_t c = 0; c < lib.categories.size(); ++c) {
    for (const std::string& a : lib.categories[c].aliases) {
      x.category_by_name.try_emplace(a, static_cast<std::uint32_t>(c));
    }
  }
  // Made with room for every unit and given moved keys (base/absl_compat.h:
  // out of memory); the first entry of a unit wins.
  x.scale_by_unit = StringMap<std::uint32_t>(RoomFor(lib.unit_scales.size()));
  for (std::size_t u = 0; u < lib.unit_scales.size(); ++u) {
    const std::string& unit = lib.unit_scales[u].unit;
    if (x.scale_by_unit.contains(unit)) continue;
    std::string key(unit);
    x.scale_by_unit.emplace(std::move(key), static_cast<std::uint32_t>(u));
  }
  return index;
}

}  // namespace perfbudget
