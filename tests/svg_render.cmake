# svg_render.cmake: the monitoring chart of the bundled example, rendered in
# headless chromium (installed by scripts/deps.sh) and the picture checked
# (tests/svg_render_check.py). Skipped with a message only where chromium is
# missing and not under CI; with CI=true it must run. (`monitor` exits 1 on
# the example, which has warnings: the chart is checked for, not the code.)
if(NOT TARGET perfbudget_cli)
  return()
endif()
set(PERFBUDGET_SVG_RENDER_DIR ${CMAKE_CURRENT_BINARY_DIR}/svg_render)
file(MAKE_DIRECTORY ${PERFBUDGET_SVG_RENDER_DIR})
add_test(NAME svg_render_chromium
  COMMAND /bin/sh -c "rm -f \"$2/chart.svg\" \"$2/chart.png\"; \"$1\" monitor --as-of 2022-08-31 --level unit --chart \"$2/chart.svg\" \
examples/suma-park-2022/dataset.json >/dev/null; test -s \"$2/chart.svg\" && /usr/bin/python3 tests/svg_render_check.py \"$2/chart.svg\" \"$2/chart.png\""
    sh $<TARGET_FILE:perfbudget_cli> ${PERFBUDGET_SVG_RENDER_DIR}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(svg_render_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240 LABELS cli)
