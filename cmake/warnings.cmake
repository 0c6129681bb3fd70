# Warnings for our own targets only (third-party code is compiled without them).
function(lowsky_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)
endfunction()
