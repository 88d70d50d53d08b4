# run_twice.cmake: every command and every --format of the perfbudget CLI,
# run twice in separate processes on the same input, must write
# byte-identical output (stdout, stderr, exit code, files written).
#
#   cmake -DCLI=<perfbudget> -DSRC=<source dir> -DTMP=<scratch> -DDATA=<dataset|synth>
#         -P tests/determinism/run_twice.cmake
#
# DATA is a dataset path relative to SRC, or "synth": a synthetic dataset made
# first by `perfbudget synth` (itself checked the same way: same seed, same
# bytes). The library loads and analyses on one thread today; when loading
# gains threads, this script gets a --threads loop.
cmake_minimum_required(VERSION 3.25)
foreach(v CLI SRC TMP DATA)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_twice.cmake: -D${v}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${TMP}")
file(MAKE_DIRECTORY "${TMP}/1" "${TMP}/2")
set(failures "")

# run(<name> <args>...): runs the CLI twice, each time in that run's own
# folder (@OUT@ in an argument: "."; so messages naming outputs are the same),
# keeping stdout, stderr and the exit code there; the folders are compared
# at the end.
function(run name)
  foreach(k 1 2)
    set(args "")
    foreach(a IN LISTS ARGN)
      string(REPLACE "@OUT@" "." a "${a}")
      list(APPEND args "${a}")
    endforeach()
    execute_process(COMMAND "${CLI}" ${args} WORKING_DIRECTORY "${TMP}/${k}"
      OUTPUT_FILE "${TMP}/${k}/${name}.out" ERROR_FILE "${TMP}/${k}/${name}.err"
      RESULT_VARIABLE code)
    file(WRITE "${TMP}/${k}/${name}.code" "${code}\n")
  endforeach()
  file(READ "${TMP}/1/${name}.code" c1)
  if(NOT c1 MATCHES "^[0-9]+\n$")
    string(APPEND failures "${name}: did not exit normally: ${c1}")
  endif()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()

if(DATA STREQUAL "synth")
  run(synth synth --seed 20221231 --units 7 --projects 120 --year 2022 -o @OUT@/synth.json)
  set(data "${TMP}/1/synth.json")
  set(csv_data "${TMP}/1/synth_csv")
  execute_process(COMMAND "${CLI}" convert "${data}" --to csv "${csv_data}"
    RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "run_twice.cmake: cannot make ${csv_data}")
  endif()
  set(as_of 2022-09-30)
else()
  set(data "${SRC}/${DATA}")
  set(csv_data "")
  set(as_of 2022-08-31)
endif()

foreach(lang zh en)
  foreach(fmt text json)
    run(check_${fmt}_${lang} check --format ${fmt} --lang ${lang} "${data}")
  endforeach()
  foreach(fmt text json csv)
    run(summary_${fmt}_${lang} summary --format ${fmt} --lang ${lang} --as-of ${as_of} "${data}")
    run(review_${fmt}_${lang} review --all --format ${fmt} --lang ${lang} "${data}")
    run(monitor_${fmt}_${lang} monitor --format ${fmt} --lang ${lang} --as-of ${as_of}
        --chart @OUT@/chart_${fmt}_${lang}.svg "${data}")
    run(reclaim_${fmt}_${lang} reclaim --format ${fmt} --lang ${lang} --as-of ${as_of} "${data}")
  endforeach()
endforeach()
run(convert_json convert "${data}" -)
run(convert_csv convert "${data}" --to csv @OUT@/csv)
run(convert_csv_gb convert "${data}" --to csv --out-encoding gb18030 --bom @OUT@/csv_gb)
run(policy_show policy show suma-park)
if(csv_data)
  run(summary_csv_folder summary --format json --as-of ${as_of} "${csv_data}")
  run(review_csv_folder review --format json "${csv_data}")
endif()

# Both runs' folders must hold the same files, byte for byte.
file(GLOB_RECURSE f1 RELATIVE "${TMP}/1" "${TMP}/1/*")
file(GLOB_RECURSE f2 RELATIVE "${TMP}/2" "${TMP}/2/*")
list(FILTER f1 EXCLUDE REGEX "^synth_csv/")  # made once, outside the runs
list(SORT f1)
list(SORT f2)
if(NOT f1 STREQUAL f2)
  string(APPEND failures "the two runs wrote different files:\n  ${f1}\n  ${f2}\n")
else()
  list(LENGTH f1 n)
  foreach(f IN LISTS f1)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${TMP}/1/${f}" "${TMP}/2/${f}"
      RESULT_VARIABLE r)
    if(NOT r EQUAL 0)
      string(APPEND failures "differs between runs: ${f}\n")
    endif()
  endforeach()
endif()
if(failures)
  message(FATAL_ERROR "output is not deterministic:\n${failures}")
endif()
message(STATUS "${n} files identical across two runs")
