# concurrency.cmake: many threads sharing one dataset and one policy, through
# the C++ API and the C ABI (tests/concurrency/). Its own binary so that the
# `tsan` preset (ThreadSanitizer) builds only it: ctest --preset tsan.
find_package(Threads REQUIRED)
add_executable(perfbudget_concurrency_tests ${CMAKE_CURRENT_LIST_DIR}/concurrency/concurrency_test.cc)
target_link_libraries(perfbudget_concurrency_tests PRIVATE perfbudget_static GTest::gtest_main
  Threads::Threads)
target_compile_definitions(perfbudget_concurrency_tests PRIVATE
  PERFBUDGET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
# Test names "concurrency.<Suite>.<Test>": the tsan test preset's filter.
gtest_discover_tests(perfbudget_concurrency_tests TEST_PREFIX "concurrency." DISCOVERY_TIMEOUT 60
  PROPERTIES ENVIRONMENT "PERFBUDGET_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
