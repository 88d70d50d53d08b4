# Python binding tests: pytest over bindings/python/tests, against the shared
# library just built (PERFBUDGET_LIBRARY). Uses the system Python (Debian's
# python3-pytest), not any pyenv interpreter on PATH.
set(PERFBUDGET_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with pytest for the binding tests")
if(EXISTS ${PERFBUDGET_PYTHON})
  add_test(NAME python_binding
    COMMAND ${PERFBUDGET_PYTHON} -m pytest -q -p no:cacheprovider bindings/python/tests
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(python_binding PROPERTIES
    ENVIRONMENT "PERFBUDGET_LIBRARY=$<TARGET_FILE:perfbudget_shared>;PYTHONDONTWRITEBYTECODE=1")
endif()
