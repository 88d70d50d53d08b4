# Python packaging test: builds a wheel of bindings/python offline (Debian's
# pip, setuptools and wheel; no index), bundling the libperfbudget.so.1 just
# built, installs it into an empty folder and imports it from there in a
# clean environment (no PERFBUDGET_LIBRARY, not from the source tree): the
# package must load its bundled library and compute the example's total.
# Variables: SOURCE_DIR, WORK_DIR, PYTHON, LIBRARY.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
    WORKING_DIRECTORY ${WORK_DIR})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
# Build from a copy, so the source tree gets no build/ or egg-info folders.
file(COPY ${SOURCE_DIR}/bindings/python/ DESTINATION ${WORK_DIR}/src
  PATTERN tests EXCLUDE PATTERN __pycache__ EXCLUDE)
set(ENV{PERFBUDGET_BUNDLE_LIBRARY} ${LIBRARY})
set(ENV{PIP_NO_INDEX} 1)
set(ENV{PIP_DISABLE_PIP_VERSION_CHECK} 1)
run("building the wheel" ${PYTHON} -m pip wheel --no-deps --no-build-isolation
  -w ${WORK_DIR}/wheel ${WORK_DIR}/src)
file(GLOB wheels ${WORK_DIR}/wheel/perfbudget-*.whl)
list(LENGTH wheels count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one wheel, found: ${wheels}")
endif()
if(NOT wheels MATCHES "linux_x86_64\\.whl$|linux_aarch64\\.whl$")
  message(FATAL_ERROR "a wheel bundling the library must be platform-tagged: ${wheels}")
endif()
run("listing the wheel" ${PYTHON} -m zipfile -l ${wheels})
foreach(member "perfbudget/py.typed" "perfbudget/_native/libperfbudget.so.1" "perfbudget/__init__.py")
  string(FIND "${run_out}" "${member}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the wheel lacks ${member}:\n${run_out}")
  endif()
endforeach()
unset(ENV{PERFBUDGET_BUNDLE_LIBRARY})
run("installing the wheel" ${PYTHON} -m pip install --no-deps --target ${WORK_DIR}/site ${wheels})
unset(ENV{PERFBUDGET_LIBRARY})
set(ENV{PYTHONPATH} ${WORK_DIR}/site)
set(ENV{PYTHONDONTWRITEBYTECODE} 1)
run("importing the installed package" ${PYTHON} -I -c "
import sys
sys.path.insert(0, sys.argv[1])
import perfbudget, perfbudget._lib as lib
ds = perfbudget.Dataset.load(sys.argv[2])
lib.library()
print('loaded', lib._lib_path)
print('approved', ds.totals().approved)
" ${WORK_DIR}/site ${SOURCE_DIR}/examples/suma-park-2022)
if(NOT run_out MATCHES "loaded ${WORK_DIR}/site/perfbudget/_native/libperfbudget\\.so\\.1")
  message(FATAL_ERROR "the installed package did not load its bundled library:\n${run_out}")
endif()
if(NOT run_out MATCHES "approved 1067050000\\.00")
  message(FATAL_ERROR "unexpected total from the installed package:\n${run_out}")
endif()
message(STATUS "python package: wheel built offline, installed, bundled library loaded")
