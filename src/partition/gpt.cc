#include "partition/gpt.h"

#include <string>

#include "partition/byte_order.h"
#include "partition/crc32.h"

namespace mpx {
namespace {

constexpr uint64_t kMaxArrayBytes = 1 << 20;
// The reference reads the first 256 entries only (its slice array).
constexpr uint32_t kGptMaxEntries = 256;

struct Header {
  uint64_t first_usable = 0;
  uint64_t last_usable = 0;
  uint64_t entries_lba = 0;
  uint32_t entries = 0;
  uint32_t entry_size = 0;
  std::vector<uint8_t> array;
};

class GptReader {
 public:
  explicit GptReader(DiskReader& disk)
      : disk_(disk), sector_(disk.sector_size()), sectors_(disk.size_bytes() / sector_) {}

  // The header at `lba` with its entry array, or why not.
  Result<Header> ReadHeader(uint64_t lba) {
    if (lba == 0 || lba >= sectors_) return Bad("its sector is beyond the disk");
    auto s = disk_.Read(lba * sector_, sector_);
    if (!s.ok()) return Bad("unreadable");
    const std::vector<uint8_t>& b = *s;
    if (std::string(b.begin(), b.begin() + 8) != "EFI PART") return Bad("no signature");
    const uint32_t size = static_cast<uint32_t>(LittleEndian(b, 12, 4));
    if (size < 92 || size > sector_) return Bad("header size " + std::to_string(size));
    std::vector<uint8_t> copy(b.begin(), b.begin() + size);
    for (size_t i = 16; i < 20; ++i) copy[i] = 0;
    if (Crc32(copy) != LittleEndian(b, 16, 4)) return Bad("header CRC mismatch");
    if (LittleEndian(b, 24, 8) != lba) return Bad("it names another sector as its own");
    Header h;
    h.first_usable = LittleEndian(b, 40, 8);
    h.last_usable = LittleEndian(b, 48, 8);
    h.entries_lba = LittleEndian(b, 72, 8);
    h.entries = static_cast<uint32_t>(LittleEndian(b, 80, 4));
    h.entry_size = static_cast<uint32_t>(LittleEndian(b, 84, 4));
    if (h.first_usable > h.last_usable || h.last_usable >= sectors_) {
      return Bad("usable area outside the disk");
    }
    if (h.entry_size < 128 || h.entry_size > 4096 || h.entry_size % 8 != 0) {
      return Bad("entry size " + std::to_string(h.entry_size));
    }
    const uint64_t bytes = static_cast<uint64_t>(h.entries) * h.entry_size;
    if (bytes > kMaxArrayBytes) return Bad(std::to_string(h.entries) + " entries");
    if (h.entries_lba == 0 || h.entries_lba >= sectors_ ||
        bytes > (sectors_ - h.entries_lba) * sector_) {
      return Bad("entry array outside the disk");
    }
    auto array = disk_.Read(h.entries_lba * sector_, static_cast<size_t>(bytes));
    if (!array.ok()) return Bad("entry array unreadable");
    if (Crc32(*array) != LittleEndian(b, 88, 4)) return Bad("entry array CRC mismatch");
    h.array = std::move(array).value();
    return h;
  }

  // The table of `h`; `used`: how many of its entries have a type.
  PartitionTable Slices(const Header& h, int& used) {
    PartitionTable t;
    t.format = "gpt";
    const uint64_t unit = sector_ / 512;
    for (uint32_t i = 0; i < h.entries && i < kGptMaxEntries; ++i) {
      const size_t at = static_cast<size_t>(i) * h.entry_size;
      bool typed = false;
      for (size_t k = 0; k < 16; ++k) typed = typed || h.array[at + k] != 0;
      if (!typed) continue;
      ++used;
      const uint64_t first = LittleEndian(h.array, at + 32, 8);
      const uint64_t last = LittleEndian(h.array, at + 40, 8);
      const int number = static_cast<int>(i) + 1;
      if (first > last || first < h.first_usable || last > h.last_usable) {
        t.warnings.push_back("partition " + std::to_string(number) + " (sectors " +
                             std::to_string(first) + "-" + std::to_string(last) +
                             ") lies outside the usable area; left out");
        continue;
      }
      t.slices.push_back({number, first * unit, (last - first + 1) * unit, 0});
    }
    return t;
  }

  uint64_t last_lba() const { return sectors_ == 0 ? 0 : sectors_ - 1; }

 private:
  static Error Bad(const std::string& why) { return MakeError(why, 22 /*EINVAL*/); }

  DiskReader& disk_;
  const uint64_t sector_;
  const uint64_t sectors_;
};

bool Protective(DiskReader& disk) {
  auto s = disk.Read(0, 512);
  if (!s.ok() || (*s)[510] != 0x55 || (*s)[511] != 0xaa) return false;
  for (size_t i = 0; i < 4; ++i) {
    if ((*s)[446 + 16 * i + 4] == 0xee) return true;
  }
  return false;
}

}  // namespace

std::optional<PartitionTable> ReadGptTable(DiskReader& disk, bool force,
                                           std::vector<std::string>* why) {
  if (disk.sector_size() < 512 || disk.sector_size() % 512 != 0) return std::nullopt;
  if (!force && !Protective(disk)) return std::nullopt;
  GptReader r(disk);
  auto primary = r.ReadHeader(1);
  auto alternate = r.ReadHeader(r.last_lba());
  PartitionTable t;
  int used = 0;
  if (primary.ok()) {
    t = r.Slices(*primary, used);
    if (!alternate.ok()) {
      t.warnings.insert(
          t.warnings.begin(),
          "alternate GPT is invalid (" + alternate.error().message + "), using the primary GPT");
    }
  } else if (alternate.ok()) {
    t = r.Slices(*alternate, used);
    t.warnings.insert(t.warnings.begin(), "primary GPT is invalid (" + primary.error().message +
                                              "), using the alternate GPT");
  } else {
    t.warnings = {"primary GPT is invalid (" + primary.error().message + ")",
                  "alternate GPT is invalid (" + alternate.error().message + ")"};
  }
  if (used > 0) return t;
  if (why != nullptr) why->insert(why->end(), t.warnings.begin(), t.warnings.end());
  return std::nullopt;
}

}  // namespace mpx
