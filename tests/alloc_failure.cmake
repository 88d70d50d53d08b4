# alloc_failure.cmake: the allocation-failure test (tests/alloc_failure/):
# its own binary, because it replaces the global operator new / delete to
# make the N-th allocation fail (SQLite's technique). Built where
# PERFBUDGET_ALLOC_FAILURE_TEST is on: the asan preset (CI's sanitizer suite),
# where LeakSanitizer also checks at exit that no failure leaked. It makes a
# few thousand whole runs (about a minute there), so the release suite does
# not repeat it.
option(PERFBUDGET_ALLOC_FAILURE_TEST "Build and register the allocation-failure test" OFF)
if(NOT PERFBUDGET_ALLOC_FAILURE_TEST)
  return()
endif()
add_executable(perfbudget_alloc_failure_tests
  ${CMAKE_CURRENT_LIST_DIR}/alloc_failure/alloc_failure_test.cc)
target_link_libraries(perfbudget_alloc_failure_tests PRIVATE perfbudget_static GTest::gtest_main)
# Clang links its sanitizer runtimes statically, whole-archive, with their
# own operator new: the dynamic runtime lets this test's replacement win
# (the asan preset links every program so already).
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND
   (PERFBUDGET_SANITIZE OR CMAKE_CXX_FLAGS MATCHES "-fsanitize="))
  target_link_options(perfbudget_alloc_failure_tests PRIVATE -shared-libsan)
endif()
# malloc made to fail too (the test defines __wrap_malloc): calls from the
# objects linked into the test, the library's archive included.
target_link_options(perfbudget_alloc_failure_tests PRIVATE -Wl,--wrap=malloc)
target_compile_definitions(perfbudget_alloc_failure_tests PRIVATE
  PERFBUDGET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
# COST: started first by `ctest -j` (the longest tests of the sanitizer
# suite; tests/CMakeLists.txt, "Long tests first").
gtest_discover_tests(perfbudget_alloc_failure_tests TEST_PREFIX "alloc_failure." DISCOVERY_TIMEOUT 60
  PROPERTIES LABELS alloc_failure COST 100)
