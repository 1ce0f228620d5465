# Install layout and the Debian package (README.md, "Installing on a lobby box", has the whole story).
#
#   cmake --install build                      installs into / (prefix /usr)
#   DESTDIR=/tmp/root cmake --install build    into a throwaway root
#   cd build && cpack -G DEB                   annae_<version>_<arch>.deb
#
#   /usr/bin/annae                      the player
#   /usr/share/annae/content/           the default show (seeds /var/lib/annae/content)
#   /usr/share/annae/fonts/             fonts used before system fonts
#   /usr/share/annae/annae.toml         reference copy of the settings
#   /etc/annae/annae.toml               the box's settings (a conffile)
#   /lib/systemd/system/                annae.service, annae-cage.service,
#                                       annae-import@.service, annae-retry@.service,
#                                       annae-tidy.service
#   /lib/udev/rules.d/                  61-annae-import.rules (USB import)
#   /usr/lib/annae/                     box-setup, console-quiet, usb-import, retry
#   /usr/share/doc/annae/               README.md, FORMAT.md
#
# /var/lib/annae/{content,state} and the user annae are not files of the
# package: /usr/lib/annae/box-setup makes them (postinst, deploy/install.sh),
# so that no upgrade or re-install ever overwrites the live show.
#
# The binary finds its default show and fonts relative to itself
# (<exe>/../share/annae/...), so the tree works under any DESTDIR. The unit
# files name /usr/bin/annae and /usr/lib/annae: the system install wants the
# prefix /usr, which is the default here.

# Must come before GNUInstallDirs (which turns the prefix into paths); nothing
# before this file looks at install directories.
if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT)
  set(CMAKE_INSTALL_PREFIX /usr CACHE PATH "Install prefix" FORCE)
endif()
include(GNUInstallDirs)
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "annae: install prefix is ${CMAKE_INSTALL_PREFIX}; the systemd units "
                 "expect /usr/bin/annae and /usr/lib/annae (prefix /usr)")
endif()

# Debian 12 still ships units and udev rules under /lib (the /usr-merge
# moratorium); systemd.pc says where.
set(_annae_unitdir /lib/systemd/system)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_get_variable(_annae_pc_unitdir systemd systemdsystemunitdir)
  if(_annae_pc_unitdir)
    set(_annae_unitdir "${_annae_pc_unitdir}")
  endif()
endif()
set(ANNAE_SYSTEMD_UNIT_DIR "${_annae_unitdir}" CACHE PATH "Where the systemd units are installed")
set(ANNAE_UDEV_RULES_DIR /lib/udev/rules.d CACHE PATH "Where the udev rule is installed")
set(ANNAE_CONFIG_DIR /etc/annae CACHE PATH "Where annae.toml is installed")

set(_annae_share "${CMAKE_INSTALL_DATADIR}/annae")
set(_annae_libexec lib/annae)  # Debian's /usr/lib/<package> for helper programs

install(TARGETS annae RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/content/" DESTINATION "${_annae_share}/content")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/fonts/" DESTINATION "${_annae_share}/fonts")
install(FILES "${PROJECT_SOURCE_DIR}/deploy/annae.toml" DESTINATION "${_annae_share}")
install(FILES "${PROJECT_SOURCE_DIR}/deploy/annae.toml" DESTINATION "${ANNAE_CONFIG_DIR}")
install(FILES
          "${PROJECT_SOURCE_DIR}/deploy/annae.service"
          "${PROJECT_SOURCE_DIR}/deploy/annae-cage.service"
          "${PROJECT_SOURCE_DIR}/deploy/annae-import@.service"
          "${PROJECT_SOURCE_DIR}/deploy/annae-retry@.service"
          "${PROJECT_SOURCE_DIR}/deploy/annae-tidy.service"
        DESTINATION "${ANNAE_SYSTEMD_UNIT_DIR}")
install(FILES "${PROJECT_SOURCE_DIR}/deploy/61-annae-import.rules" DESTINATION "${ANNAE_UDEV_RULES_DIR}")
foreach(script box-setup console-quiet usb-import retry)
  install(PROGRAMS "${PROJECT_SOURCE_DIR}/deploy/${script}.sh"
          DESTINATION "${_annae_libexec}" RENAME ${script})
endforeach()
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/content/FORMAT.md"
              "${PROJECT_SOURCE_DIR}/deploy/many-screens.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# ---- Debian package -----------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME annae)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "annae")
set(CPACK_PACKAGE_CONTACT "annae maintainers <annae@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # annae_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION video)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The summary is the control file's first Description line; this is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"annae plays slide shows (event covers, agendas with a live now/next, talks,
contacts) from plain TOML files on a lobby screen, with Korean typeset by
HarfBuzz and ICU. It starts at boot as a systemd service drawing straight to
the screen (SDL KMSDRM, no desktop), restarts itself, logs to the journal,
picks up files copied into /var/lib/annae/content and imports shows from USB
sticks.")
# Library dependencies come from dpkg-shlibdeps; the rest is what the
# maintainer scripts and helpers run: adduser (box-setup), mount (usb-import),
# util-linux (setterm, setpriv; essential anyway), systemd (the units),
# init-system-helpers (deb-systemd-helper; essential anyway).
# SDL loads the graphics stack with dlopen() at run time, so dpkg-shlibdeps
# cannot see it and Debian 12's libsdl2 does not depend on it: KMSDRM needs
# EGL (libegl1, which brings Mesa's EGL), GBM (libgbm1), GLES or GL for the
# renderer (libgles2, libgl1) and a DRI driver (libgl1-mesa-dri: the GPU's,
# or kms_swrast on a box without one). Without them a minimal Debian shows a
# black screen: "MESA-LOADER: failed to open kms_swrast ... EGL not initialized".
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A cross-build (cmake/aarch64-linux-gnu.cmake) packages for its target: the
# Architecture field, and dpkg-shlibdeps looking up the target's libraries
# (the :arm64 multiarch packages) through DEB_HOST_ARCH, set for cpack below.
# ANNAE_DEB_ARCH comes from the top CMakeLists.txt.
if(ANNAE_DEB_ARCH)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${ANNAE_DEB_ARCH})
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-noto-cjk, libegl1, libgbm1, libgles2, libgl1, libgl1-mesa-dri, adduser, mount, util-linux, systemd, init-system-helpers (>= 1.54~)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "udev")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/deploy/debian/conffiles"
    "${PROJECT_SOURCE_DIR}/deploy/debian/postinst"
    "${PROJECT_SOURCE_DIR}/deploy/debian/prerm"
    "${PROJECT_SOURCE_DIR}/deploy/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# For the Depends line cpack runs file(1) on every packaged file to find the
# programs for dpkg-shlibdeps. file(1) is not on a minimal Debian 12 (nor in
# deploy/setup.sh): then deploy/debian/elf-type.sh stands in for it. cpack reads
# this generated file when it runs; ANNAE_CPACK_WITHOUT_FILE=1 forces the
# stand-in (tests/deploy/deb_test.sh checks both give the same Depends).
file(WRITE "${CMAKE_BINARY_DIR}/CPackProjectConfig.cmake" "\
# Generated by cmake/Install.cmake; read by cpack.
if(CPACK_GENERATOR STREQUAL \"DEB\")
  if(NOT \"${ANNAE_DEB_ARCH}\" STREQUAL \"\")
    set(ENV{DEB_HOST_ARCH} \"${ANNAE_DEB_ARCH}\")
  endif()
  if(NOT \"\$ENV{ANNAE_CPACK_WITHOUT_FILE}\" STREQUAL \"\" OR NOT EXISTS /usr/bin/file)
    set(FILE_EXECUTABLE \"${PROJECT_SOURCE_DIR}/deploy/debian/elf-type.sh\" CACHE FILEPATH \"\" FORCE)
  endif()
endif()
")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_BINARY_DIR}/CPackProjectConfig.cmake")
include(CPack)
