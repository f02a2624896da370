#include "partition/scan.h"

#include "partition/dos.h"
#include "partition/gpt.h"

namespace mpx {

PartitionTable ReadPartitionTable(DiskReader& disk, bool force_gpt) {
  std::vector<std::string> why;
  if (auto gpt = ReadGptTable(disk, force_gpt, &why)) return *gpt;
  if (!force_gpt) {
    if (auto dos = ReadDosTable(disk)) return *dos;
  }
  PartitionTable none;
  none.warnings = std::move(why);
  return none;
}

}  // namespace mpx
