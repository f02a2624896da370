# Sourced by guest scripts that run the reference without udevd: with no udev
# database the reference sees no path at all; a stub entry per path (no
# properties) makes it identify paths from VPD pages, as mpx does without udev.
# Does nothing when udevd runs (MPX_LAB_UDEV sg3 or systemd).
if [[ ${MPX_LAB_UDEV:-none} == none ]]; then
  mkdir -p /run/udev/data
  for b in /sys/block/sd*; do echo "I:1" >"/run/udev/data/b$(cat "$b/dev")"; done
fi
