# One dep_* target per third-party library (all Debian packages; see README).
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)
find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp REQUIRED)

add_library(dep_yaml INTERFACE)
target_link_libraries(dep_yaml INTERFACE yaml-cpp)

add_library(dep_json INTERFACE)
target_link_libraries(dep_json INTERFACE nlohmann_json::nlohmann_json)

add_library(dep_valijson INTERFACE)
target_include_directories(dep_valijson SYSTEM INTERFACE ${VALIJSON_INCLUDE_DIR})
target_compile_definitions(dep_valijson INTERFACE VALIJSON_USE_EXCEPTIONS=1)
target_link_libraries(dep_valijson INTERFACE dep_json)

add_library(dep_cli11 INTERFACE)
target_link_libraries(dep_cli11 INTERFACE CLI11::CLI11)

add_library(dep_crypto INTERFACE)
target_link_libraries(dep_crypto INTERFACE OpenSSL::Crypto)

# libgit2 and RE2 ship pkg-config files but no CMake package on Debian.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
# Opened on first use (dlopen), not linked: a run that reads a directory
# loads none of it. Its soname and Debian package follow its major.minor.
string(REGEX MATCH "^[0-9]+\\.[0-9]+" EDGEGEN_LIBGIT2_ABI "${LIBGIT2_VERSION}")
if(NOT EDGEGEN_LIBGIT2_ABI)
  message(FATAL_ERROR "cannot read libgit2's major.minor from its version '${LIBGIT2_VERSION}'")
endif()
list(GET LIBGIT2_LINK_LIBRARIES 0 EDGEGEN_LIBGIT2_LINKED)
if(NOT EXISTS "${EDGEGEN_LIBGIT2_LINKED}.${EDGEGEN_LIBGIT2_ABI}")
  message(FATAL_ERROR "libgit2 ${LIBGIT2_VERSION}: no ${EDGEGEN_LIBGIT2_LINKED}.${EDGEGEN_LIBGIT2_ABI} to open")
endif()
set(EDGEGEN_LIBGIT2_PACKAGE "libgit2-${EDGEGEN_LIBGIT2_ABI}")
add_library(dep_git INTERFACE)
target_include_directories(dep_git INTERFACE ${LIBGIT2_INCLUDE_DIRS})
target_compile_definitions(dep_git INTERFACE EDGEGEN_LIBGIT2_SONAME="libgit2.so.${EDGEGEN_LIBGIT2_ABI}"
                                             EDGEGEN_LIBGIT2_PACKAGE="${EDGEGEN_LIBGIT2_PACKAGE}")
target_link_libraries(dep_git INTERFACE ${CMAKE_DL_LIBS})

pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
add_library(dep_re2 INTERFACE)
target_link_libraries(dep_re2 INTERFACE PkgConfig::RE2)

# toml++ (Debian's build is a shared library): Traefik files in TOML, for import.
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
add_library(dep_toml INTERFACE)
target_link_libraries(dep_toml INTERFACE PkgConfig::TOMLPLUSPLUS)
