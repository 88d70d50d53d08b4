# cli.cmake: golden-file tests of the perfbudget command-line tool.
#
# Each case runs the built CLI (in the source folder, so paths in messages are
# stable) and compares stdout, stderr and exit codes with
# tests/cli/golden/<case>.{out,err,code}. Regenerate after an intended change:
#   PERFBUDGET_UPDATE_GOLDENS=1 ctest --test-dir build/<name> -R '^cli\.'
# then review `git diff tests/cli/golden`.
if(NOT TARGET perfbudget_cli)
  return()
endif()

set(PERFBUDGET_CLI_RUNNER ${CMAKE_CURRENT_LIST_DIR}/cli/run_golden.cmake)

# perfbudget_cli_golden(<case> <step>...): a step is one command line with its
# arguments separated by '|' (see tests/cli/run_golden.cmake).
function(perfbudget_cli_golden name)
  list(JOIN ARGN "@@" steps)
  add_test(NAME cli.${name}
    COMMAND ${CMAKE_COMMAND}
      -DCLI=$<TARGET_FILE:perfbudget_cli>
      -DSRC=${PROJECT_SOURCE_DIR}
      -DTMP=${CMAKE_CURRENT_BINARY_DIR}/cli_golden_tmp/${name}
      -DNAME=${name}
      "-DSTEPS=${steps}"
      -P ${PERFBUDGET_CLI_RUNNER})
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()

set(small tests/cli/data/small.json)
set(suma examples/suma-park-2022/dataset.json)
# The bundled example is part of the suite (docs/testing.md): its cases are
# registered whether or not it is there, so a missing example fails them
# (and this test says why) instead of shrinking the suite.
add_test(NAME bundled_example_present
  COMMAND /bin/sh -c "rc=0; for y in 2021 2022 2023; do f=examples/suma-park-$y/dataset.json; \
test -f $f || { echo \"$f is missing: the bundled example is required (golden tests, \
tests/cpp/*_example*_test.cc and pytest cases read it); restore it from git \
(git checkout -- examples/) or regenerate it with scripts/make_suma_example.py\" >&2; rc=1; }; done; exit $rc"
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# check
perfbudget_cli_golden(check_clean "check|${small}")
perfbudget_cli_golden(check_clean_en_json "check|--lang|en|--format|json|${small}")
perfbudget_cli_golden(check_bad "check|tests/cli/data/bad.json")
perfbudget_cli_golden(check_bad_en "check|--lang|en|--max-errors|2|tests/cli/data/bad.json")
perfbudget_cli_golden(check_bad_json "check|--format|json|tests/cli/data/bad.json")
perfbudget_cli_golden(check_syntax "check|tests/cli/data/syntax.json")
perfbudget_cli_golden(check_missing_file "check|tests/cli/data/no-such-file.json")

# summary
perfbudget_cli_golden(summary_text_zh "summary|${small}")
perfbudget_cli_golden(summary_text_en "summary|--lang|en|--as-of|2022-08-31|${small}")
perfbudget_cli_golden(summary_text_yuan "summary|--unit|元|--as-of|2022-12-31|${small}")
perfbudget_cli_golden(summary_json "summary|--format|json|--as-of|2022-08-31|${small}")
perfbudget_cli_golden(summary_csv_zh "summary|--format|csv|--as-of|2022-08-31|${small}")
perfbudget_cli_golden(summary_csv_en "summary|--format|csv|--lang|en|--unit|元|${small}")
perfbudget_cli_golden(summary_global_options_first "--lang|en|--format|csv|summary|${small}")
perfbudget_cli_golden(summary_as_of_outside_year "summary|--as-of|2023-01-01|${small}")
perfbudget_cli_golden(summary_bad_date "summary|--as-of|2022-02-30|${small}")
perfbudget_cli_golden(summary_json_latest_disbursement "summary|--format|json|${small}")
perfbudget_cli_golden(summary_bad_input "summary|tests/cli/data/bad.json")
perfbudget_cli_golden(summary_suma_park "summary|--as-of|2022-08-31|${suma}")
perfbudget_cli_golden(summary_suma_park_en_json "summary|--as-of|2022-08-31|--format|json|--lang|en|${suma}")
# Without --as-of: the example's own as_of (2022-08-31), given as its folder.
perfbudget_cli_golden(summary_suma_park_default_as_of "summary|examples/suma-park-2022")
perfbudget_cli_golden(summary_suma_park_default_as_of_en_json
  "summary|--format|json|--lang|en|examples/suma-park-2022")
perfbudget_cli_golden(monitor_suma_default_as_of_unit_text "monitor|--level|unit|${suma}")
perfbudget_cli_golden(reclaim_suma_default_as_of_en_text "reclaim|--lang|en|${suma}")

# convert
perfbudget_cli_golden(convert_json_stdout "convert|${small}|-")
perfbudget_cli_golden(convert_round_trip
  "convert|${small}|@TMP@/direct.json"
  "convert|${small}|--to|csv|@TMP@/csv"
  "convert|@TMP@/csv|@TMP@/back.json"
  "@cmp|@TMP@/direct.json|@TMP@/back.json"
  "convert|@TMP@/back.json|--to|csv|@TMP@/csv2"
  "@cmpdir|@TMP@/csv|@TMP@/csv2"
  "summary|--format|csv|@TMP@/csv")
perfbudget_cli_golden(convert_no_overwrite
  "convert|${small}|@TMP@/a.json"
  "convert|${small}|@TMP@/a.json"
  "convert|${small}|@TMP@/a.json|--force")
perfbudget_cli_golden(convert_gb18030_bom
  "convert|${small}|--to|csv|--out-encoding|gb18030|@TMP@/gb"
  "summary|--encoding|gb18030|--format|csv|@TMP@/gb"
  "convert|${small}|--to|csv|--bom|@TMP@/bom"
  "convert|@TMP@/bom|@TMP@/bom.json"
  "convert|${small}|@TMP@/direct.json"
  "@cmp|@TMP@/direct.json|@TMP@/bom.json")
perfbudget_cli_golden(convert_round_trip_suma_park
  "convert|${suma}|@TMP@/direct.json"
  "convert|${suma}|@TMP@/csv"
  "convert|@TMP@/csv|@TMP@/back.json"
  "@cmp|@TMP@/direct.json|@TMP@/back.json"
  "summary|--format|csv|--as-of|2022-08-31|@TMP@/csv")
perfbudget_cli_golden(convert_bad_input "convert|tests/cli/data/bad.json|@TMP@/x.json")
perfbudget_cli_golden(convert_csv_to_stdout "convert|${small}|--to|csv|-")

# synth
perfbudget_cli_golden(synth_stdout
  "synth|--seed|7|--units|2|--projects|3|--indicators-per-goal|3|--disbursements-per-project|2|-o|-")
perfbudget_cli_golden(synth_deterministic
  "synth|--seed|42|--units|5|--projects|60|@TMP@/a.json"
  "synth|--seed|42|--units|5|--projects|60|@TMP@/b.json"
  "@cmp|@TMP@/a.json|@TMP@/b.json"
  "synth|--seed|42|--units|5|--projects|60|--to|csv|@TMP@/a_csv"
  "synth|--seed|42|--units|5|--projects|60|--to|csv|@TMP@/b_csv"
  "@cmpdir|@TMP@/a_csv|@TMP@/b_csv"
  "check|@TMP@/a_csv"
  "summary|--format|csv|--lang|en|@TMP@/a.json")
perfbudget_cli_golden(synth_bad_option "synth|--seed|1|--units|0|--projects|3|-o|-")

# monitor / reclaim on the bundled example at 2022-08-31 (docs/monitoring.md)
foreach(cmd monitor reclaim)
  perfbudget_cli_golden(${cmd}_suma_text_zh "${cmd}|--as-of|2022-08-31|${suma}")
  perfbudget_cli_golden(${cmd}_suma_text_en "${cmd}|--as-of|2022-08-31|--lang|en|${suma}")
  perfbudget_cli_golden(${cmd}_suma_json "${cmd}|--as-of|2022-08-31|--format|json|${suma}")
  perfbudget_cli_golden(${cmd}_suma_csv "${cmd}|--as-of|2022-08-31|--format|csv|${suma}")
  perfbudget_cli_golden(${cmd}_as_of_outside_year "${cmd}|--as-of|2023-01-01|${suma}")
  # Without --as-of: the dataset's as_of; a dataset without one is a usage error.
  perfbudget_cli_golden(${cmd}_suma_default_as_of "${cmd}|--format|csv|${suma}")
  perfbudget_cli_golden(${cmd}_no_as_of "${cmd}|${small}")
endforeach()
# --chart: written twice byte-identical; then parsed as XML by a second test.
perfbudget_cli_golden(monitor_chart
  "monitor|--as-of|2022-08-31|--level|unit|--chart|@TMP@/chart.svg|${suma}"
  "monitor|--as-of|2022-08-31|--level|unit|--chart|@TMP@/again.svg|${suma}"
  "@cmp|@TMP@/chart.svg|@TMP@/again.svg")
set_tests_properties(cli.monitor_chart PROPERTIES FIXTURES_SETUP monitor_chart)
add_test(NAME cli.monitor_chart_xml
  COMMAND /usr/bin/python3 -c
    "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == 'svg'"
    ${CMAKE_CURRENT_BINARY_DIR}/cli_golden_tmp/monitor_chart/chart.svg)
set_tests_properties(cli.monitor_chart_xml PROPERTIES FIXTURES_REQUIRED monitor_chart LABELS cli)

# bad command lines: exit 2 with CLI11's message
perfbudget_cli_golden(usage_unknown_flag "summary|--bogus|${small}")
perfbudget_cli_golden(usage_unknown_subcommand "frobnicate")
perfbudget_cli_golden(usage_missing_data "summary")
perfbudget_cli_golden(usage_bad_format "check|--format|csv|${small}")
perfbudget_cli_golden(usage_bad_format_global "--format|csv|check|${small}")
# convert and synth write a dataset in the form --to says: --format is ignored
# (README.md), so the output is the same as without it.
perfbudget_cli_golden(convert_format_ignored
  "convert|${small}|@TMP@/plain.json"
  "--format|csv|convert|${small}|@TMP@/with_format.json"
  "@cmp|@TMP@/plain.json|@TMP@/with_format.json")
perfbudget_cli_golden(usage_no_subcommand "--lang|en")

# Unit tests of the CLI's shared output helpers (cli/output.cc).
add_executable(perfbudget_cli_output_tests
  ${CMAKE_CURRENT_LIST_DIR}/cli/output_test.cc ${PROJECT_SOURCE_DIR}/cli/output.cc)
target_include_directories(perfbudget_cli_output_tests PRIVATE ${PROJECT_SOURCE_DIR}/cli)
target_link_libraries(perfbudget_cli_output_tests PRIVATE perfbudget_static CLI11::CLI11
  GTest::gtest_main)
gtest_discover_tests(perfbudget_cli_output_tests DISCOVERY_TIMEOUT 60)

# Integration polish (docs/cli.md): an unknown command is a usage error even
# with --help; CLI11's own errors carry the tool's prefix; --chart does not
# replace a file without --force; --exit-zero for set -e scripts.
perfbudget_cli_golden(usage_unknown_command "frobnicate|${small}")
perfbudget_cli_golden(usage_unknown_command_help "frobnicate|--help")
perfbudget_cli_golden(usage_unknown_command_after_options "--lang|en|frobnicate|--help")
perfbudget_cli_golden(usage_cli11_error_prefixed "summary")
perfbudget_cli_golden(monitor_chart_no_overwrite
  "monitor|--level|unit|--chart|@TMP@/c.svg|${suma}"
  "monitor|--level|unit|--chart|@TMP@/c.svg|${suma}"
  "monitor|--level|unit|--chart|@TMP@/c.svg|--force|${suma}")
perfbudget_cli_golden(monitor_exit_zero "monitor|--level|unit|--exit-zero|${suma}")
perfbudget_cli_golden(review_unknown_policy_lists_builtins "review|--policy|nosuch|${small}")
# "-" reads a JSON dataset from standard input, wherever DATA is taken; a
# broken one is reported as <stdin> (exit 3).
add_test(NAME cli.data_from_stdin
  COMMAND sh -c "set -e
    out=$(\"$1\" summary --format csv --as-of 2022-08-31 - < \"$2\")
    file=$(\"$1\" summary --format csv --as-of 2022-08-31 \"$2\")
    [ \"$out\" = \"$file\" ]
    echo '{\"format\":' | \"$1\" check - 2> \"$3\" && exit 1 || rc=$?
    [ \"$rc\" = 3 ] && grep -q '<stdin>:2:1' \"$3\"
    echo stdin ok" sh $<TARGET_FILE:perfbudget_cli> ${PROJECT_SOURCE_DIR}/${suma}
    ${CMAKE_CURRENT_BINARY_DIR}/stdin_check.err)
set_tests_properties(cli.data_from_stdin PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION "stdin ok")
