# Imports a file and writes it again in its own format with the command-line tool, then
# compares with the original byte for byte (a mission) or with a second round (shapes, whose
# first round leaves out what is not corridors and zones).
#   cmake -DCMD=lowsky -DINPUT=... -DTO=plan|waypoints|geojson -DOUT1=... -DOUT2=... [-DTWICE=1] -P compare_import.cmake
# (the outputs keep the input's extension: it names the format)
execute_process(COMMAND ${CMD} import ${INPUT} --to ${TO} -o ${OUT1} RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "import failed (${code}): ${err}")
endif()
set(expected ${INPUT})
set(got ${OUT1})
if(TWICE)
  execute_process(COMMAND ${CMD} import ${OUT1} --to ${TO} -o ${OUT2} RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "second import failed (${code}): ${err}")
  endif()
  set(expected ${OUT1})
  set(got ${OUT2})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${got} ${expected} RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${got} differs from ${expected}")
endif()
