# cmake -DOUT=FILE -DPROGRAM=PATH "-DARGS=WORD…" [-DGZIP=PATH] -P RunToFile.cmake
# Runs PROGRAM with ARGS (plain words) and writes its standard output to
# FILE, through `gzip -9n` when GZIP is given (no name and no time stamp in
# the header: the same text gives the same bytes). Only a run where every
# command succeeded leaves FILE, so a failed one stops the build.
separate_arguments(words UNIX_COMMAND "${ARGS}")
set(pipeline COMMAND ${PROGRAM} ${words})
if(GZIP)
  list(APPEND pipeline COMMAND ${GZIP} -9n)
endif()
execute_process(${pipeline} OUTPUT_FILE ${OUT}.tmp RESULTS_VARIABLE results)
foreach(result IN LISTS results)
  if(NOT result STREQUAL "0")
    file(REMOVE ${OUT}.tmp)
    message(FATAL_ERROR "${PROGRAM} ${ARGS} failed: ${results}")
  endif()
endforeach()
file(RENAME ${OUT}.tmp ${OUT})
