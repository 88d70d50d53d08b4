# update_goldens_guard.cmake: scripts/test.sh and .ci/run refuse to run with
# PERFBUDGET_UPDATE_GOLDENS set (docs/testing.md). Each script is run with the
# variable set and must stop at once with its own message (exit 2) before it
# builds anything; `timeout` bounds the damage should a guard be lost.
foreach(script scripts/test.sh .ci/run)
  string(REPLACE "/" "_" id "${script}")
  string(REPLACE "." "" id "${id}")
  add_test(NAME update_goldens_guard.${id}
    COMMAND /bin/sh -c "out=$(PERFBUDGET_UPDATE_GOLDENS=1 timeout 30 bash ${script} 2>&1); rc=$?; \
echo \"$out\"; [ $rc -eq 2 ] && echo \"$out\" | grep -q '^${script}: refusing to run with PERFBUDGET_UPDATE_GOLDENS=1'"
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endforeach()
