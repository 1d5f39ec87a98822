# The Debian package (CPack): `cd build && cpack -G DEB` writes
# build/edgegen_<version>_<arch>.deb with what cmake/Install.cmake installs,
# under /usr, the binary stripped. Its Depends come from dpkg-shlibdeps over
# the binary (Debian packages dpkg-dev and file, scripts/install-deps --test),
# so they name the runtime libraries of the distribution it was built on.
set(EDGEGEN_PACKAGE_MAINTAINER "edgegen maintainers <maintainers@edgegen.invalid>"
    CACHE STRING "the Maintainer field of the Debian package")
set(EDGEGEN_HOMEPAGE "https://github.com/OWNER/edgegen" CACHE STRING "the Homepage field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME edgegen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${EDGEGEN_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiles an edge's desired state into Traefik v3 configuration")
set(CPACK_PACKAGE_DESCRIPTION "edgegen compiles the desired state of an edge (domains, services, routes,
middlewares, certificate issuers, environments), kept as YAML in Git, into the
configuration Traefik v3 reads: static and dynamic files, the Redis KV, docker
compose, Kubernetes objects, Flux and Argo CD objects, and DNS zones. It
reports every mistake with its file:line:col and writes only when all is right.")
# Wherever cpack runs, the package lands in the build directory.
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${EDGEGEN_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${EDGEGEN_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libgit2 is opened at run time, where dpkg-shlibdeps does not see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${EDGEGEN_LIBGIT2_PACKAGE}")
# The completion loads with bash-completion; the hooks run under pre-commit.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, git, pre-commit")

include(CPack)
