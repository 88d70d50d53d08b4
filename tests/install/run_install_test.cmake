# Install test: installs the build into WORK_DIR/prefix (not /usr/local) and
# builds downstream programs against it, as an integrating vendor would:
#   1. a C++ program with find_package(perfbudget) (C++ API, static archive);
#   2. a C program with pkg-config against the shared library;
#   3. the same C program with pkg-config --static against the archive (from
#      a copy of the prefix without the shared library);
#   4. the same C program with find_package(perfbudget COMPONENTS C), with
#      Abseil and simdjson made unfindable (CMAKE_DISABLE_FIND_PACKAGE_*),
#      and a check that compiling it reads no Abseil, simdjson or C++ header;
# and checks that the pkg-config file names the prefix it was found in.
# Variables: SOURCE_DIR, BUILD_DIR, WORK_DIR, C_COMPILER, PYTHON, BUILD_TYPE.
set(dataset ${SOURCE_DIR}/examples/suma-park-2022/dataset.json)
set(expected_fen 106705000000)
set(prefix ${WORK_DIR}/prefix)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
if(NOT EXISTS ${dataset})
  message(FATAL_ERROR "the bundled example ${dataset} is missing")
endif()
run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# A Release install is stripped: no symbol table, no debug information.
if(BUILD_TYPE STREQUAL "Release")
  file(GLOB installed_so ${prefix}/lib/libperfbudget.so.*.*)
  run("readelf -S" readelf -S --wide ${installed_so})
  if(run_out MATCHES "\\.symtab|\\.debug_info")
    message(FATAL_ERROR "the installed Release library is not stripped:\n${run_out}")
  endif()
endif()

# 1. C++ consumer (CMake, static, C++ API).
run("configuring the C++ consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install/consumer
  -B ${WORK_DIR}/build -G Ninja -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run("building the C++ consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("the C++ consumer" ${WORK_DIR}/build/consumer ${dataset})
if(NOT run_out MATCHES "approved 1067050000\\.00")
  message(FATAL_ERROR "unexpected C++ consumer output: ${run_out}")
endif()

# 2. pkg-config, shared: the paths it prints lie under this prefix.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
run("pkg-config" ${PKG_CONFIG} --cflags --libs perfbudget)
string(STRIP "${run_out}" flags)
if(flags MATCHES "/usr/local" OR NOT flags MATCHES "${WORK_DIR}/prefix/lib/pkgconfig/\\.\\./\\.\\./include")
  message(FATAL_ERROR "perfbudget.pc is not relative to its prefix: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run("building the C consumer (pkg-config, shared)" ${C_COMPILER} -std=c99 -Wall -Werror
  ${SOURCE_DIR}/tests/install/c_consumer/main.c -o ${WORK_DIR}/c_shared ${flags}
  -Wl,-rpath,${prefix}/lib)
run("the C consumer (shared)" ${WORK_DIR}/c_shared ${dataset})
if(NOT run_out MATCHES "c approved ${expected_fen} fen")
  message(FATAL_ERROR "unexpected C consumer output: ${run_out}")
endif()
run("readelf" readelf -d ${WORK_DIR}/c_shared)
if(NOT run_out MATCHES "libperfbudget\\.so\\.1")
  message(FATAL_ERROR "the shared C consumer does not need libperfbudget.so.1:\n${run_out}")
endif()

# 3. pkg-config --static, from a copy of the prefix without the shared library.
file(COPY ${prefix}/ DESTINATION ${WORK_DIR}/static-prefix)
file(GLOB shared_objects ${WORK_DIR}/static-prefix/lib/libperfbudget.so*)
file(REMOVE ${shared_objects})
set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/static-prefix/lib/pkgconfig)
run("pkg-config --static" ${PKG_CONFIG} --static --cflags --libs perfbudget)
string(STRIP "${run_out}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run("building the C consumer (pkg-config, static)" ${C_COMPILER} -std=c99 -Wall -Werror
  ${SOURCE_DIR}/tests/install/c_consumer/main.c -o ${WORK_DIR}/c_static ${flags})
run("the C consumer (static)" ${WORK_DIR}/c_static ${dataset})
if(NOT run_out MATCHES "c approved ${expected_fen} fen")
  message(FATAL_ERROR "unexpected static C consumer output: ${run_out}")
endif()
run("readelf" readelf -d ${WORK_DIR}/c_static)
if(run_out MATCHES "libperfbudget")
  message(FATAL_ERROR "the static C consumer still needs libperfbudget:\n${run_out}")
endif()

# 4. CMake, C component only, with Abseil and simdjson unfindable.
run("configuring the C consumer (CMake, C only)" ${CMAKE_COMMAND}
  -S ${SOURCE_DIR}/tests/install/c_consumer -B ${WORK_DIR}/c-build -G Ninja
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=${C_COMPILER}
  -DCMAKE_DISABLE_FIND_PACKAGE_absl=ON -DCMAKE_DISABLE_FIND_PACKAGE_simdjson=ON)
run("building the C consumer (CMake)" ${CMAKE_COMMAND} --build ${WORK_DIR}/c-build)
run("the C consumer (CMake)" ${WORK_DIR}/c-build/c_consumer ${dataset})
if(NOT run_out MATCHES "c approved ${expected_fen} fen")
  message(FATAL_ERROR "unexpected CMake C consumer output: ${run_out}")
endif()
# The C header needs nothing but itself and the C library: the C consumer's
# compilation reads no Abseil, simdjson or C++ header (the compiler's own
# dependency list, -M, against the installed prefix only).
run("listing the C consumer's headers" ${C_COMPILER} -std=c99 -M -I${prefix}/include
  ${SOURCE_DIR}/tests/install/c_consumer/main.c)
if(NOT run_out MATCHES "${prefix}/include/perfbudget/perfbudget\\.h")
  message(FATAL_ERROR "the C consumer's header list does not name the installed header:\n${run_out}")
endif()
if(run_out MATCHES "absl/|simdjson|/c\\+\\+/")
  message(FATAL_ERROR "the C consumer's compilation reads Abseil, simdjson or C++ headers:\n${run_out}")
endif()
# 5. The Python package installed beside the library loads it from there.
if(PYTHON AND EXISTS ${PYTHON})
  unset(ENV{PERFBUDGET_LIBRARY})
  run("the installed Python package" ${PYTHON} -I -c "
import sys
sys.path.insert(0, sys.argv[1])
import perfbudget, perfbudget._lib as lib
print('approved', perfbudget.Dataset.load(sys.argv[2]).totals().approved)
print('loaded', lib._lib_path)
" ${prefix}/lib/python3/dist-packages ${dataset})
  if(NOT run_out MATCHES "approved 1067050000\\.00" OR NOT run_out MATCHES "loaded ${prefix}/lib/")
    message(FATAL_ERROR "the installed Python package did not load the installed library:\n${run_out}")
  endif()
endif()
message(STATUS "install test: C++ (CMake), C (pkg-config shared and static, CMake C-only) all ran")
