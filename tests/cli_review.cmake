# cli_review.cmake: golden-file tests of `perfbudget review` and `perfbudget
# policy` (registered with perfbudget_cli_golden from tests/cli.cmake, which
# is included before this file; goldens in tests/cli/golden/review_* and
# policy_*). Regenerate after an intended change:
#   PERFBUDGET_UPDATE_GOLDENS=1 ctest --test-dir build/<name> -R '^cli\.(review|policy)_'
if(NOT COMMAND perfbudget_cli_golden)
  return()
endif()

set(suma examples/suma-park-2022/dataset.json)
# The seed park: 80 reviewed, 78 passed, 2 cancelled; 32 ex-ante assessed,
# 3 cut (exit 1: something is blocked).
perfbudget_cli_golden(review_suma_text_zh "review|--policy|suma-park|${suma}")
perfbudget_cli_golden(review_suma_text_en "review|--policy|suma-park|--lang|en|${suma}")
perfbudget_cli_golden(review_suma_json "review|--policy|suma-park|--format|json|${suma}")
perfbudget_cli_golden(review_suma_csv "review|--policy|suma-park|--format|csv|${suma}")
perfbudget_cli_golden(review_suma_defaults "review|${suma}")
perfbudget_cli_golden(review_suma_project "review|--policy|suma-park|--project|P0217|--all|${suma}")
perfbudget_cli_golden(review_suma_unknown_project "review|--project|P999|${suma}")
perfbudget_cli_golden(review_bad_policy_path
  "review|--policy|tests/cli/data/no-such-policy.json|${suma}")
perfbudget_cli_golden(review_bad_policy_json "review|--policy|tests/cli/data/review_bad_policy.json|tests/cli/data/small.json")

perfbudget_cli_golden(policy_list "policy|list")
perfbudget_cli_golden(policy_show_suma_park "policy|show|suma-park")
perfbudget_cli_golden(policy_show_raw_suma_park "policy|show|--raw|suma-park")
perfbudget_cli_golden(policy_show_unknown "policy|show|no-such-profile")

# The core indicator library (issue 14): suggest in each format, and an
# unknown category (exit 2, the known ones listed).
perfbudget_cli_golden(indicators_suggest_zh "indicators|suggest|--category|市政管护")
perfbudget_cli_golden(indicators_suggest_en "indicators|suggest|--category|高标准农田|--lang|en")
perfbudget_cli_golden(indicators_suggest_json "indicators|suggest|--category|农机补贴|--format|json")
perfbudget_cli_golden(indicators_suggest_csv "indicators|suggest|--category|疾控|--format|csv")
perfbudget_cli_golden(indicators_suggest_unknown "indicators|suggest|--category|无此类别")
perfbudget_cli_golden(indicators_categories "indicators|categories")
perfbudget_cli_golden(indicators_categories_global_csv_refused "--format|csv|indicators|categories")

# --format csv is refused by policy whether given after the subcommand or
# before it (global); README.md says which formats each command takes.
perfbudget_cli_golden(policy_list_csv_refused "policy|list|--format|csv")
perfbudget_cli_golden(policy_list_global_csv_refused "--format|csv|policy|list")
perfbudget_cli_golden(policy_show_global_csv_refused "--format|csv|policy|show|central")
