# determinism.cmake: the same input gives byte-identical output, every command
# and every --format, across separate processes (tests/determinism/run_twice.cmake),
# on the bundled example and on a synthetic dataset.
# Release suite only: a byte comparison gains nothing under the sanitizers,
# which run the CLI's ~70 processes here many times slower.
if(NOT TARGET perfbudget_cli OR PERFBUDGET_SANITIZE)
  return()
endif()
foreach(data examples/suma-park-2022/dataset.json synth)
  string(REGEX REPLACE "[^A-Za-z0-9]+" "_" name "${data}")
  add_test(NAME determinism.${name}
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:perfbudget_cli> -DSRC=${PROJECT_SOURCE_DIR}
      -DTMP=${CMAKE_CURRENT_BINARY_DIR}/determinism_tmp/${name} -DDATA=${data}
      -P ${CMAKE_CURRENT_LIST_DIR}/determinism/run_twice.cmake)
  set_tests_properties(determinism.${name} PROPERTIES LABELS cli)
endforeach()
