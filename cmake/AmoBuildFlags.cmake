# One INTERFACE target carries the language level, warnings and Qt strictness.
# Every target links it PRIVATE.
add_library(amo_build_flags INTERFACE)
target_compile_features(amo_build_flags INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(amo_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    AMO_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(amo_build_flags INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
    if(AMO_WERROR)
        target_compile_options(amo_build_flags INTERFACE -Werror)
    endif()
    if(AMO_SANITIZE)
        target_compile_options(amo_build_flags INTERFACE -fsanitize=${AMO_SANITIZE} -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined)
        target_link_options(amo_build_flags INTERFACE -fsanitize=${AMO_SANITIZE})
    endif()
elseif(MSVC)
    target_compile_options(amo_build_flags INTERFACE /W4 /permissive-)
    if(AMO_WERROR)
        target_compile_options(amo_build_flags INTERFACE /WX)
    endif()
endif()
