// version.h: the library's version.
#ifndef PERFBUDGET_VERSION_H_
#define PERFBUDGET_VERSION_H_

#include <string_view>

namespace perfbudget {

inline constexpr int kVersionMajor = 0;
inline constexpr int kVersionMinor = 1;
inline constexpr int kVersionPatch = 0;
inline constexpr std::string_view kVersionString = "0.1.0";

}  // namespace perfbudget

#endif  // PERFBUDGET_VERSION_H_
