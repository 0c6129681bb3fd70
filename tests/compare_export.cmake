# Exports with the command-line tool and compares the result with a golden file, byte for byte.
#   cmake -DCMD=lowsky -DSCENARIO=... -DARGS="a|b|c" -DGOLDEN=... -DOUT=... [-DVERB=plan-inspection] -P compare_export.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
# -DVERB=...: another verb that writes a file (plan-inspection), with no scenario.
if(VERB)
  execute_process(COMMAND ${CMD} ${VERB} ${ARGS} -o ${OUT} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
else()
  execute_process(COMMAND ${CMD} export ${SCENARIO} ${ARGS} -o ${OUT} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
if(NOT code EQUAL 0)
  message(FATAL_ERROR "export failed (${code}):\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${GOLDEN} RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${OUT} differs from the golden file ${GOLDEN}.\nIf the change is right, check it by hand and run scripts/update-goldens.")
endif()
