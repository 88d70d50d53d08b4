# cli_inputs.cmake: inputs that are not regular files (registered with
# perfbudget_cli_golden from tests/cli.cmake). A device, a FIFO or a folder
# named as a policy or dataset file is a clear input error (exit 3) at once:
# never a hang (the FIFO has no writer; the TIMEOUT makes a hang fail) nor an
# allocation failure (/dev/zero never ends).
if(NOT TARGET perfbudget_cli)
  return()
endif()

set(small tests/cli/data/small.json)
perfbudget_cli_golden(input_policy_dev_zero
  "review|--policy|/dev/zero|${small}"
  "policy|show|/dev/zero")
perfbudget_cli_golden(input_policy_fifo
  "@mkfifo|@TMP@/policy.json"
  "review|--policy|@TMP@/policy.json|${small}"
  "policy|show|@TMP@/policy.json"
  "monitor|--policy|@TMP@/policy.json|${small}")
perfbudget_cli_golden(input_policy_folder "policy|show|tests/cli/data")
perfbudget_cli_golden(input_dataset_fifo_and_device
  "@mkfifo|@TMP@/dataset.json"
  "check|@TMP@/dataset.json"
  "summary|@TMP@/"
  "check|/dev/zero")
set_tests_properties(cli.input_policy_dev_zero cli.input_policy_fifo cli.input_policy_folder
  cli.input_dataset_fifo_and_device PROPERTIES TIMEOUT 30)

# A profile whose bands contradict each other is refused where it is loaded
# (`policy show` as much as `monitor`), each problem at the value that breaks
# the order.
perfbudget_cli_golden(policy_show_inconsistent
  "policy|show|tests/cli/data/inconsistent_policy.json"
  "monitor|--policy|tests/cli/data/inconsistent_policy.json|${small}")
