// DmTable and DmStatus: a dm-multipath map's table line and status line as
// plain values (the kernel grammar is in REFERENCE.md §2; parsing and
// formatting are in policy/dm_table.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mpx {

struct DmTablePath {
  std::string dev;                // "8:16"
  std::vector<std::string> args;  // per-path selector args, e.g. {"1"}
  bool operator==(const DmTablePath&) const = default;
};

// The kernel counts per-path args once per group, so every path of a group
// must carry the same number of args.
struct DmTableGroup {
  std::string selector = "service-time";  // without its arg count
  std::vector<std::string> selector_args;
  std::vector<DmTablePath> paths;
  bool operator==(const DmTableGroup&) const = default;
};

struct DmTable {
  uint64_t start = 0;
  uint64_t length = 0;  // 512-byte sectors
  // Feature words; "#features" counts words, so {"pg_init_retries", "50"} is 2.
  std::vector<std::string> features;
  std::string hwhandler;  // "" for none
  std::vector<std::string> hwhandler_args;
  unsigned initial_group = 1;  // 1-based; 0 only when there are no groups
  std::vector<DmTableGroup> groups;
  bool operator==(const DmTable&) const = default;
  // Whether a group holds the path device `dev` ("8:16").
  bool Holds(const std::string& dev) const {
    for (const DmTableGroup& g : groups) {
      for (const DmTablePath& p : g.paths) {
        if (p.dev == dev) return true;
      }
    }
    return false;
  }
};

// `dmsetup status` of a multipath map.
enum class DmGroupState { kActive, kEnabled, kDisabled };  // A, E, D

struct DmPathStatus {
  std::string dev;     // "8:16"
  bool active = true;  // A; false is F (failed)
  unsigned fail_count = 0;
  std::vector<std::string> selector_args;  // e.g. service-time: in-flight size, throughput
  bool operator==(const DmPathStatus&) const = default;
};

struct DmGroupStatus {
  DmGroupState state = DmGroupState::kEnabled;
  std::vector<std::string> selector_args;
  std::vector<DmPathStatus> paths;
  bool operator==(const DmGroupStatus&) const = default;
};

struct DmStatus {
  uint64_t start = 0;
  uint64_t length = 0;
  bool queueing = false;  // I/O is being queued right now (MPATHF_QUEUE_IO)
  unsigned pg_init_count = 0;
  std::vector<std::string> hwhandler_status;
  unsigned current_group = 0;  // the group the next I/O goes to (1-based); 0 with no groups
  std::vector<DmGroupStatus> groups;
  bool operator==(const DmStatus&) const = default;
};

}  // namespace mpx
