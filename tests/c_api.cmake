# C ABI tests (docs/c-abi.md):
#  - capi_c_test: a strict C99 program that exercises every pfb_core.h function,
#    error paths included, against the shared library;
#  - capi_header_c99 / capi_header_cxx11 / capi_header_cxx20: the umbrella
#    header compiles alone as C99 -pedantic -Werror and as C++.
add_executable(perfbudget_capi_c_test ${PROJECT_SOURCE_DIR}/tests/c/capi_test.c)
set_target_properties(perfbudget_capi_c_test PROPERTIES
  C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(perfbudget_capi_c_test PRIVATE -pedantic -Wall -Wextra -Werror)
target_link_libraries(perfbudget_capi_c_test PRIVATE perfbudget_shared)
add_test(NAME capi_c_test
  COMMAND perfbudget_capi_c_test ${CMAKE_CURRENT_BINARY_DIR}/capi_c_test_scratch)

set(PERFBUDGET_HEADER_CHECK ${PROJECT_SOURCE_DIR}/tests/c/header_check.c)
add_test(NAME capi_header_c99
  COMMAND ${CMAKE_C_COMPILER} -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only
          -I${PROJECT_SOURCE_DIR}/capi/include ${PERFBUDGET_HEADER_CHECK})
foreach(std 11 20)
  add_test(NAME capi_header_cxx${std}
    COMMAND ${CMAKE_CXX_COMPILER} -x c++ -std=c++${std} -pedantic -Wall -Wextra -Werror
            -fsyntax-only -I${PROJECT_SOURCE_DIR}/capi/include ${PERFBUDGET_HEADER_CHECK})
endforeach()
