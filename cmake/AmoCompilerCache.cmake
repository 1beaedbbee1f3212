# Use ccache when it is installed; a cheap win on 2-core build machines.
find_program(AMO_CCACHE_PROGRAM ccache)
if(AMO_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${AMO_CCACHE_PROGRAM}")
endif()
