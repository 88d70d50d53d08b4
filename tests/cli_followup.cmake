# cli_followup.cmake: golden-file tests of the evaluation follow-up commands
# `perfbudget coverage`, `rectification` and `disclosure` on the example's
# three years (goldens in tests/cli/golden/{coverage,rectification,disclosure}_*).
# Regenerate after an intended change:
#   PERFBUDGET_UPDATE_GOLDENS=1 ctest --test-dir build/<name> -R '^cli\.(coverage|rectification|disclosure)_'
if(NOT COMMAND perfbudget_cli_golden)
  return()
endif()

set(y21 examples/suma-park-2021/dataset.json)
set(y22 examples/suma-park-2022/dataset.json)
set(y23 examples/suma-park-2023/dataset.json)
if(EXISTS ${PROJECT_SOURCE_DIR}/${y23})
  # F8: the FY2023 plan with 2021 and 2022 as history (F5–F7 in its history table).
  perfbudget_cli_golden(coverage_suma_2023 "coverage|${y23}|--history|${y21}|--history|${y22}")
  perfbudget_cli_golden(coverage_suma_2023_en_json
    "coverage|--lang|en|--format|json|${y23}|--history|${y21}|--history|${y22}")
  perfbudget_cli_golden(coverage_suma_2023_csv "coverage|--format|csv|${y23}|--history|${y21}|--history|${y22}")
  # F5–F7 as of 2022: 8 key projects (6200 万元) and 2 units in 2022, 5 in 2021.
  perfbudget_cli_golden(coverage_suma_2022_en "coverage|--lang|en|${y22}|--history|${y21}")
  # Half the even pace cannot keep the rule: breaches, exit 1.
  perfbudget_cli_golden(coverage_suma_2023_tight
    "coverage|--max-projects|3|--lang|en|${y23}|--history|${y21}|--history|${y22}")
  perfbudget_cli_golden(coverage_bad_horizon "coverage|--horizon|0|${y23}")
  perfbudget_cli_golden(coverage_bad_max_amount "coverage|--max-amount|abc|${y23}")
  # F25: 22 problems, 16 suggestions, 22 items; 6 overdue at 2022-12-31 (exit 1).
  perfbudget_cli_golden(rectification_suma_2022 "rectification|--as-of|2022-12-31|${y22}")
  perfbudget_cli_golden(rectification_suma_2022_en_json
    "rectification|--lang|en|--format|json|--as-of|2022-12-31|${y22}")
  perfbudget_cli_golden(rectification_suma_2022_csv "rectification|--format|csv|--as-of|2022-12-31|${y22}")
  perfbudget_cli_golden(rectification_suma_2021_en "rectification|--lang|en|${y21}")
  # F17: 14 key goals with the FY2022 budget; F27: 8 with the FY2023 approval.
  perfbudget_cli_golden(disclosure_suma_2022 "disclosure|${y22}")
  perfbudget_cli_golden(disclosure_suma_2023_en "disclosure|--lang|en|${y23}")
  perfbudget_cli_golden(disclosure_suma_2023_json "disclosure|--format|json|${y23}")
  perfbudget_cli_golden(disclosure_suma_2021_csv "disclosure|--format|csv|--lang|en|${y21}")
endif()
