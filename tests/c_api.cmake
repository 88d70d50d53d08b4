# C ABI tests (docs/c-abi.md):
#  - every tests/c/<name>_test.c is a strict C99 program (-std=c99 -pedantic
#    -Wall -Wextra -Werror) linked to the shared library and run as CTest test
#    c_<name> with a scratch folder as its argument (capi_test.c covers
#    pfb_core.h; later parts add review_test.c, monitor_test.c, ...);
#  - capi_header_c99 / capi_header_cxx11 / capi_header_cxx20: the umbrella
#    header compiles alone as C99 -pedantic -Werror and as C++.
file(GLOB PERFBUDGET_C_TESTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/c/*_test.c)
foreach(src ${PERFBUDGET_C_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(perfbudget_c_${name} ${src})
  set_target_properties(perfbudget_c_${name} PROPERTIES
    C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
  target_compile_options(perfbudget_c_${name} PRIVATE -pedantic -Wall -Wextra -Werror)
  target_link_libraries(perfbudget_c_${name} PRIVATE perfbudget_shared)
  add_test(NAME c_${name}
    COMMAND perfbudget_c_${name} ${CMAKE_CURRENT_BINARY_DIR}/c_${name}_scratch)
endforeach()

set(PERFBUDGET_HEADER_CHECK ${PROJECT_SOURCE_DIR}/tests/c/header_check.c)
add_test(NAME capi_header_c99
  COMMAND ${CMAKE_C_COMPILER} -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only
          -I${PROJECT_SOURCE_DIR}/capi/include ${PERFBUDGET_HEADER_CHECK})
foreach(std 11 20)
  add_test(NAME capi_header_cxx${std}
    COMMAND ${CMAKE_CXX_COMPILER} -x c++ -std=c++${std} -pedantic -Wall -Wextra -Werror
            -fsyntax-only -I${PROJECT_SOURCE_DIR}/capi/include ${PERFBUDGET_HEADER_CHECK})
endforeach()

# render_test.c compares what pfb_*_render gives with the CLI's golden files
# (tests/cli/golden) and loads the bundled example: it needs the source folder.
if(TARGET perfbudget_c_render_test)
  target_compile_definitions(perfbudget_c_render_test PRIVATE
    PFB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
