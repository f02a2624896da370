#!/usr/bin/env python3
"""Writes partitioned disk images for kpartx tests (no partitioning tool
needed): dos.img (two primaries, an extended partition with two logical
ones), gpt.img (three partitions), and one of each other format the
reference kpartx reads: bsd.img, sun.img (each with a whole-disk 'c' slice
holding the others), solaris.img (the VTOC as Debian's 64-bit kpartx reads
it), unixware.img, mac.img, ps3.img; all 8 MiB (scsi_debug's LUN size),
512-byte sectors. The lab runs the reference kpartx and mpx's on them.
Usage: make_images.py DIR"""
import os
import struct
import sys
import uuid
import zlib

SECTOR = 512
SIZE = 8 * 1024 * 1024


def mbr_entry(boot, ptype, start, size):
    # CHS fields left zero (LBA only), as many tools write them today.
    return struct.pack("<B3sB3sII", boot, b"\0\0\0", ptype, b"\0\0\0", start, size)


def boot_sector(entries):
    s = bytearray(SECTOR)
    for i, e in enumerate(entries):
        s[446 + 16 * i:446 + 16 * (i + 1)] = e
    s[510:512] = b"\x55\xaa"
    return s


def dos(path):
    img = bytearray(SIZE)
    ext_start, ext_size = 6144, 8192
    img[0:SECTOR] = boot_sector([
        mbr_entry(0x80, 0x83, 2048, 4096),
        mbr_entry(0, 0x05, ext_start, ext_size),
        mbr_entry(0, 0x83, 14336, 2048),
    ])
    # Logical 1: EBR at the extended start, the partition 2048 sectors on;
    # its link to the next EBR is relative to the extended partition's start.
    img[ext_start * SECTOR:(ext_start + 1) * SECTOR] = boot_sector([
        mbr_entry(0, 0x83, 2048, 1024), mbr_entry(0, 0x05, 4096, 4096)])
    ebr2 = ext_start + 4096
    img[ebr2 * SECTOR:(ebr2 + 1) * SECTOR] = boot_sector([mbr_entry(0, 0x83, 2048, 1024)])
    open(path, "wb").write(img)


def gpt_header(current, backup, entries_lba, entries_crc, disk_guid, last_usable):
    h = struct.pack("<8sIIIIQQQQ16sQIII", b"EFI PART", 0x00010000, 92, 0, 0, current, backup,
                    34, last_usable, disk_guid, entries_lba, 128, 128, entries_crc)
    crc = zlib.crc32(h) & 0xffffffff
    h = h[:16] + struct.pack("<I", crc) + h[20:]
    return h + bytes(SECTOR - len(h))


def gpt(path):
    img = bytearray(SIZE)
    sectors = SIZE // SECTOR
    img[0:SECTOR] = boot_sector([mbr_entry(0, 0xEE, 1, sectors - 1)])
    linux = uuid.UUID("0fc63daf-8483-4772-8e79-3d69d8477de4").bytes_le
    parts = [(2048, 6143, "one"), (6144, 10239, "two"), (12288, 14335, "three")]
    entries = bytearray(128 * 128)
    for i, (first, last, name) in enumerate(parts):
        guid = uuid.UUID(int=0x1000 + i).bytes_le
        e = struct.pack("<16s16sQQQ72s", linux, guid, first, last, 0, name.encode("utf-16-le"))
        entries[128 * i:128 * (i + 1)] = e
    crc = zlib.crc32(entries) & 0xffffffff
    disk = uuid.UUID(int=0xd15c).bytes_le
    last_usable = sectors - 34
    img[SECTOR:2 * SECTOR] = gpt_header(1, sectors - 1, 2, crc, disk, last_usable)
    img[2 * SECTOR:34 * SECTOR] = entries
    img[(sectors - 33) * SECTOR:(sectors - 1) * SECTOR] = entries
    img[(sectors - 1) * SECTOR:] = gpt_header(sectors - 1, 1, sectors - 33, crc, disk, last_usable)
    open(path, "wb").write(img)


def bsd(img):
    # Disklabel at sector 1: a, b, c (the whole disk), an unused entry, e.
    label = bytearray(SECTOR)
    parts = [(4096, 2048, 7), (2048, 6144, 1), (SIZE // SECTOR, 0, 7), (0, 0, 0), (1024, 10240, 7)]
    struct.pack_into("<I", label, 0, 0x82564557)
    struct.pack_into("<I", label, 132, 0x82564557)
    struct.pack_into("<H", label, 138, len(parts))
    for i, (size, offset, fstype) in enumerate(parts):
        struct.pack_into("<IIIBBH", label, 148 + 16 * i, size, offset, 0, fstype, 0, 0)
    img[SECTOR:2 * SECTOR] = label


def sun(img):
    # 16 tracks of 64 sectors a cylinder; slots a, b, c (the whole disk), an
    # empty one, e.
    label = bytearray(SECTOR)
    struct.pack_into(">HH", label, 436, 16, 64)
    slots = [(2, 4096), (6, 2048), (0, SIZE // SECTOR), (0, 0), (10, 1024)]
    for i, (cylinder, sectors) in enumerate(slots):
        struct.pack_into(">II", label, 444 + 8 * i, cylinder, sectors)
    struct.pack_into(">H", label, 508, 0xDABE)
    x = 0
    for at in range(0, 510, 2):
        x ^= struct.unpack_from(">H", label, at)[0]
    struct.pack_into(">H", label, 510, x)
    img[0:SECTOR] = label


def solaris(img):
    # The VTOC at sector 1 as a 64-bit reference reads it (8-byte longs):
    # sanity at 24, version at 32, 16-byte slices from 136; slice 2 empty.
    vtoc = bytearray(SECTOR)
    struct.pack_into("<QQ", vtoc, 24, 0x600DDEEE, 1)
    for i, (start, size) in enumerate([(2048, 4096), (6144, 2048), (0, 0), (8192, 1024)]):
        struct.pack_into("<HHiq", vtoc, 136 + 16 * i, 2, 0, start, size)
    img[SECTOR:2 * SECTOR] = vtoc


def unixware(img):
    # At sector 29: slice 0 the whole disk (skipped), 1, an unused one, 3.
    label = bytearray(SECTOR)
    struct.pack_into("<I", label, 4, 0xCA5E600D)
    struct.pack_into("<I", label, 156, 0x600DDEEE)
    slices = [(5, 0, SIZE // SECTOR), (1, 2048, 4096), (0, 6144, 1024), (4, 8192, 2048)]
    for i, (tag, start, size) in enumerate(slices):
        struct.pack_into("<HHII", label, 216 + 12 * i, tag, 0, start, size)
    img[29 * SECTOR:30 * SECTOR] = label


def mac(img):
    # Driver descriptor of 2048-byte blocks; the map (4 entries) from block 1.
    block = 2048
    struct.pack_into(">HHI", img, 0, 0x4552, block, SIZE // block)
    entries = [(1, 4), (512, 1024), (1536, 0), (2048, 512)]
    for i, (start, count) in enumerate(entries):
        struct.pack_into(">HHIII", img, (i + 1) * block, 0x504D, 0, len(entries), start, count)


def ps3(img):
    struct.pack_into(">QQ", img, 16, 0x0FACE0FF, 0xDEADFACE)
    for i, (start, size) in enumerate([(2048, 4096), (0, 0), (8192, 2048)]):
        struct.pack_into(">QQ", img, 0x30 + 144 * i, start, size)


def label_image(path, write):
    img = bytearray(SIZE)
    write(img)
    open(path, "wb").write(img)


LABELS = {"bsd": bsd, "sun": sun, "solaris": solaris, "unixware": unixware, "mac": mac, "ps3": ps3}

if __name__ == "__main__":
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    dos(os.path.join(d, "dos.img"))
    gpt(os.path.join(d, "gpt.img"))
    for name, write in LABELS.items():
        label_image(os.path.join(d, name + ".img"), write)
