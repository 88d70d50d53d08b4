// text_relevance.cc: character bigrams on Unicode code points.
#include "perfbudget/review/text_relevance.h"

#include <algorithm>

namespace perfbudget {
namespace {

// Decodes one UTF-8 code point at s[*i]; advances *i. Returns 0xFFFFFFFF for
// an invalid sequence (one byte consumed).
std::uint32_t NextCodePointSlow(std::string_view s, std::size_t* i);

// The same, with ASCII and three-byte sequences (all of CJK) inline.
inline std::uint32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && *i + 3 <= s.size()) {
    const auto b1 = static_cast<unsigned char>(s[*i + 1]);
    const auto b2 = static_cast<unsigned char>(s[*i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      *i += 3;
      return ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    }
  }
  return NextCodePointSlow(s, i);
}

std::uint32_t NextCodePointSlow(std::string_view s, std::size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int len = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    ++*i;
    return 0xFFFFFFFFu;
  }
  if (*i + static_cast<std::size_t>(len) > s.size()) {
    ++*i;
    return 0xFFFFFFFFu;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFFFFFFu;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  *i += static_cast<std::size_t>(len);
  return cp;
}

// A "word" character: ASCII letters (lowercased by the caller), and letters
// and ideographs beyond ASCII except CJK punctuation, full-width forms
// (digits, punctuation) and other symbol blocks.
bool IsWordChar(std::uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;  // CJK unified ideographs (most text)
  if (cp == 0xFFFFFFFFu) return false;
  if (cp < 0x00C0) return false;                   // Latin-1 punctuation and symbols
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // general punctuation, arrows, math, ...
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK symbols and punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;  // CJK compatibility forms
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // full-width punctuation and digits
  if (cp >= 0xFF3B && cp <= 0xFF40) return false;
  if (cp >= 0xFF5B && cp <= 0xFF65) return false;
  if (cp >= 0xFFE0 && cp <= 0xFFEF) return false;  // full-width signs (￥)
  return true;
}

// Calls fn(bigram) for each pair of adjacent word characters (ASCII letters
// folded to lower case), in text order; anything else breaks the chain.
template <typename Fn>
void ForEachBigram(std::string_view text, Fn&& fn) {
  std::size_t i = 0;
  std::uint32_t prev = 0;
  bool have_prev = false;
  while (i < text.size()) {
    std::uint32_t cp = NextCodePoint(text, &i);
    if (!IsWordChar(cp)) {
      have_prev = false;
      continue;
    }
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (have_prev) fn((static_cast<Bigram>(prev) << 32) | cp);
    prev = cp;
    have_prev = true;
  }
}

}  // namespace

void AppendBigrams(std::string_view text, std::vector<Bigram>* out) {
  ForEachBigram(text, [out](Bigram b) { out->push_back(b); });
}

bool BigramSequence(std::string_view text, std::vector<Bigram>* out) {
  // The loop of ForEachBigram, with the breaks.
  out->clear();
  std::size_t i = 0;
  std::uint32_t prev = 0;
  bool have_prev = false;
  bool plain = true;
  while (i < text.size()) {
    std::uint32_t cp;
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      cp = b0;
      ++i;
    } else {
      const std::size_t at = i;
      cp = NextCodePoint(text, &i);
      // Plain: a three-byte sequence decoded whole.
      plain = plain && i - at == 3 && cp != 0xFFFFFFFFu;
    }
    if (!IsWordChar(cp)) {
      if (have_prev) out->push_back(kBigramBreak);
      have_prev = false;
      continue;
    }
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (have_prev) out->push_back((static_cast<Bigram>(prev) << 32) | cp);
    prev = cp;
    have_prev = true;
  }
  return plain;
}

void BigramSet::Add(std::string_view text) { AppendBigrams(text, &bigrams_); }

void BigramSet::AddAll(const BigramSet& other) {
  // Into an empty set, a sealed set stays sorted: Seal merges after it.
  const bool keep_sorted = bigrams_.empty() && other.sorted_ == other.bigrams_.size();
  bigrams_.insert(bigrams_.end(), other.bigrams_.begin(), other.bigrams_.end());
  if (keep_sorted) sorted_ = bigrams_.size();
}

void BigramSet::AddSequence(std::span<const Bigram> sequence) {
  for (Bigram b : sequence) {
    if (b != kBigramBreak) bigrams_.push_back(b);
  }
}

void BigramSet::Seal() {
  if (sorted_ > bigrams_.size()) sorted_ = 0;  // not reachable; be safe
  const auto mid = bigrams_.begin() + static_cast<std::ptrdiff_t>(sorted_);
  std::sort(mid, bigrams_.end());
  if (sorted_ > 0 && mid != bigrams_.end()) {
    merge_.resize(bigrams_.size());
    std::merge(bigrams_.begin(), mid, mid, bigrams_.end(), merge_.begin());
    bigrams_.swap(merge_);
  }
  bigrams_.erase(std::unique(bigrams_.begin(), bigrams_.end()), bigrams_.end());
  sorted_ = bigrams_.size();
  filter_ = {};
  for (Bigram b : bigrams_) {
    const std::size_t bit = FilterBit(b);
    filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
}

bool BigramSet::Search(Bigram b) const {
  return std::binary_search(bigrams_.begin(), bigrams_.end(), b);
}

namespace {

// Calls fn(begin, end) with the text's distinct bigrams, sorted.
template <typename Fn>
BigramCount WithDistinctBigrams(std::string_view text, Fn&& fn) {
  // Indicator names are short: bigrams go to a stack buffer (a vector only
  // for long texts), sorted to drop repeats.
  constexpr std::size_t kInline = 48;
  Bigram inline_buf[kInline];
  std::vector<Bigram> heap;
  Bigram* begin = inline_buf;
  std::size_t n = 0;
  if (text.size() / 3 + 2 > kInline) {
    AppendBigrams(text, &heap);
    begin = heap.data();
    n = heap.size();
    std::sort(begin, begin + n);
  } else {
    ForEachBigram(text, [&](Bigram b) {
      if (n == kInline) return;
      // Insertion sort as the bigrams come (a handful per name).
      std::size_t k = n++;
      while (k > 0 && inline_buf[k - 1] > b) {
        inline_buf[k] = inline_buf[k - 1];
        --k;
      }
      inline_buf[k] = b;
    });
  }
  if (n == 0) return BigramCount{};
  Bigram* end = std::unique(begin, begin + n);
  return fn(begin, end);
}

}  // namespace

BigramCount CountContainedBigrams(std::string_view text, const BigramSet& set) {
  return WithDistinctBigrams(text, [&](const Bigram* begin, const Bigram* end) {
    BigramCount count;
    for (const Bigram* b = begin; b != end; ++b) count.found += set.Contains(*b) ? 1 : 0;
    count.total = static_cast<std::int64_t>(end - begin);
    return count;
  });
}

namespace {

// CountSpecificBigrams on a sequence `seq` of n entries, which it reorders.
BigramCount CountSpecificInPlace(Bigram* seq, std::size_t n, const BigramSet& set,
                                 const BigramSet& common, std::int64_t* common_shared);

}  // namespace

BigramCount CountSpecificBigrams(std::span<const Bigram> sequence, const BigramSet& set,
                                 const BigramSet& common, std::int64_t* common_shared) {
  constexpr std::size_t kInline = 256;
  Bigram buf[kInline];
  std::vector<Bigram> heap;
  Bigram* seq = buf;
  if (sequence.size() > kInline) {
    heap.assign(sequence.begin(), sequence.end());
    seq = heap.data();
  } else {
    std::copy(sequence.begin(), sequence.end(), buf);
  }
  return CountSpecificInPlace(seq, sequence.size(), set, common, common_shared);
}

BigramCount CountSpecificBigrams(std::string_view text, const BigramSet& set,
                                 const BigramSet& common, std::int64_t* common_shared) {
  // Bigrams in text order, with a break marker between runs, so a bigram
  // that overlaps a common word ("设项" of 建设项目) is dropped with it. Short
  // texts (indicator names) stay on the stack.
  // (A text of n bytes has at most n entries: bigrams and breaks.)
  constexpr Bigram kBreak = kBigramBreak;
  constexpr std::size_t kInline = 256;
  Bigram seq_buf[kInline];
  std::vector<Bigram> seq_heap;
  const bool inline_ok = text.size() <= kInline;
  Bigram* seq = seq_buf;
  std::size_t n = 0;
  {
    auto push = [&](Bigram b) {
      if (inline_ok) {
        seq_buf[n++] = b;
      } else {
        seq_heap.push_back(b);
        ++n;
      }
    };
    std::size_t i = 0;
    std::uint32_t prev = 0;
    bool have_prev = false;
    while (i < text.size()) {
      std::uint32_t cp = NextCodePoint(text, &i);
      if (!IsWordChar(cp)) {
        if (have_prev) push(kBreak);
        have_prev = false;
        continue;
      }
      if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
      if (have_prev) push((static_cast<Bigram>(prev) << 32) | cp);
      prev = cp;
      have_prev = true;
    }
    if (!inline_ok) seq = seq_heap.data();
  }
  return CountSpecificInPlace(seq, n, set, common, common_shared);
}

namespace {

BigramCount CountSpecificInPlace(Bigram* seq, std::size_t n, const BigramSet& set,
                                 const BigramSet& common, std::int64_t* common_shared) {
  constexpr Bigram kBreak = kBigramBreak;
  constexpr std::size_t kInline = 256;
  const bool inline_ok = n <= kInline;
  // Marks: 1 = dropped (common or overlapping one).
  std::uint8_t drop_buf[kInline];
  std::vector<std::uint8_t> drop_heap;
  std::uint8_t* drop = drop_buf;
  if (!inline_ok) {
    drop_heap.assign(n, 0);
    drop = drop_heap.data();
  } else {
    std::fill_n(drop_buf, n, std::uint8_t{0});
  }
  std::int64_t shared_common = 0;
  if (common.size() > 0) {
    for (std::size_t k = 0; k < n; ++k) {
      if (seq[k] == kBreak || !common.Contains(seq[k])) continue;
      // A repeated common bigram may count twice: only "> 0" is used.
      if (drop[k] != 2 && set.Contains(seq[k])) ++shared_common;
      drop[k] = 2;
      if (k > 0 && seq[k - 1] != kBreak && drop[k - 1] == 0) drop[k - 1] = 1;
      if (k + 1 < n && seq[k + 1] != kBreak && drop[k + 1] == 0) drop[k + 1] = 1;
    }
  }
  // The kept bigrams, sorted and distinct, in place.
  std::size_t m = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (seq[k] != kBreak && drop[k] == 0) seq[m++] = seq[k];
  }
  std::sort(seq, seq + m);
  const Bigram* end = std::unique(seq, seq + m);
  BigramCount count;
  for (const Bigram* b = seq; b != end; ++b) count.found += set.Contains(*b) ? 1 : 0;
  count.total = static_cast<std::int64_t>(end - seq);
  if (common_shared != nullptr) *common_shared = shared_common;
  return count;
}

}  // namespace

Ratio BigramContainment(std::string_view text, const BigramSet& set) {
  return CountContainedBigrams(text, set).Share();
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    NextCodePoint(text, &i);
    ++n;
  }
  return n;
}

}  // namespace perfbudget
