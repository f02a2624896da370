#!/bin/bash
# mpx lab: guest stage 2, PID 1 after switch_root (bash from the host root).
#
# The root is an overlay: host root (read-only 9p) + tmpfs. /proc, /sys, /dev and
# /run are already mounted by the initramfs; /run/mpx-lab/ctl holds this script
# and config.sh written by `lab/lab run` (LAB_* variables, LAB_CMD array).
#
# Steps: mount the rest, bind the cached kernel's modules onto /lib/modules, load
# the dm/scsi modules, build the SAN, start udev (or not), run the guest command
# with output to $LAB_OUT/guest.log and its status in $LAB_OUT/rc, flush, power off.
set -uo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8 TERM=dumb
exec </dev/null >/dev/console 2>&1
BB=/bin/busybox   # busybox-static on the host root: its poweroff works without systemd

log() { echo "mpx-lab: $*"; }
die() {
    log "FAILED: $*"
    finish
}
finish() {
    # Stop udevd so nothing holds files, flush and detach the results share.
    pkill -x systemd-udevd 2>/dev/null && sleep 0.5
    sync
    if [[ -n "${LAB_OUT:-}" ]] && mountpoint -q "$LAB_OUT"; then
        umount "$LAB_OUT" || umount -l "$LAB_OUT"
    fi
    sync
    log "powering off"
    $BB poweroff -f
    sleep 30    # not reached; PID 1 must not exit (panic=-1 + -no-reboot ends qemu anyway)
}

# shellcheck source=/dev/null
source /run/mpx-lab/ctl/config.sh || die "no config.sh"
T0=$(cut -d' ' -f1 /proc/uptime)

mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp
mkdir -p /dev/pts /dev/shm
# devtmpfs lacks the usual /dev symlinks (bash's <(...) needs /dev/fd).
[[ -e /dev/fd ]] || ln -s /proc/self/fd /dev/fd
[[ -e /dev/stdin ]] || ln -s /proc/self/fd/0 /dev/stdin
[[ -e /dev/stdout ]] || ln -s /proc/self/fd/1 /dev/stdout
[[ -e /dev/stderr ]] || ln -s /proc/self/fd/2 /dev/stderr
mount -t devpts -o gid=5,mode=620,ptmxmode=000 devpts /dev/pts
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /dev/shm

# The 9p shares, each at its host path, parents first (after /tmp's tmpfs so
# that host paths under /tmp work too): labout is the writable results
# directory, shareN read-only directories the guest's own mounts would hide
# (a checkout or build directory under /tmp, say).
for m in "${LAB_MOUNTS[@]}"; do
    tag=${m%% *} path=${m#* }
    opts=trans=virtio,version=9p2000.L,msize=262144,cache=none
    [[ $tag == labout ]] || opts=ro,$opts
    mkdir -p "$path" 2>/dev/null || [[ -d $path ]] || die "no mount point $path for share $tag"
    mount -t 9p -o "$opts" "$tag" "$path" || die "mount share $tag at $path"
done
mountpoint -q "$LAB_OUT" || die "results share not mounted at $LAB_OUT"

# The cached Debian kernel's modules replace the host's /lib/modules (in the overlay
# only), so plain `modprobe` works for the guest command too.
mkdir -p /lib/modules
mount --bind "$LAB_MODULES" /lib/modules || die "bind $LAB_MODULES"
[[ -d /lib/modules/$(uname -r) ]] || die "no modules for $(uname -r) in $LAB_MODULES"
# Its config in /boot, as an installed kernel has it (mkinitramfs reads it).
mkdir -p /boot
cp "$LAB_MODULES/../../boot/config-$(uname -r)" /boot/ 2>/dev/null || true

for m in dm_mod dm_multipath dm_round_robin dm_service_time dm_queue_length \
         scsi_dh_alua sd_mod sg; do
    modprobe "$m" || die "modprobe $m"
done
# configfs (LIO targets) and debugfs, once the modules are there.
modprobe configfs 2>/dev/null || true
mountpoint -q /sys/kernel/config || mount -t configfs configfs /sys/kernel/config || log "no configfs"
mountpoint -q /sys/kernel/debug || mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null || true

wait_paths() {   # wait until /sys/block has $1 sd devices
    local want=$1 n i
    for ((i = 0; i < 600; i++)); do
        n=$(ls -d /sys/block/sd* 2>/dev/null | wc -l)
        ((n >= want)) && { log "$n sd paths"; return 0; }
        sleep 0.1
    done
    die "only $n of $want sd paths appeared"
}

case "$LAB_SAN" in
scsi_debug)
    modprobe scsi_debug add_host="$LAB_HOSTS" max_luns="$LAB_LUNS" vpd_use_hostno=0 \
        || die "modprobe scsi_debug"
    wait_paths $((LAB_HOSTS * LAB_LUNS)) ;;
scsi-hd)
    modprobe virtio_scsi || die "modprobe virtio_scsi"
    wait_paths $((LAB_DISKS * 2)) ;;
none) ;;
*) die "unknown SAN $LAB_SAN" ;;
esac

case "$LAB_UDEV" in
sg3|systemd)
    if [[ $LAB_UDEV == systemd ]]; then
        # Mask sg3-utils-udev's ID rules (in the overlay only): ID_SERIAL then
        # comes from systemd's 60-persistent-storage.rules (scsi_id).
        mkdir -p /etc/udev/rules.d
        ln -sf /dev/null /etc/udev/rules.d/55-scsi-sg3_id.rules
    fi
    /lib/systemd/systemd-udevd --daemon || die "systemd-udevd"
    udevadm trigger --action=add
    udevadm settle --timeout="$LAB_SETTLE_TIMEOUT" || log "udevadm settle timed out"
    ;;
none) ;;
*) die "unknown udev mode $LAB_UDEV" ;;
esac

T1=$(cut -d' ' -f1 /proc/uptime)
log "ready after ${T1}s uptime (stage 2: $(awk "BEGIN{print $T1 - $T0}")s); running: ${LAB_CMD[*]}"

cd "$LAB_CWD" 2>/dev/null || { log "cwd $LAB_CWD not visible in the guest, using /"; cd /; }
export MPX_LAB_OUT="$LAB_OUT" MPX_LAB_SAN="$LAB_SAN" MPX_LAB_UDEV="$LAB_UDEV"
export MPX_LAB_HOSTS="$LAB_HOSTS" MPX_LAB_LUNS="$LAB_LUNS" MPX_LAB_DISKS="$LAB_DISKS"
[[ -z $LAB_BUILD_DIR ]] || export MPX_BUILD_DIR="$LAB_BUILD_DIR"
"${LAB_CMD[@]}" >"$LAB_OUT/guest.log" 2>&1
rc=$?
echo "$rc" >"$LAB_OUT/rc"
log "guest command exited $rc after $(cut -d' ' -f1 /proc/uptime)s uptime"
finish
