# Runs CMD with ARGS ("|"-separated) under a file size limit of LIMIT_KB, so that its write
# fails part way, and checks what the tool promises then: exit code 2, a message that says why
# (EXPECT_OUTPUT, a regular expression), the file KEPT still holding the "old" it held before,
# and nothing left behind or moved in (none of GONE, "|"-separated, exists).
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" GONE "${GONE}")
file(WRITE "${KEPT}" "old\n")
file(REMOVE_RECURSE "${GONE}")
# The limit is set in a shell of its own, for the tool alone: ulimit counts in blocks of 512
# bytes (POSIX sh) or of 1,024 (bash); either way the files written here are larger.
execute_process(COMMAND sh -c "ulimit -f ${LIMIT_KB} && exec \"$@\"" sh ${CMD} ${ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 2)
  message(FATAL_ERROR "exit code ${code}, expected 2\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT "${err}" MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "message does not match '${EXPECT_OUTPUT}'\nstderr:\n${err}")
endif()
file(READ "${KEPT}" kept)
if(NOT kept STREQUAL "old\n")
  message(FATAL_ERROR "${KEPT} was changed: '${kept}'")
endif()
foreach(path IN LISTS GONE)
  if(EXISTS "${path}")
    message(FATAL_ERROR "${path} was left behind")
  endif()
endforeach()
