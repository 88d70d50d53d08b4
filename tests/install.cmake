# Install test: install into a temporary prefix, then configure, build and run
# a consumer that uses find_package(perfbudget) (C++ API, static) and the
# pkg-config file (C API, shared).
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
    -P ${PROJECT_SOURCE_DIR}/tests/install/run_install_test.cmake)
set_tests_properties(install_find_package PROPERTIES TIMEOUT 600)
