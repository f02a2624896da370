// The dm-multipath table and status grammar, both ways, and building a table
// from mpx's model. Pure functions: no I/O.
//
// Table:  <start> <length> multipath <#features> [feature words]
//         <#hwh args> [hwhandler [args]] <#groups> <initial group>
//         per group: <selector> <#selector args> [args] <#paths> <#per-path args>
//                    (<maj:min> [per-path args])+
// Status: <start> <length> multipath 2 <queueing> <pg_init_count>
//         <#hwh status> [words] <#groups> <current group>
//         per group: A|E|D <#selector status> [args] <#paths> <#path status args>
//                    (<maj:min> A|F <fail count> [path status args])+
//
// What the kernel echoes back is not always what it was given (checked on
// Debian 12's 6.1 kernel in the lab; see KernelNormalisation in
// dm_table_test.cc): it prints features in its own order (queue_if_no_path,
// pg_init_retries N, ...), the selector's own per-path arg count (service-time
// 2: repeat count and relative throughput; round-robin 1) with repeat counts
// above 1 lowered to 1, the initial group as the group the next I/O goes to
// (it follows switch_group), and every line ends with a space. A table
// hardware handler of "0" stays "0" even when scsi_dh_alua is attached.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/dm_table.h"
#include "model/multipath_map.h"
#include "model/path_set.h"

namespace mpx {

// The table line in the kernel's spacing without its trailing space, e.g.
// "0 2097152 multipath 1 queue_if_no_path 1 alua 1 1 service-time 0 1 1 8:16 1".
// Precondition: the paths of a group carry equally many args.
std::string FormatTable(const DmTable& table);

// Parses a table line (as `dmsetup table` prints it, or as FormatTable
// writes it; any run of blanks separates words). Counts are checked strictly,
// as the kernel checks them. Errors read
// `dm table: word 7 ("x"): expected the number of path groups` (words count
// from 0; "at the end" when the line is short).
Result<DmTable> ParseTable(std::string_view line);

// Parses a status line as `dmsetup status` prints it.
Result<DmStatus> ParseStatus(std::string_view line);

// Parses a count-prefixed word list as multipath.conf writes features and
// hardware_handler: "0", "1 queue_if_no_path", "2 pg_init_retries 50".
Result<std::vector<std::string>> ParseCountedWords(std::string_view s);

// Splits "<start> <length> <type> <params>" (params may be empty).
struct DmTarget {
  uint64_t start = 0;
  uint64_t length = 0;
  std::string type;
  std::string params;
};
Result<DmTarget> SplitTargetLine(std::string_view line);

struct TableOptions {
  unsigned rr_min_io_rq = 1;
  bool rr_weight_priorities = false;  // rr_weight priorities: per-path arg × path priority
  // no_path_retry: true (queue or N) adds queue_if_no_path to the features,
  // false (fail) removes it, nullopt keeps the features as they are.
  std::optional<bool> queue_if_no_path;
};

// The table the reference loads for `map`: its features and hardware handler
// (count-prefixed strings), its groups in order with the map's selector, one
// per-path arg (rr_min_io_rq, times the path's priority when rr_weight is
// priorities and the priority is > 0), initial group 1 (0 with no groups).
// Fails on a malformed features/hwhandler string or a path not in `paths`.
Result<DmTable> BuildTable(const MultipathMap& map, const PathSet& paths,
                           const TableOptions& options = {});

}  // namespace mpx
