#!/bin/bash
# Record a faithful subset of the guest's /sys for unit tests (runs in the lab guest).
#
#   lab/record-sysfs.sh OUTDIR
#
# OUTDIR/sys mirrors /sys so that a program walking it with root = OUTDIR sees the
# same layout:
#   - the class/bus link directories (/sys/block, /sys/class/block, /sys/dev/block,
#     /sys/class/{scsi_host,scsi_device,scsi_disk,scsi_generic}, /sys/bus/scsi/devices
#     and any FC/iSCSI/SAS transport classes): their symlinks, recreated with the
#     same relative targets;
#   - every SCSI host device directory (/sys/devices/.../hostN) and every other
#     /sys/block target (dm-*, ...) with its whole subtree: readable regular files
#     copied byte for byte (binary vpd_pg83, vpd_pg80, inquiry included, file modes
#     kept), symlinks recreated as they are (subsystem, driver, ... may dangle);
#     power/ queue/ trace/ mq/ integrity/ and the bdi link are left out, and so are
#     write-only files and files whose read fails;
#   - the uevent file (and subsystem/driver links) of every ancestor of those
#     directories up to /sys/devices.
# Also OUTDIR/udev/sdX.properties (`udevadm info --query=property`, when udevd runs
# / a udev database exists), OUTDIR/reference-v3.txt (`multipath -d -v3`, stdout and
# stderr; plus reference-v3-i.txt for `multipath -d -v3 -i`, i.e. ignoring the
# wwids file, which shows the candidate maps), only inside the lab guest, and
# OUTDIR/meta.txt.
set -uo pipefail

[[ $# == 1 ]] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
OUT=$1
SYS=/sys
mkdir -p "$OUT/sys" || exit 1
OUT=$(cd "$OUT" && pwd)
phase() { [[ -n ${MPX_RECORD_DEBUG:-} ]] && echo "record-sysfs: ${SECONDS}s: $*" >&2; return 0; }

# The copy itself is one perl process (perl-base is Essential in Debian, so it is
# on the host root): under TCG every fork+exec costs ~50 ms, and a shell loop with
# a cat per attribute took minutes for 8 paths.
phase "sysfs"
perl -e '
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Path qw(make_path);

my ($out, $sys) = @ARGV;
my %skipdir = map { $_ => 1 } qw(power queue trace mq integrity);

sub parent { my $p = shift; $p =~ s{/[^/]*$}{}; return $p; }

# Recreate the symlink $p under $out with the same (relative) target.
sub copy_link {
    my $p = shift;
    my $t = readlink($p);
    return unless defined $t;
    my $d = "$out$p";
    make_path(parent($d));
    unlink $d;
    symlink($t, $d) or warn "record-sysfs: symlink $d: $!\n";
}

# Byte-for-byte copy of a readable attribute, mode kept; skipped when the read fails.
sub copy_file {
    my $p = shift;
    my @st = lstat($p) or return;
    return unless $st[2] & 0444;                  # write-only attribute
    open(my $in, "<:raw", $p) or return;
    my ($data, $ok) = ("", 1);
    while (1) {
        my $n = sysread($in, my $buf, 65536);
        if (!defined $n) { $ok = 0; last; }
        last if $n == 0;
        $data .= $buf;
    }
    close $in;
    return unless $ok;
    my $d = "$out$p";
    make_path(parent($d));
    open(my $o, ">:raw", $d) or die "record-sysfs: $d: $!\n";
    print $o $data;
    close $o or die "record-sysfs: $d: $!\n";
    chmod($st[2] & 07777, $d);
}

sub entries {
    my $dir = shift;
    opendir(my $dh, $dir) or return ();
    my @e = sort grep { $_ ne "." && $_ ne ".." } readdir $dh;
    closedir $dh;
    return @e;
}

sub copy_tree {
    my $dir = shift;
    make_path("$out$dir");
    for my $e (entries($dir)) {
        my $p = "$dir/$e";
        if (-l $p) {
            copy_link($p) unless $e eq "bdi";
        } elsif (-d _) {
            copy_tree($p) unless $skipdir{$e};
        } elsif (-f _) {
            copy_file($p);
        }
    }
}

# 1. Link directories.
my @linkdirs = qw(block class/block dev/block class/scsi_host class/scsi_device
    class/scsi_disk class/scsi_generic bus/scsi/devices);
push @linkdirs, map { "class/$_" } grep { -d "$sys/class/$_" } qw(fc_host fc_remote_ports
    fc_transport fc_vports iscsi_host iscsi_session iscsi_connection iscsi_transport sas_host
    sas_device sas_end_device sas_phy sas_port srp_host srp_remote_ports);
for my $d (@linkdirs) {
    next unless -d "$sys/$d";
    make_path("$out$sys/$d");
    for my $e (entries("$sys/$d")) {
        copy_link("$sys/$d/$e") if -l "$sys/$d/$e";
    }
}

# 2. Subtrees: SCSI host device directories, then /sys/block targets outside them.
my @roots;
for my $h (entries("$sys/class/scsi_host")) {
    my $r = abs_path("$sys/class/scsi_host/$h/device");
    push @roots, $r if defined $r && -d $r;
}
for my $b (entries("$sys/block")) {
    my $t = abs_path("$sys/block/$b");
    next unless defined $t;
    push @roots, $t unless grep { index($t, "$_/") == 0 } @roots;
}
copy_tree($_) for @roots;

# 3. Ancestors up to /sys/devices: uevent and the subsystem/driver links.
for my $r (@roots) {
    for (my $a = parent($r); index($a, "$sys/devices/") == 0; $a = parent($a)) {
        copy_file("$a/uevent") if -f "$a/uevent";
        for my $l (qw(subsystem driver)) {
            copy_link("$a/$l") if -l "$a/$l";
        }
    }
}
' "$OUT" "$SYS" || exit 1

phase "udev"
# 4. udev properties, the reference's view, metadata.
if [[ -d /run/udev/data ]] && command -v udevadm >/dev/null; then
    mkdir -p "$OUT/udev"
    for b in "$SYS"/block/*; do
        n=${b##*/}
        udevadm info --query=property --name="/dev/$n" >"$OUT/udev/$n.properties" 2>/dev/null \
            || rm -f "$OUT/udev/$n.properties"
    done
fi
# Only inside the lab guest (/run/mpx-lab/ctl): even a dry run of the reference
# creates /etc/multipath/bindings, which must never happen on the host.
if [[ -x /sbin/multipath && -d /run/mpx-lab/ctl ]]; then
    /sbin/multipath -d -v3 >"$OUT/reference-v3.txt" 2>&1
    # -i: ignore the wwids file (stock find_multipaths strict skips unknown WWIDs),
    # so this one shows the candidate maps.
    /sbin/multipath -d -v3 -i >"$OUT/reference-v3-i.txt" 2>&1
fi
phase "meta"
{
    echo "kernel: $(uname -r)"
    echo "san: ${MPX_LAB_SAN:-?} hosts: ${MPX_LAB_HOSTS:-?} luns: ${MPX_LAB_LUNS:-?} disks: ${MPX_LAB_DISKS:-?}"
    echo "udev: ${MPX_LAB_UDEV:-?}"
    [[ -f $OUT/reference-v3.txt ]] &&
        echo "reference: $(grep -o 'multipath-tools v[0-9.]*' "$OUT/reference-v3.txt" | head -n1)"
    echo "paths:"
    for b in "$SYS"/block/sd*; do
        [[ -e $b ]] || continue
        echo "  ${b##*/} $(cat "$b/dev") $(basename "$(readlink -f "$b/device")") $(cat "$b/device/wwid" 2>/dev/null)"
    done
} >"$OUT/meta.txt"
exit 0
