#include "partition/scan.h"

#include <functional>
#include <optional>

#include "partition/bsd.h"
#include "partition/dos.h"
#include "partition/gpt.h"
#include "partition/mac.h"
#include "partition/ps3.h"
#include "partition/solaris.h"
#include "partition/sun.h"
#include "partition/unixware.h"

namespace mpx {

PartitionTable ReadPartitionTable(DiskReader& disk, bool force_gpt) {
  std::vector<std::string> why;
  using Reader = std::function<std::optional<PartitionTable>(DiskReader&)>;
  const Reader readers[] = {
      [&](DiskReader& d) { return ReadGptTable(d, force_gpt, &why); },
      ReadDosTable,
      ReadBsdTable,
      [](DiskReader& d) { return ReadSolarisTable(d); },
      ReadUnixwareTable,
      // dasd: not read (scan.h).
      ReadMacTable,
      ReadSunTable,
      ReadPs3Table,
  };
  for (const Reader& read : readers) {
    if (auto table = read(disk)) return *std::move(table);
  }
  PartitionTable none;
  none.warnings = std::move(why);
  return none;
}

}  // namespace mpx
