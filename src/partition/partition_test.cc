#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "partition/crc32.h"
#include "partition/dos.h"
#include "partition/gpt.h"
#include "partition/scan.h"

namespace mpx {
namespace {

// A disk image built in memory; LBAs in the image's sectors.
class Image {
 public:
  Image(uint64_t sectors, unsigned sector_size)
      : bytes_(sectors * sector_size), sector_(sector_size) {}
  uint8_t* at(uint64_t lba) { return bytes_.data() + lba * sector_; }
  void Put32(uint8_t* p, uint64_t v) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
  }
  void Put64(uint8_t* p, uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
  }
  // A boot record at `lba` with entries {type, start, size}.
  void BootRecord(uint64_t lba, std::vector<std::array<uint64_t, 3>> entries) {
    uint8_t* s = at(lba);
    for (size_t i = 0; i < entries.size(); ++i) {
      uint8_t* e = s + 446 + 16 * i;
      e[4] = static_cast<uint8_t>(entries[i][0]);
      Put32(e + 8, entries[i][1]);
      Put32(e + 12, entries[i][2]);
    }
    s[510] = 0x55;
    s[511] = 0xaa;
  }
  // A GPT: protective MBR, both headers, `parts` {first, last} (type set;
  // {0, 0}: an untyped entry).
  void Gpt(const std::vector<std::pair<uint64_t, uint64_t>>& parts, uint32_t entries = 128) {
    const uint64_t n = sectors();
    BootRecord(0, {{0xee, 1, std::min<uint64_t>(n - 1, 0xffffffff)}});
    std::vector<uint8_t> array(static_cast<size_t>(entries) * 128);
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i] == std::pair<uint64_t, uint64_t>{0, 0}) continue;
      array[128 * i] = 0xaf;  // a non-zero type GUID
      Put64(array.data() + 128 * i + 32, parts[i].first);
      Put64(array.data() + 128 * i + 40, parts[i].second);
    }
    const uint64_t array_sectors = (array.size() + sector_ - 1) / sector_;
    std::memcpy(at(2), array.data(), array.size());
    std::memcpy(at(n - 1 - array_sectors), array.data(), array.size());
    Header(1, n - 1, 2, array, entries, n - 2 - array_sectors);
    Header(n - 1, 1, n - 1 - array_sectors, array, entries, n - 2 - array_sectors);
  }
  void Header(uint64_t lba, uint64_t other, uint64_t array_lba, const std::vector<uint8_t>& array,
              uint32_t entries, uint64_t last_usable) {
    uint8_t* h = at(lba);
    const std::string signature = "EFI PART";
    std::copy(signature.begin(), signature.end(), h);
    Put32(h + 8, 0x10000);
    Put32(h + 12, 92);
    Put64(h + 24, lba);
    Put64(h + 32, other);
    Put64(h + 40, 2 + (array.size() + sector_ - 1) / sector_);
    Put64(h + 48, last_usable);
    Put64(h + 72, array_lba);
    Put32(h + 80, entries);
    Put32(h + 84, 128);
    Put32(h + 88, Crc32(array));
    Put32(h + 16, 0);
    Put32(h + 16, Crc32({h, 92}));
  }
  uint64_t sectors() const { return bytes_.size() / sector_; }
  BufferDisk disk() const { return BufferDisk(bytes_, sector_); }

 private:
  std::vector<uint8_t> bytes_;
  unsigned sector_;
};

// The shape the lab's reference kpartx mapped (tests/kpartx/make_images.py).
Image DosWithLogicals(unsigned sector_size = 512) {
  Image img(32768, sector_size);
  img.BootRecord(0, {{0x83, 2048, 4096}, {0x05, 8192, 16384}, {0x83, 24576, 4096}});
  img.BootRecord(8192, {{0x83, 2048, 2048}, {0x05, 6144, 6144}});
  img.BootRecord(8192 + 6144, {{0x83, 2048, 2048}});
  return img;
}

TEST(DosTableTest, PrimariesExtendedAndLogicalsAsTheReference) {
  Image img = DosWithLogicals();
  BufferDisk d = img.disk();
  auto t = ReadDosTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "dos");
  EXPECT_TRUE(t->warnings.empty());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0},
                                           {2, 8192, 2, 0},  // the extended one: 1 KiB
                                           {3, 24576, 4096, 0},
                                           {5, 10240, 2048, 2},
                                           {6, 16384, 2048, 2}}));
}

TEST(DosTableTest, LargerSectorsAreCountedIn512ByteSectors) {
  Image img = DosWithLogicals(4096);
  BufferDisk d = img.disk();
  auto t = ReadDosTable(d);
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->slices.size(), 5u);
  constexpr uint64_t k = 8;  // 512-byte sectors per 4 KiB sector
  EXPECT_EQ(t->slices[0], (Slice{1, 2048 * k, 4096 * k, 0}));
  EXPECT_EQ(t->slices[1], (Slice{2, 8192 * k, 8, 0}));  // one 4 KiB sector
  EXPECT_EQ(t->slices[4], (Slice{6, 16384 * k, 2048 * k, 2}));
}

TEST(DosTableTest, NoSignatureOrAProtectiveEntryIsNoDosTable) {
  Image blank(64, 512);
  BufferDisk d = blank.disk();
  EXPECT_FALSE(ReadDosTable(d).has_value());
  Image gpt(64, 512);
  gpt.BootRecord(0, {{0x83, 1, 10}, {0xee, 1, 63}});
  BufferDisk g = gpt.disk();
  EXPECT_FALSE(ReadDosTable(g).has_value());
}

TEST(DosTableTest, HostileTablesAreCutWithAWord) {
  // Out of range, a chain that loops, a link outside the extended partition.
  Image img(4096, 512);
  img.BootRecord(0, {{0x83, 100, 100000}, {0x05, 1000, 2000}, {0x0f, 3000, 1000}});
  img.BootRecord(1000, {{0x83, 10, 10}, {0x05, 0, 100}});    // links to itself
  img.BootRecord(3000, {{0x83, 10, 10}, {0x05, 5000, 10}});  // beyond its container
  BufferDisk d = img.disk();
  auto t = ReadDosTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{
                           {2, 1000, 2, 0}, {3, 3000, 2, 0}, {5, 1010, 10, 2}, {6, 3010, 10, 3}}));
  ASSERT_EQ(t->warnings.size(), 3u);
  EXPECT_EQ(t->warnings[0], "partition 1 lies beyond the end of the disk; left out");
  EXPECT_EQ(t->warnings[1],
            "extended partition 2: its chain of boot records loops; the rest left out");
  EXPECT_EQ(t->warnings[2], "extended partition 3: a boot record outside it; the rest left out");
}

// Found by fuzz/partition_fuzzer.cc: an extended partition on the disk's
// last sector is shown as far as the disk goes.
TEST(DosTableTest, AnExtendedPartitionOnTheLastSectorStaysOnTheDisk) {
  Image img(64, 512);
  img.BootRecord(0, {{0x05, 63, 1}});
  BufferDisk d = img.disk();
  auto t = ReadDosTable(d);
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->slices.size(), 1u);
  EXPECT_EQ(t->slices[0], (Slice{1, 63, 1, 0}));
}

TEST(GptTableTest, ThePrimaryTableAsTheReference) {
  Image img(16384, 512);
  img.Gpt({{2048, 6143}, {6144, 14335}});
  BufferDisk d = img.disk();
  auto t = ReadGptTable(d, false);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "gpt");
  EXPECT_TRUE(t->warnings.empty()) << t->warnings[0];
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0}, {2, 6144, 8192, 0}}));
  EXPECT_EQ(ReadPartitionTable(d, false).format, "gpt");
  // kpartx -t: that format alone; another, or no format of that name, finds nothing.
  EXPECT_EQ(ReadPartitionTable(d, false, "gpt").slices.size(), 2u);
  EXPECT_EQ(ReadPartitionTable(d, false, "bsd").format, "");
  EXPECT_EQ(ReadPartitionTable(d, false, "dasd").format, "");
  EXPECT_EQ(ReadPartitionTable(d, false, "nonsense").slices.size(), 0u);
}

TEST(GptTableTest, ABadPrimaryFallsBackToTheAlternateAndABadAlternateIsSaid) {
  Image img(16384, 512);
  img.Gpt({{2048, 6143}});
  img.at(1)[8] ^= 1;  // the primary header's CRC no longer matches
  BufferDisk d = img.disk();
  auto t = ReadGptTable(d, false);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0}}));
  ASSERT_FALSE(t->warnings.empty());
  EXPECT_EQ(t->warnings[0],
            "primary GPT is invalid (header CRC mismatch), using the alternate GPT");

  Image alt(16384, 512);
  alt.Gpt({{2048, 6143}});
  alt.at(alt.sectors() - 1)[0] = 'X';
  BufferDisk a = alt.disk();
  t = ReadGptTable(a, false);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->warnings[0], "alternate GPT is invalid (no signature), using the primary GPT");

  img.at(img.sectors() - 1)[0] = 'X';  // both bad
  BufferDisk both = img.disk();
  std::vector<std::string> why;
  EXPECT_FALSE(ReadGptTable(both, false, &why).has_value());
  EXPECT_EQ(why.size(), 2u);
  PartitionTable none = ReadPartitionTable(both, false);
  EXPECT_EQ(none.format, "");  // and not taken for DOS either
  EXPECT_EQ(none.warnings.size(), 2u);
}

TEST(GptTableTest, AbsurdCountsAndEntriesOutsideTheDiskAreRefused) {
  Image img(16384, 512);
  img.Gpt({{2048, 6143}, {6144, 99999}, {30, 40}});
  BufferDisk d = img.disk();
  auto t = ReadGptTable(d, false);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0}}));
  EXPECT_EQ(t->warnings.size(), 2u);

  Image huge(16384, 512);
  huge.Gpt({{2048, 6143}});
  // An entry count of 2^20 in both headers (CRCs recomputed): refused.
  for (uint64_t lba : {uint64_t{1}, huge.sectors() - 1}) {
    uint8_t* h = huge.at(lba);
    huge.Put32(h + 80, 1 << 20);
    huge.Put32(h + 16, 0);
    huge.Put32(h + 16, Crc32({h, 92}));
  }
  BufferDisk hd = huge.disk();
  std::vector<std::string> why;
  EXPECT_FALSE(ReadGptTable(hd, false, &why).has_value());
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0], "primary GPT is invalid (1048576 entries)");
}

TEST(GptTableTest, ForcedOnlyWithoutAProtectiveEntryAnd4KSectors) {
  Image dos = DosWithLogicals();
  BufferDisk d = dos.disk();
  EXPECT_FALSE(ReadGptTable(d, false).has_value());
  EXPECT_FALSE(ReadGptTable(d, true).has_value());
  EXPECT_EQ(ReadPartitionTable(d, false).format, "dos");
  // -g: a GPT need not be protected, but without one the other formats are
  // read as ever (kpartx.c goes on to read_dos_pt when read_gpt_pt finds none).
  EXPECT_EQ(ReadPartitionTable(d, true).format, "dos");

  Image big(4096, 4096);
  big.Gpt({{256, 511}});
  BufferDisk b = big.disk();
  auto t = ReadGptTable(b, false);
  ASSERT_TRUE(t.has_value());
  constexpr uint64_t k = 8;
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 256 * k, 256 * k, 0}}));
}

// The reference maps no more than the first 256 entries, and a GPT without
// a typed one among them is not its table: kpartx.c goes on to the other
// formats (here a PS3 label in the protective MBR's boot code).
TEST(GptTableTest, OnlyTheFirst256EntriesAndAnEmptyGptFallsThrough) {
  std::vector<std::pair<uint64_t, uint64_t>> parts(300, {0, 0});
  parts[0] = {2048, 4095};
  parts[299] = {4096, 6143};  // partition 300: beyond the reference's reach
  Image img(16384, 512);
  img.Gpt(parts, 512);
  BufferDisk d = img.disk();
  auto t = ReadGptTable(d, false);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 2048, 0}}));

  parts[0] = {0, 0};  // only partition 300 left: no GPT to the reference
  Image late(16384, 512);
  late.Gpt(parts, 512);
  BufferDisk l = late.disk();
  EXPECT_FALSE(ReadGptTable(l, false).has_value());
  EXPECT_EQ(ReadPartitionTable(l, false).format, "");

  Image empty(16384, 512);
  empty.Gpt({});
  const uint8_t ps3[] = {0, 0, 0, 0, 0x0f, 0xac, 0xe0, 0xff, 0, 0, 0, 0, 0xde, 0xad, 0xfa, 0xce};
  std::copy(std::begin(ps3), std::end(ps3), empty.at(0) + 16);
  empty.at(0)[0x30 + 7] = 8;      // start 8
  empty.at(0)[0x30 + 14] = 0x10;  // size 4096
  BufferDisk e = empty.disk();
  EXPECT_FALSE(ReadGptTable(e, false).has_value());
  PartitionTable pt = ReadPartitionTable(e, false);
  EXPECT_EQ(pt.format, "ps3");
  EXPECT_EQ(pt.slices, (std::vector<Slice>{{1, 8, 4096, 0}}));
}

}  // namespace
}  // namespace mpx
