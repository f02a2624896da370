# A Debian package of mpx that replaces multipath-tools and kpartx: `cpack -G
# DEB` in a build configured with Debian's layout (scripts/package.sh). CPack
# rather than dpkg-buildpackage: the package is made from the same install
# rules the tests check (tests/install.sh), with no second description of the
# files to keep true, and the tree needs no debian/ directory of its own.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mpx)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "mpx developers <mpx@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Linux storage multipathing, a drop-in for multipath-tools and kpartx")
# CPack writes the summary as the Description's first line; this is the rest.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
       "mpx finds the SCSI paths of SAN disks, groups the paths of each LUN into a\n"
       "device-mapper multipath map and keeps the maps healthy (multipathd). It reads\n"
       "multipath.conf and the bindings and wwids files of multipath-tools, with the\n"
       "same commands, output and dm tables; kpartx maps partitions.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# udev runs the rules; dmsetup's rules make /dev/mapper names and dm links.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "udev, dmsetup")
# The initramfs-tools hook and script (initramfs/) do multipath-tools-boot's
# work, at its paths; the trigger rebuilds the initramfs with them.
set(CPACK_DEBIAN_PACKAGE_PROVIDES "multipath-tools, kpartx, multipath-tools-boot")
set(CPACK_DEBIAN_PACKAGE_CONFLICTS "multipath-tools, kpartx, multipath-tools-boot")
set(CPACK_DEBIAN_PACKAGE_REPLACES "multipath-tools, kpartx, multipath-tools-boot")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/debian/postinst ${CMAKE_CURRENT_LIST_DIR}/debian/prerm
    ${CMAKE_CURRENT_LIST_DIR}/debian/postrm ${CMAKE_CURRENT_LIST_DIR}/debian/triggers)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
