# run_golden.cmake: runs the perfbudget CLI for one golden test and compares
# stdout, stderr and exit codes with tests/cli/golden/<NAME>.{out,err,code}.
#
#   cmake -DCLI=<perfbudget> -DSRC=<source dir> -DTMP=<scratch dir> -DNAME=<case>
#         -DSTEPS="<step>@@<step>..." -P tests/cli/run_golden.cmake
#
# A step is a command line with arguments separated by '|'; it runs in SRC.
# "@TMP@" in an argument is the scratch folder (emptied first, shown as @TMP@ in
# goldens). Special steps:
#   @cmp|A|B       the files A and B must be byte-identical
#   @cmpdir|A|B    the folders A and B must hold the same files, byte-identical
#   @mkfifo|P      makes a FIFO (named pipe) at P, for tests of refused inputs
# With the environment variable PERFBUDGET_UPDATE_GOLDENS=1 the goldens are
# (re)written instead of compared (docs/cli.md).
cmake_minimum_required(VERSION 3.25)
foreach(v CLI SRC TMP NAME STEPS)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_golden.cmake: -D${v}=... is required")
  endif()
endforeach()

set(golden_dir "${SRC}/tests/cli/golden")
set(run "${TMP}.run")  # captured output, kept beside the scratch folder
file(REMOVE_RECURSE "${TMP}" "${run}")
file(MAKE_DIRECTORY "${TMP}" "${run}")

# Output is captured in files (OUTPUT_FILE keeps bytes exactly, CRLF included;
# OUTPUT_VARIABLE would not) and concatenated with `cmake -E cat`.
set(out_files "")
set(err_files "")
set(all_code "")
set(failures "")
set(i 0)
string(REPLACE "@@" ";" steps "${STEPS}")
foreach(step IN LISTS steps)
  string(REPLACE "@TMP@" "${TMP}" step "${step}")
  string(REPLACE "|" ";" args "${step}")
  list(GET args 0 first)
  if(first STREQUAL "@cmp")
    list(GET args 1 a)
    list(GET args 2 b)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${a}" "${b}" RESULT_VARIABLE r)
    if(NOT r EQUAL 0)
      string(APPEND failures "files differ: ${a} ${b}\n")
    endif()
    continue()
  endif()
  if(first STREQUAL "@mkfifo")
    list(GET args 1 p)
    execute_process(COMMAND mkfifo "${p}" RESULT_VARIABLE r)
    if(NOT r EQUAL 0)
      string(APPEND failures "cannot make a FIFO at ${p}\n")
    endif()
    continue()
  endif()
  if(first STREQUAL "@cmpdir")
    list(GET args 1 a)
    list(GET args 2 b)
    file(GLOB_RECURSE fa RELATIVE "${a}" "${a}/*")
    file(GLOB_RECURSE fb RELATIVE "${b}" "${b}/*")
    list(SORT fa)
    list(SORT fb)
    if(fa STREQUAL "")
      string(APPEND failures "folder is empty or missing: ${a}\n")
    elseif(NOT fa STREQUAL fb)
      string(APPEND failures "folders hold different files: ${a} (${fa}) ${b} (${fb})\n")
    else()
      foreach(f IN LISTS fa)
        execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${a}/${f}" "${b}/${f}"
                        RESULT_VARIABLE r)
        if(NOT r EQUAL 0)
          string(APPEND failures "files differ: ${a}/${f} ${b}/${f}\n")
        endif()
      endforeach()
    endif()
    continue()
  endif()
  math(EXPR i "${i} + 1")
  execute_process(COMMAND "${CLI}" ${args}
                  WORKING_DIRECTORY "${SRC}"
                  OUTPUT_FILE "${run}/${i}.out" ERROR_FILE "${run}/${i}.err"
                  RESULT_VARIABLE code)
  list(APPEND out_files "${run}/${i}.out")
  list(APPEND err_files "${run}/${i}.err")
  string(APPEND all_code "${code}\n")
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -E cat ${out_files} OUTPUT_FILE "${run}/actual.out")
execute_process(COMMAND ${CMAKE_COMMAND} -E cat ${err_files} OUTPUT_FILE "${run}/actual.err")
file(WRITE "${run}/actual.code" "${all_code}")
# The scratch folder's path is machine-specific: show it as @TMP@. (Only files
# that mention it are rewritten, as file(READ) drops carriage returns.)
foreach(kind out err)
  file(READ "${run}/actual.${kind}" text)
  string(FIND "${text}" "${TMP}" at)
  if(NOT at EQUAL -1)
    string(REPLACE "${TMP}" "@TMP@" text "${text}")
    file(WRITE "${run}/actual.${kind}" "${text}")
  endif()
endforeach()

if("$ENV{PERFBUDGET_UPDATE_GOLDENS}" STREQUAL "1")
  foreach(kind out err code)
    file(COPY_FILE "${run}/actual.${kind}" "${golden_dir}/${NAME}.${kind}")
  endforeach()
  message(STATUS "updated goldens for ${NAME}")
else()
  foreach(kind out err code)
    set(golden_file "${golden_dir}/${NAME}.${kind}")
    if(NOT EXISTS "${golden_file}")
      string(APPEND failures "missing golden ${golden_file} (run with PERFBUDGET_UPDATE_GOLDENS=1)\n")
      continue()
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${golden_file}" "${run}/actual.${kind}"
                    RESULT_VARIABLE r)
    if(NOT r EQUAL 0)
      execute_process(COMMAND diff -u "${golden_file}" "${run}/actual.${kind}"
                      OUTPUT_VARIABLE d ERROR_QUIET)
      string(APPEND failures "${NAME}.${kind} differs from the golden:\n${d}\n")
    endif()
  endforeach()
endif()

if(NOT failures STREQUAL "")
  message(FATAL_ERROR "golden test ${NAME} failed:\n${failures}")
endif()
