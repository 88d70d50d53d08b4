# cli_evaluation.cmake: golden-file tests of `perfbudget evaluate` (单位自评)
# and `perfbudget results` (结果应用), on tests/cli/data/selfeval.json (FY2021
# with year-end actuals) and the bundled example. Same runner and update
# procedure as tests/cli.cmake (PERFBUDGET_UPDATE_GOLDENS=1).
if(NOT TARGET perfbudget_cli OR NOT COMMAND perfbudget_cli_golden)
  return()
endif()

set(selfeval tests/cli/data/selfeval.json)

# evaluate
perfbudget_cli_golden(evaluate_text_zh "evaluate|${selfeval}")
perfbudget_cli_golden(evaluate_text_en "evaluate|--lang|en|${selfeval}")
perfbudget_cli_golden(evaluate_json_en "evaluate|--format|json|--lang|en|${selfeval}")
perfbudget_cli_golden(evaluate_csv_zh "evaluate|--format|csv|${selfeval}")
# The evaluation date cuts actuals: P001's 2022-01-20 actuals no longer count.
perfbudget_cli_golden(evaluate_as_of_en "evaluate|--lang|en|--as-of|2021-12-31|${selfeval}")
perfbudget_cli_golden(evaluate_bad_date "evaluate|--as-of|2021-02-30|${selfeval}")
perfbudget_cli_golden(evaluate_bad_format "evaluate|--format|xml|${selfeval}")
perfbudget_cli_golden(evaluate_bad_input "evaluate|tests/cli/data/bad.json")
perfbudget_cli_golden(evaluate_bad_policy "evaluate|--policy|no-such-policy|${selfeval}")

# results
perfbudget_cli_golden(results_text_zh "results|${selfeval}")
perfbudget_cli_golden(results_text_en "results|--lang|en|--unit|元|${selfeval}")
perfbudget_cli_golden(results_json "results|--format|json|${selfeval}")
perfbudget_cli_golden(results_csv_en "results|--format|csv|--lang|en|${selfeval}")
perfbudget_cli_golden(results_bad_input "results|tests/cli/data/bad.json")

if(EXISTS ${PROJECT_SOURCE_DIR}/examples/suma-park-2022/dataset.json)
  perfbudget_cli_golden(results_suma_park "results|examples/suma-park-2022/dataset.json")
endif()

# The three-year example: F2–F4 (FY2021 scored, its self-evaluations recorded
# in FY2022) and F26 (FY2022 evaluations → the FY2023 budget as approved).
if(EXISTS ${PROJECT_SOURCE_DIR}/examples/suma-park-2021/dataset.json
   AND EXISTS ${PROJECT_SOURCE_DIR}/examples/suma-park-2023/dataset.json)
  perfbudget_cli_golden(evaluate_suma_2021
    "evaluate|examples/suma-park-2021|--reports|examples/suma-park-2022")
  perfbudget_cli_golden(evaluate_suma_2021_json_en
    "evaluate|--format|json|--lang|en|examples/suma-park-2021|--reports|examples/suma-park-2022")
  perfbudget_cli_golden(results_suma_next_year
    "results|examples/suma-park-2022|--next|examples/suma-park-2023")
  perfbudget_cli_golden(results_suma_next_year_json
    "results|--format|json|examples/suma-park-2022|--next|examples/suma-park-2023")
endif()

# A policy file changes the sections: tolerance 10 (P001's +6.6 no longer
# flagged), 部分达成 60%, 中 cut 20%, self-evaluations applied; a flag off.
perfbudget_cli_golden(evaluate_policy_file
  "evaluate|--lang|en|--policy|tests/cli/data/selfeval-policy.json|${selfeval}")
perfbudget_cli_golden(results_policy_file
  "results|--lang|en|--policy|tests/cli/data/selfeval-policy.json|${selfeval}")
