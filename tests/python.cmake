# Python binding tests: pytest over bindings/python/tests, against the shared
# library just built (PERFBUDGET_LIBRARY). Uses the system Python (Debian's
# python3-pytest), not any pyenv interpreter on PATH.
set(PERFBUDGET_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with pytest for the binding tests")
if(EXISTS ${PERFBUDGET_PYTHON})
  add_test(NAME python_binding
    COMMAND ${PERFBUDGET_PYTHON} -m pytest -q -p no:cacheprovider bindings/python/tests
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set(PERFBUDGET_PYTHON_ENV "PERFBUDGET_LIBRARY=$<TARGET_FILE:perfbudget_shared>;PYTHONDONTWRITEBYTECODE=1")
  if(PERFBUDGET_SANITIZE)
    # An instrumented library inside an uninstrumented interpreter: the ASan
    # runtime must be loaded first; CPython's own allocations are not ours to
    # leak-check.
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
      OUTPUT_VARIABLE PERFBUDGET_LIBASAN OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libubsan.so
      OUTPUT_VARIABLE PERFBUDGET_LIBUBSAN OUTPUT_STRIP_TRAILING_WHITESPACE)
    list(APPEND PERFBUDGET_PYTHON_ENV
      "LD_PRELOAD=${PERFBUDGET_LIBASAN}:${PERFBUDGET_LIBUBSAN}"
      "ASAN_OPTIONS=detect_leaks=0")
  endif()
  set_tests_properties(python_binding PROPERTIES ENVIRONMENT "${PERFBUDGET_PYTHON_ENV}")
endif()

# Packaging: a wheel built offline bundling the library, installed and
# imported from outside the source tree (tests/python_package). Needs
# Debian's python3-pip, python3-setuptools and python3-wheel (scripts/deps.sh).
if(EXISTS ${PERFBUDGET_PYTHON} AND NOT PERFBUDGET_SANITIZE)
  add_test(NAME python_package
    COMMAND ${CMAKE_COMMAND}
      -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
      -DWORK_DIR=${PROJECT_BINARY_DIR}/python-package-test
      -DPYTHON=${PERFBUDGET_PYTHON}
      -DLIBRARY=$<TARGET_FILE:perfbudget_shared>
      -P ${PROJECT_SOURCE_DIR}/tests/python_package/run_package_test.cmake)
  set_tests_properties(python_package PROPERTIES TIMEOUT 300)
endif()
