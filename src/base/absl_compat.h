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

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_BASE_ABSL_COMPAT_H_
