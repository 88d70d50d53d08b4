# alloc_failure.cmake: the allocation-failure test (tests/alloc_failure/):
# its own binary, because it replaces the global operator new / delete to
# make the N-th allocation fail (SQLite's technique). In every suite; under
# the asan preset LeakSanitizer also checks that no failure leaks.
add_executable(perfbudget_alloc_failure_tests
  ${CMAKE_CURRENT_LIST_DIR}/alloc_failure/alloc_failure_test.cc)
target_link_libraries(perfbudget_alloc_failure_tests PRIVATE perfbudget_static GTest::gtest_main)
target_compile_definitions(perfbudget_alloc_failure_tests PRIVATE
  PERFBUDGET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(perfbudget_alloc_failure_tests TEST_PREFIX "alloc_failure." DISCOVERY_TIMEOUT 60)
