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

PartitionTable ReadPartitionTable(DiskReader& disk, bool force_gpt, std::string_view only) {
  std::vector<std::string> why;
  using Reader = std::function<std::optional<PartitionTable>(DiskReader&)>;
  const std::pair<std::string_view, Reader> readers[] = {
      {"gpt", [&](DiskReader& d) { return ReadGptTable(d, force_gpt, &why); }},
      {"dos", ReadDosTable},
      {"bsd", ReadBsdTable},
      {"solaris", [](DiskReader& d) { return ReadSolarisTable(d); }},
      {"unixware", ReadUnixwareTable},
      // dasd: not read (scan.h).
      {"mac", ReadMacTable},
      {"sun", ReadSunTable},
      {"ps3", ReadPs3Table},
  };
  for (const auto& [name, read] : readers) {
    if (!only.empty() && name != only) continue;
    if (auto table = read(disk)) return *std::move(table);
  }
  PartitionTable none;
  none.warnings = std::move(why);
  return none;
}

}  // namespace mpx
