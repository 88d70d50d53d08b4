# C ABI stability: scripts/abi-check.sh rebuilds libperfbudget.so and compares
# it with the committed libabigail baseline abi/libperfbudget.abi; an
# incompatible change fails (docs/c-abi.md). Registered only when libabigail's
# tools are installed; skipped (77) when the build has no debug info.
find_program(PERFBUDGET_ABIDW abidw)
find_program(PERFBUDGET_ABIDIFF abidiff)
# Checked on the regular builds (the release preset has debug info); a
# sanitizer build adds nothing to it.
if(PERFBUDGET_ABIDW AND PERFBUDGET_ABIDIFF AND NOT PERFBUDGET_SANITIZE)
  add_test(NAME capi_abi_check
    COMMAND sh ${PROJECT_SOURCE_DIR}/scripts/abi-check.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(capi_abi_check PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
endif()
