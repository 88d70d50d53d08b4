# cli_threads.cmake: `--threads 1` and `--threads 4` give byte-identical
# output for the commands that load a dataset (tests/cli/threads_same_output.sh).
if(NOT TARGET perfbudget_cli)
  return()
endif()
add_test(NAME cli.threads_same_output
  COMMAND /bin/sh ${PROJECT_SOURCE_DIR}/tests/cli/threads_same_output.sh
          $<TARGET_FILE:perfbudget_cli> ${CMAKE_CURRENT_BINARY_DIR}/cli_threads_tmp
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.threads_same_output PROPERTIES LABELS cli)
