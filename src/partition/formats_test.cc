// The formats beyond DOS and GPT, each as the reference kpartx reads it
// (the headers say what that is; checked against Debian 12's kpartx -l on
// images of tests/kpartx/make_images.py).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "partition/bsd.h"
#include "partition/mac.h"
#include "partition/ps3.h"
#include "partition/scan.h"
#include "partition/solaris.h"
#include "partition/sun.h"
#include "partition/test_image.h"
#include "partition/unixware.h"

namespace mpx {
namespace {

constexpr size_t kDisk = size_t{16384} * 512;  // 8 MiB

struct Bsd {
  uint8_t fstype;
  uint32_t offset;
  uint32_t size;
};

TestImage BsdImage(const std::vector<Bsd>& parts, uint16_t count = 0) {
  TestImage img(kDisk);
  img.Le(512, 0x82564557, 4);
  img.Le(512 + 138, count != 0 ? count : parts.size(), 2);
  for (size_t i = 0; i < parts.size(); ++i) {
    const size_t at = 512 + 148 + 16 * i;
    img.Le(at, parts[i].size, 4);
    img.Le(at + 4, parts[i].offset, 4);
    img[at + 12] = parts[i].fstype;
  }
  return img;
}

TEST(BsdTableTest, UsedEntriesNumberedInOrderUnusedOnesTakeNoNumber) {
  // a, b, c (unused, the whole disk), d.
  TestImage img = BsdImage({{7, 2048, 4096}, {1, 6144, 2048}, {0, 0, 16384}, {7, 8192, 4096}});
  BufferDisk d = img.disk();
  auto t = ReadBsdTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "bsd");
  EXPECT_TRUE(t->warnings.empty());
  EXPECT_EQ(t->slices,
            (std::vector<Slice>{{1, 2048, 4096, 0}, {2, 6144, 2048, 0}, {3, 8192, 4096, 0}}));
  EXPECT_EQ(ReadPartitionTable(d, false).format, "bsd");
}

TEST(BsdTableTest, AUsedWholeDiskEntryContainsTheOthers) {
  TestImage img = BsdImage({{7, 2048, 4096}, {1, 6144, 2048}, {7, 0, 16384}});
  BufferDisk d = img.disk();
  auto t = ReadBsdTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices,
            (std::vector<Slice>{{1, 2048, 4096, 3}, {2, 6144, 2048, 3}, {3, 0, 16384, 0}}));
}

TEST(BsdTableTest, OverlapsAndEntriesBeyondTheDiskAreLeftOutWithAWord) {
  // 1 ends inside 2: emptied, its number kept; 3 runs off the disk.
  TestImage img = BsdImage({{7, 2048, 4096}, {7, 4096, 4096}, {7, 16000, 1000}});
  BufferDisk d = img.disk();
  auto t = ReadBsdTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{2, 4096, 4096, 0}}));
  EXPECT_EQ(t->warnings,
            (std::vector<std::string>{"partition 1 overlaps partition 2; left out",
                                      "partition 3 lies beyond the end of the disk; left out"}));
}

TEST(BsdTableTest, NotABsdLabel) {
  struct Case {
    const char* what = "";
    TestImage img;
  };
  const Case cases[] = {
      {"no label", TestImage(kDisk)},
      {"no used entry", BsdImage({{0, 2048, 4096}, {0, 0, 16384}})},
      {"no entry", BsdImage({}, 0)},
      {"too small to read", TestImage(1024)},
  };
  for (const auto& c : cases) {
    BufferDisk d = c.img.disk();
    EXPECT_FALSE(ReadBsdTable(d).has_value()) << c.what;
  }
}

TEST(BsdTableTest, AtMostSixteenEntriesAndSectorsOf512BytesOnAnyDisk) {
  std::vector<Bsd> parts(17, Bsd{0, 0, 0});
  parts[15] = {7, 100, 10};
  parts[16] = {7, 200, 10};  // the 17th: not read, whatever d_npartitions says
  TestImage img = BsdImage(parts, 0xffff);
  BufferDisk d = img.disk();
  auto t = ReadBsdTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 100, 10, 0}}));
  // On 4 KiB sectors: still at byte 512, still 512-byte sectors.
  BufferDisk big = img.disk(4096);
  t = ReadBsdTable(big);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 100, 10, 0}}));
}

struct SunSlot {
  uint32_t cylinder;
  uint32_t sectors;
};

// The Sun magic, and the checksum over sector 0 as it is now.
void SignSun(TestImage& img) {
  img.Be(508, 0xDABE, 2);
  uint16_t x = 0;
  for (size_t at = 0; at < 510; at += 2) x ^= static_cast<uint16_t>(img[at] << 8 | img[at + 1]);
  img.Be(510, x, 2);
}

// Sun label: 64 sectors a track, 16 tracks (1024 sectors a cylinder).
TestImage SunImage(const std::vector<SunSlot>& slots, uint16_t nsect = 64, uint16_t ntrks = 16) {
  TestImage img(kDisk);
  img.Be(436, ntrks, 2);
  img.Be(438, nsect, 2);
  for (size_t i = 0; i < slots.size(); ++i) {
    img.Be(444 + 8 * i, slots[i].cylinder, 4);
    img.Be(448 + 8 * i, slots[i].sectors, 4);
  }
  SignSun(img);
  return img;
}

TEST(SunTableTest, EightSlotsByPositionAndTheWholeDiskSliceContainsTheOthers) {
  // a at cylinder 2, b at 6, c the whole disk; slot 4 empty, slot 5 used.
  TestImage img = SunImage({{2, 4096}, {6, 2048}, {0, 16384}, {0, 0}, {8, 1024}});
  BufferDisk d = img.disk();
  auto t = ReadSunTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "sun");
  EXPECT_TRUE(t->warnings.empty());
  EXPECT_EQ(t->slices,
            (std::vector<Slice>{
                {1, 2048, 4096, 3}, {2, 6144, 2048, 3}, {3, 0, 16384, 0}, {5, 8192, 1024, 3}}));
  // 4 KiB sectors change nothing.
  BufferDisk big = img.disk(4096);
  EXPECT_EQ(ReadSunTable(big)->slices, t->slices);
  EXPECT_EQ(ReadPartitionTable(d, false).format, "sun");
}

TEST(SunTableTest, ABadChecksumOrMagicIsNoSunLabel) {
  TestImage bad_sum = SunImage({{2, 4096}});
  bad_sum[0] ^= 1;
  TestImage bad_magic = SunImage({{2, 4096}});
  bad_magic.Be(508, 0xDABF, 2);
  bad_magic[511] ^= 1;  // the checksum matches again; the magic does not
  for (TestImage* img : {&bad_sum, &bad_magic}) {
    BufferDisk d = img->disk();
    EXPECT_FALSE(ReadSunTable(d).has_value());
  }
}

TEST(SunTableTest, AnEmptyLabelStillClaimsTheDisk) {
  TestImage img = SunImage({});
  BufferDisk d = img.disk();
  auto t = ReadSunTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->slices.empty());
  EXPECT_EQ(ReadPartitionTable(d, false).format, "sun");
}

TEST(SunTableTest, StartsWrapIn32BitsAndSlotsOffTheDiskAreLeftOut) {
  // 65536 sectors a cylinder: cylinder 65536 starts at 2^32, 0 in 32 bits.
  TestImage img = SunImage({{65536, 100}, {1, 100}, {0, 100000}}, 256, 256);
  BufferDisk d = img.disk();
  auto t = ReadSunTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 0, 100, 3}}));
  EXPECT_EQ(t->warnings,
            (std::vector<std::string>{"partition 2 lies beyond the end of the disk; left out",
                                      "partition 3 lies beyond the end of the disk; left out"}));
}

struct VtocSlice {
  int32_t start;
  int64_t size;
};

// A VTOC at sector 1 in the layout of a reference built with `long` of
// `word` bytes.
TestImage SolarisImage(const std::vector<VtocSlice>& slices, int word = 8, uint64_t version = 1) {
  TestImage img(kDisk);
  const size_t base = 512;
  const size_t sanity = word == 8 ? 24 : 12;
  img.Le(base + sanity, 0x600DDEEE, word);
  img.Le(base + sanity + static_cast<size_t>(word), version, word);
  const size_t first = word == 8 ? 136 : 72;
  const size_t stride = word == 8 ? 16 : 12;
  for (size_t i = 0; i < slices.size(); ++i) {
    const size_t at = base + first + stride * i;
    img.Le(at, 2, 2);  // tag: root
    img.Le(at + 4, static_cast<uint32_t>(slices[i].start), 4);
    img.Le(at + 8, static_cast<uint64_t>(slices[i].size), word);
  }
  return img;
}

TEST(SolarisTableTest, NonEmptySlicesNumberedInOrderInTheLp64Layout) {
  TestImage img = SolarisImage({{2048, 4096}, {0, 0}, {8192, 1024}});
  BufferDisk d = img.disk();
  auto t = ReadSolarisTable(d, VtocLayout::kLongIs8Bytes);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "solaris");
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0}, {2, 8192, 1024, 0}}));
  EXPECT_FALSE(ReadSolarisTable(d, VtocLayout::kLongIs4Bytes).has_value());
  if (kHostVtocLayout == VtocLayout::kLongIs8Bytes) {
    EXPECT_EQ(ReadPartitionTable(d, false).format, "solaris");
  }
}

TEST(SolarisTableTest, SolarisOwnLayoutIsReadBy32BitBuildsOnly) {
  TestImage img = SolarisImage({{2048, 4096}, {8192, 1024}}, 4);
  BufferDisk d = img.disk();
  EXPECT_FALSE(ReadSolarisTable(d, VtocLayout::kLongIs8Bytes).has_value());
  auto t = ReadSolarisTable(d, VtocLayout::kLongIs4Bytes);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0}, {2, 8192, 1024, 0}}));
}

TEST(SolarisTableTest, OtherVersionsEmptyVtocsAndNegativeSizes) {
  TestImage v2 = SolarisImage({{2048, 4096}}, 8, 2);
  TestImage empty = SolarisImage({{2048, 0}});
  for (TestImage* img : {&v2, &empty}) {
    BufferDisk d = img->disk();
    EXPECT_FALSE(ReadSolarisTable(d, VtocLayout::kLongIs8Bytes).has_value());
  }
  for (int word : {8, 4}) {
    TestImage negative = SolarisImage({{2048, -1}, {-1, 10}, {100, 10}}, word);
    BufferDisk d = negative.disk();
    auto t = ReadSolarisTable(d, word == 8 ? VtocLayout::kLongIs8Bytes : VtocLayout::kLongIs4Bytes);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->slices, (std::vector<Slice>{{3, 100, 10, 0}}));
    EXPECT_EQ(t->warnings.size(), 2u) << word;
  }
}

struct UwSlice {
  uint16_t label;
  uint32_t start;
  uint32_t size;
};

TestImage UnixwareImage(const std::vector<UwSlice>& slices, bool vtoc_magic = true) {
  TestImage img(kDisk);
  const size_t base = size_t{29} * 512;
  img.Le(base + 4, 0xCA5E600D, 4);
  if (vtoc_magic) img.Le(base + 156, 0x600DDEEE, 4);
  for (size_t i = 0; i < slices.size(); ++i) {
    const size_t at = base + 216 + 12 * i;
    img.Le(at, slices[i].label, 2);
    img.Le(at + 4, slices[i].start, 4);
    img.Le(at + 8, slices[i].size, 4);
  }
  return img;
}

TEST(UnixwareTableTest, SliceZeroAndUnlabelledSlicesSkippedEmptyOnesKeepANumber) {
  TestImage img = UnixwareImage(
      {{5, 0, 16384}, {1, 2048, 4096}, {0, 6144, 100}, {4, 8192, 0}, {4, 10240, 2048}});
  BufferDisk d = img.disk();
  auto t = ReadUnixwareTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "unixware");
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 2048, 4096, 0}, {3, 10240, 2048, 0}}));
  EXPECT_EQ(ReadPartitionTable(d, false).format, "unixware");
  BufferDisk big = img.disk(4096);  // sector 29 of 512 bytes, whatever the disk's
  EXPECT_EQ(ReadUnixwareTable(big)->slices, t->slices);
}

TEST(UnixwareTableTest, NotAUnixwareLabel) {
  TestImage no_vtoc = UnixwareImage({{5, 0, 16384}, {1, 2048, 4096}}, false);
  TestImage only_whole = UnixwareImage({{5, 0, 16384}});
  TestImage small(size_t{29} * 512 + 1000);  // the 1 KiB block is not all there
  for (TestImage* img : {&no_vtoc, &only_whole, &small}) {
    BufferDisk d = img->disk();
    EXPECT_FALSE(ReadUnixwareTable(d).has_value());
  }
}

struct MacEntry {
  uint32_t start_block;
  uint32_t block_count;
};

// Driver descriptor of `block` bytes a block; entries in blocks 1...
TestImage MacImage(const std::vector<MacEntry>& entries, uint16_t block = 512,
                   uint32_t map_count = 0, size_t bytes = kDisk) {
  TestImage img(bytes);
  img.Be(0, 0x4552, 2);
  img.Be(2, block, 2);
  for (size_t i = 0; i < entries.size(); ++i) {
    const size_t at = (i + 1) * block;
    img.Be(at, 0x504d, 2);
    img.Be(at + 4, map_count != 0 ? map_count : entries.size(), 4);
    img.Be(at + 8, entries[i].start_block, 4);
    img.Be(at + 12, entries[i].block_count, 4);
  }
  return img;
}

TEST(MacTableTest, EveryEntryByItsBlockTheMapItselfIncluded) {
  TestImage img = MacImage({{1, 63}, {2048, 4096}, {6144, 0}, {8192, 2048}});
  BufferDisk d = img.disk();
  auto t = ReadMacTable(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "mac");
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 1, 63, 0}, {2, 2048, 4096, 0}, {4, 8192, 2048, 0}}));
  EXPECT_EQ(ReadPartitionTable(d, false).format, "mac");
}

TEST(MacTableTest, BlocksOfTheDescriptorsSizeWhateverTheSectorSize) {
  TestImage img = MacImage({{1, 3}, {512, 1024}}, 2048);
  for (unsigned sector : {512u, 4096u}) {
    BufferDisk d = img.disk(sector);
    auto t = ReadMacTable(d);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 4, 12, 0}, {2, 2048, 4096, 0}}));
  }
}

TEST(MacTableTest, TheMapEndsAtItsCountAtTheFirstUnsignedBlockAndAt256) {
  TestImage short_map = MacImage({{1, 3}, {100, 10}, {200, 10}}, 512, 2);
  BufferDisk d = short_map.disk();
  EXPECT_EQ(ReadMacTable(d)->slices.size(), 2u);

  TestImage gap = MacImage({{1, 3}, {100, 10}, {200, 10}}, 512, 10);
  BufferDisk g = gap.disk();
  EXPECT_EQ(ReadMacTable(g)->slices.size(), 3u);  // block 4 has no signature

  std::vector<MacEntry> many(300, MacEntry{1000, 1});
  TestImage huge = MacImage(many, 512, 0xffffffff);
  BufferDisk h = huge.disk();
  auto t = ReadMacTable(h);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->slices.size(), 256u);
  EXPECT_EQ(t->slices.back().number, 256);
}

TEST(MacTableTest, NotAMacMap) {
  TestImage no_driver = MacImage({{1, 3}});
  no_driver[0] = 0;
  TestImage no_entry = MacImage({});
  TestImage zero_count = MacImage({{1, 3}}, 512, 0);
  zero_count.Be(512 + 4, 0, 4);
  // The map runs to the disk's last sector, whose 1 KiB block is not there:
  // the reference gives up on the whole format.
  TestImage cut = MacImage({{1, 3}, {4, 1}, {5, 1}}, 512, 0, size_t{4} * 512);
  for (TestImage* img : {&no_driver, &no_entry, &zero_count, &cut}) {
    BufferDisk d = img->disk();
    EXPECT_FALSE(ReadMacTable(d).has_value());
  }
}

TEST(MacTableTest, BlockCountsBeyondTheDiskAreLeftOut) {
  TestImage img = MacImage({{1, 3}, {0x10000000, 16}}, 4096);
  BufferDisk d = img.disk();
  auto t = ReadMacTable(d);
  ASSERT_TRUE(t.has_value());
  // 0x10000000 blocks x 8 wraps to 2^31 in 32 bits: still off the disk.
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 8, 24, 0}}));
  EXPECT_EQ(t->warnings,
            (std::vector<std::string>{"partition 2 lies beyond the end of the disk; left out"}));
}

TestImage Ps3Image(const std::vector<std::pair<uint64_t, uint64_t>>& parts) {
  TestImage img(kDisk);
  img.Be(16, 0x0FACE0FF, 8);
  img.Be(24, 0xDEADFACE, 8);
  for (size_t i = 0; i < parts.size(); ++i) {
    img.Be(0x30 + 144 * i, parts[i].first, 8);
    img.Be(0x30 + 144 * i + 8, parts[i].second, 8);
  }
  return img;
}

TEST(Ps3TableTest, PartitionsWithAStartAndASizeNumberedInOrder) {
  TestImage img = Ps3Image({{8, 4096}, {0, 100}, {8192, 0}, {8192, 2048}});
  BufferDisk d = img.disk();
  auto t = ReadPs3Table(d);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->format, "ps3");
  EXPECT_EQ(t->slices, (std::vector<Slice>{{1, 8, 4096, 0}, {2, 8192, 2048, 0}}));
  EXPECT_EQ(ReadPartitionTable(d, false).format, "ps3");
}

TEST(Ps3TableTest, NotAPs3Label) {
  TestImage no_magic = Ps3Image({{8, 4096}});
  no_magic[31] = 0;
  TestImage empty = Ps3Image({{0, 4096}, {8, 0}});
  TestImage small(2047);
  small.Be(16, 0x0FACE0FF, 8);
  small.Be(24, 0xDEADFACE, 8);
  small.Be(0x30, 1, 8);
  small.Be(0x38, 1, 8);
  for (TestImage* img : {&no_magic, &empty, &small}) {
    BufferDisk d = img->disk();
    EXPECT_FALSE(ReadPs3Table(d).has_value());
  }
  TestImage beyond = Ps3Image({{8, 1ULL << 40}});
  BufferDisk b = beyond.disk();
  auto t = ReadPs3Table(b);
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->slices.empty());
  EXPECT_EQ(t->warnings.size(), 1u);
}

// kpartx.c tries gpt, dos, bsd, solaris, unixware, (dasd), mac, sun, ps3 and
// maps the first that finds a slot.
TEST(ScanOrderTest, TheFirstFormatThatFindsASlotWins) {
  // A DOS signature wins even with no partition: read_dos_pt returns 4.
  TestImage dos = BsdImage({{7, 2048, 4096}});
  dos.Be(510, 0x55aa, 2);
  BufferDisk d = dos.disk();
  EXPECT_EQ(ReadPartitionTable(d, false).format, "dos");
  EXPECT_TRUE(ReadPartitionTable(d, false).slices.empty());

  // BSD and Solaris share sector 1: a BSD label without used entries gives
  // way to the VTOC after it; one with a used entry does not.
  TestImage both = SolarisImage({{2048, 4096}});
  both.Le(512, 0x82564557, 4);
  BufferDisk b = both.disk();
  EXPECT_EQ(ReadPartitionTable(b, false).format,
            kHostVtocLayout == VtocLayout::kLongIs8Bytes ? "solaris" : "");
  both.Le(512 + 138, 1, 2);
  both.Le(512 + 148, 100, 4);  // a used entry: 100 sectors at 0
  both[512 + 148 + 12] = 7;
  EXPECT_EQ(ReadPartitionTable(b, false).format, "bsd");

  // UnixWare (sector 29) before Mac (sectors 0, 1).
  TestImage unixware = UnixwareImage({{5, 0, 16384}, {1, 2048, 4096}});
  unixware.Be(0, 0x4552, 2);
  unixware.Be(2, 512, 2);
  unixware.Be(512, 0x504d, 2);
  unixware.Be(516, 1, 4);
  BufferDisk u = unixware.disk();
  EXPECT_EQ(ReadPartitionTable(u, false).format, "unixware");

  // Mac before Sun before PS3, all in sector 0 (and 1).
  TestImage sun = SunImage({{2, 4096}});
  sun.Be(16, 0x0FACE0FF, 8);
  sun.Be(24, 0xDEADFACE, 8);
  sun.Be(0x30, 8, 8);
  sun.Be(0x38, 8, 8);
  SignSun(sun);
  BufferDisk su = sun.disk();
  EXPECT_EQ(ReadPartitionTable(su, false).format, "sun");
  sun.Be(0, 0x4552, 2);
  sun.Be(2, 512, 2);
  sun.Be(512, 0x504d, 2);
  sun.Be(516, 1, 4);
  SignSun(sun);
  BufferDisk ma = sun.disk();
  EXPECT_EQ(ReadPartitionTable(ma, false).format, "mac");
}

}  // namespace
}  // namespace mpx
