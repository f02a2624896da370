#include "partition/dos.h"

#include <algorithm>
#include <set>
#include <string>

#include "partition/byte_order.h"

namespace mpx {
namespace {

constexpr size_t kEntries = 446;  // offset of the four 16-byte entries
constexpr int kMaxLogical = 256;

struct Entry {
  uint8_t type = 0;
  uint64_t start = 0;  // in the disk's sectors, relative as the table says
  uint64_t size = 0;
};

bool Signed(const std::vector<uint8_t>& sector) {
  return sector.size() >= 512 && sector[510] == 0x55 && sector[511] == 0xaa;
}

Entry EntryAt(const std::vector<uint8_t>& sector, int i) {
  const size_t at = kEntries + 16 * static_cast<size_t>(i);
  return Entry{sector[at + 4], LittleEndian(sector, at + 8, 4), LittleEndian(sector, at + 12, 4)};
}

bool IsExtended(uint8_t type) { return type == 0x05 || type == 0x0f || type == 0x85; }
bool IsEmpty(const Entry& e) { return e.type == 0 || e.size == 0; }

class DosReader {
 public:
  explicit DosReader(DiskReader& disk)
      : disk_(disk),
        unit_(disk.sector_size() / 512),
        disk_sectors_(disk.size_bytes() / disk.sector_size()) {}

  std::optional<PartitionTable> Read() {
    auto first = disk_.Read(0, disk_.sector_size());
    if (!first.ok() || !Signed(*first)) return std::nullopt;
    for (int i = 0; i < 4; ++i) {
      if (EntryAt(*first, i).type == 0xee) return std::nullopt;  // GPT's
    }
    table_.format = "dos";
    for (int i = 0; i < 4; ++i) {
      const Entry e = EntryAt(*first, i);
      if (IsEmpty(e)) continue;
      if (!Fits(i + 1, e.start, e.size)) continue;
      if (IsExtended(e.type)) {
        // Its first 1 KiB (a sector of larger ones), as far as the disk goes.
        const uint64_t shown =
            std::min<uint64_t>(unit_ == 1 ? 2 : unit_, (disk_sectors_ - e.start) * unit_);
        table_.slices.push_back({i + 1, e.start * unit_, shown, 0});
        extended_.push_back({i + 1, e});
      } else {
        table_.slices.push_back({i + 1, e.start * unit_, e.size * unit_, 0});
      }
    }
    for (const auto& [number, e] : extended_) ReadLogical(number, e);
    return std::move(table_);
  }

 private:
  bool Fits(int number, uint64_t start, uint64_t size) {
    if (start < disk_sectors_ && size <= disk_sectors_ - start) return true;
    table_.warnings.push_back("partition " + std::to_string(number) +
                              " lies beyond the end of the disk; left out");
    return false;
  }

  // The chain of extended boot records in the extended partition `ext`.
  void ReadLogical(int container, const Entry& ext) {
    std::set<uint64_t> seen;
    uint64_t ebr = ext.start;
    for (int records = 0;; ++records) {
      const std::string where = "extended partition " + std::to_string(container);
      if (records == kMaxLogical) {
        table_.warnings.push_back(where + ": more than " + std::to_string(kMaxLogical) +
                                  " logical partitions; the rest left out");
        return;
      }
      if (!seen.insert(ebr).second) {
        table_.warnings.push_back(where + ": its chain of boot records loops; the rest left out");
        return;
      }
      auto sector = disk_.Read(ebr * disk_.sector_size(), disk_.sector_size());
      if (!sector.ok() || !Signed(*sector)) {
        table_.warnings.push_back(where + ": no boot record at sector " + std::to_string(ebr) +
                                  "; the rest left out");
        return;
      }
      std::optional<Entry> next;
      for (int i = 0; i < 4; ++i) {
        const Entry e = EntryAt(*sector, i);
        if (IsEmpty(e)) continue;
        if (IsExtended(e.type)) {
          if (!next) next = e;
        } else if (i < 2 && !data_seen_in(*sector, i)) {
          const int number = next_logical_++;
          if (Fits(number, ebr + e.start, e.size)) {
            table_.slices.push_back({number, (ebr + e.start) * unit_, e.size * unit_, container});
          }
        }
      }
      if (!next) return;
      if (next->start >= ext.size) {
        table_.warnings.push_back(where + ": a boot record outside it; the rest left out");
        return;
      }
      ebr = ext.start + next->start;
    }
  }

  // Only the first data entry of a boot record is a partition.
  static bool data_seen_in(const std::vector<uint8_t>& sector, int i) {
    for (int k = 0; k < i; ++k) {
      const Entry e = EntryAt(sector, k);
      if (!IsEmpty(e) && !IsExtended(e.type)) return true;
    }
    return false;
  }

  DiskReader& disk_;
  const uint64_t unit_;  // 512-byte sectors per disk sector
  const uint64_t disk_sectors_;
  PartitionTable table_;
  std::vector<std::pair<int, Entry>> extended_;
  int next_logical_ = 5;
};

}  // namespace

std::optional<PartitionTable> ReadDosTable(DiskReader& disk) {
  if (disk.sector_size() < 512 || disk.sector_size() % 512 != 0) return std::nullopt;
  return DosReader(disk).Read();
}

}  // namespace mpx
