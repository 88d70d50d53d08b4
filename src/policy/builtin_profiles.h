// builtin_profiles.h (internal): the built-in policy profiles, embedded from
// profiles/*.json by src/policy/embed_profiles.py into builtin_profiles.cc.
#ifndef PERFBUDGET_SRC_POLICY_BUILTIN_PROFILES_H_
#define PERFBUDGET_SRC_POLICY_BUILTIN_PROFILES_H_

#include <span>
#include <string_view>

namespace perfbudget {

struct BuiltinProfile {
  std::string_view name;  // file name without .json
  std::string_view json;  // the file's text
};

// In file-name order.
std::span<const BuiltinProfile> BuiltinProfiles();

}  // namespace perfbudget

#endif  // PERFBUDGET_SRC_POLICY_BUILTIN_PROFILES_H_
