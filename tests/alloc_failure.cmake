# alloc_failure.cmake: the allocation-failure test (tests/alloc_failure/):
# its own binary, because it replaces the global operator new / delete to
# make the N-th allocation fail (SQLite's technique). In every suite; under
# the asan preset LeakSanitizer also checks that no failure leaks.
# Debug builds only (the asan preset): the test recognises Abseil's hash
# tables on the call stack by name (see the test), which needs them not
# inlined.
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  return()
endif()
# Not yet part of the suite: its final form has not been run through on the
# Clang sanitizer build (docs/testing.md). -DPERFBUDGET_ALLOC_FAILURE_TEST=ON.
option(PERFBUDGET_ALLOC_FAILURE_TEST "Build and register the allocation-failure test" OFF)
if(NOT PERFBUDGET_ALLOC_FAILURE_TEST)
  return()
endif()
add_executable(perfbudget_alloc_failure_tests
  ${CMAKE_CURRENT_LIST_DIR}/alloc_failure/alloc_failure_test.cc)
target_link_libraries(perfbudget_alloc_failure_tests PRIVATE perfbudget_static GTest::gtest_main
  ${CMAKE_DL_LIBS})
# Clang links its sanitizer runtimes statically, whole-archive, with their
# own operator new: the dynamic runtime lets this test's replacement win.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND
   (PERFBUDGET_SANITIZE OR CMAKE_CXX_FLAGS MATCHES "-fsanitize="))
  target_link_options(perfbudget_alloc_failure_tests PRIVATE -shared-libsan)
endif()
# Its own symbols visible to dladdr (the test recognises Abseil's hash tables
# on the stack by name).
set_target_properties(perfbudget_alloc_failure_tests PROPERTIES ENABLE_EXPORTS ON)
target_compile_definitions(perfbudget_alloc_failure_tests PRIVATE
  PERFBUDGET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(perfbudget_alloc_failure_tests TEST_PREFIX "alloc_failure." DISCOVERY_TIMEOUT 60)
