# Install test: install into a temporary prefix (not /usr/local), then build
# and run consumers: C++ with find_package (static), C with pkg-config (shared
# and static) and C with find_package(perfbudget COMPONENTS C) without Abseil
# or simdjson (tests/install/run_install_test.cmake).
# Packaging is checked on the regular builds; a sanitizer build's static
# library cannot be linked by an uninstrumented consumer.
if(PERFBUDGET_SANITIZE)
  return()
endif()
add_test(NAME install_find_package
  COMMAND ${CMAKE_COMMAND}
    -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
    -DBUILD_DIR=${PROJECT_BINARY_DIR}
    -DWORK_DIR=${PROJECT_BINARY_DIR}/install-test
    -DC_COMPILER=${CMAKE_C_COMPILER}
    -DPYTHON=/usr/bin/python3
    -DBUILD_TYPE=${CMAKE_BUILD_TYPE}
    -P ${PROJECT_SOURCE_DIR}/tests/install/run_install_test.cmake)
set_tests_properties(install_find_package PROPERTIES TIMEOUT 600)
