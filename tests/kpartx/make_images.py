#!/usr/bin/env python3
"""Writes partitioned disk images for kpartx tests (no partitioning tool
needed): dos.img (two primaries, an extended partition with two logical
ones), gpt.img (three partitions), both 8 MiB (scsi_debug's LUN size),
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


if __name__ == "__main__":
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    dos(os.path.join(d, "dos.img"))
    gpt(os.path.join(d, "gpt.img"))
