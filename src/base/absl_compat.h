// absl_compat.h: bridges std::string_view and Debian 12's Abseil.
//
// Debian's Abseil (20220623) is built with its own absl::string_view (not an
// alias of std::string_view). The public C++ API uses std::string_view; these
// helpers convert at the seams and give string-keyed hash maps that look up
// by std::string_view without allocating.
#ifndef PERFBUDGET_SRC_BASE_ABSL_COMPAT_H_
#define PERFBUDGET_SRC_BASE_ABSL_COMPAT_H_

#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace perfbudget {

inline absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }
inline std::string_view SV(absl::string_view s) { return std::string_view(s.data(), s.size()); }

// absl::StrCat for arguments that may be std::string_view.
template <typename T>
auto CatArg(const T& v) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return AV(std::string_view(v));
  } else {
    return v;
  }
}
template <typename... T>
std::string Cat(const T&... args) {
  return absl::StrCat(CatArg(args)...);
}

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return absl::HashOf(AV(s)); }
};
struct StringViewEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

// A hash map from std::string, looked up by std::string_view.
template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringViewHash, StringViewEq>;

// Out of memory in Abseil's tables. Debian 12's Abseil (20220623) tables are
// not exception-safe: a std::bad_alloc while a table grows (resize() records
// the new capacity before allocating) or while an element is constructed in
// its slot (already marked full) leaves a table whose destructor frees or
// destroys what is not there. perfbudget reports running out of memory as
// ResourceExhausted and must survive it (tests/alloc_failure), so a table
// that is filled
//   - is made with room for every element it will hold, by the constructor:
//     `StringMap<V> index(RoomFor(n))` (a constructor that throws leaves no
//     table behind to destroy), never by reserve() and never grown by an
//     insertion beyond n;
//   - takes only elements whose construction cannot throw: a std::string key
//     is made first and moved in (`index.emplace(std::string(id), i)`), a
//     std::string_view key is fine as is.
// Copying such a table is not safe either (the copy reserves in place).
// A table that must grow as it is filled is a GrowingStringMap / GrowingSet
// below instead.
inline std::size_t RoomFor(std::size_t n) {
  // Abseil fills a table to 7/8 of its capacity: n + n/7 + 1 slots (rounded
  // up to a power of two minus one) hold n elements without growing.
  return n + n / 7 + 1;
}

// A table filled one element at a time, whose final size is not known when
// it is made (ids interned while records arrive, evaluations counted once):
// the standard library's hash tables, whose insertions either succeed or
// leave the table as it was when an allocation fails.
template <typename V>
using GrowingStringMap = std::unordered_map<std::string, V, StringViewHash, StringViewEq>;
template <typename T, typename Hash = StringViewHash, typename Eq = StringViewEq>
using GrowingSet = std::unordered_set<T, Hash, Eq>;

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_BASE_ABSL_COMPAT_H_
