// The multipathd command language: "show paths", "fail path sdb",
// "switchgroup map mpatha group 2", ... as the reference 0.9.4 accepts them
// (its `help` listing), parsed into a typed command. Pure.
//
// Words are separated by blanks; a "double quoted" word keeps its blanks
// (format strings). Synonyms as the reference: list = show, multipaths = maps,
// multipath = map, remove = del, switch = switchgroup, exit = quit. Beyond
// the reference, every show command takes a trailing "json" (documented
// schemas) and "show metrics" gives Prometheus text.
//
// A word sequence that matches no command is "not found"; one that stops
// before a command is complete is "Missing argument". Both replies carry the
// usage listing, as the reference's do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mpx {

enum class CliCmd {
  kShowPaths,
  kShowPathsFormat,
  kShowPathsRawFormat,
  kShowPath,
  kShowMaps,
  kShowStatus,
  kShowDaemon,
  kShowMapsStatus,
  kShowMapsStats,
  kShowMapsFormat,
  kShowMapsRawFormat,
  kShowMapsTopology,
  kShowTopology,
  kShowMapsJson,
  kShowMapTopology,
  kShowMapFormat,
  kShowMapRawFormat,
  kShowMapJson,
  kShowConfigLocal,
  kShowConfig,
  kShowBlacklist,
  kShowDevices,
  kShowWildcards,
  kShowMetrics,
  kResetMapsStats,
  kResetMapStats,
  kAddPath,
  kDelPath,
  kAddMap,
  kDelMap,
  kDelMaps,
  kSwitchGroup,
  kReconfigure,
  kReconfigureAll,
  kSuspendMap,
  kResumeMap,
  kResizeMap,
  kReloadMap,
  kResetMap,
  kReinstatePath,
  kFailPath,
  kDisableQueueingMap,
  kRestoreQueueingMap,
  kDisableQueueingMaps,
  kRestoreQueueingMaps,
  kQuit,
  kShutdown,
  kGetPrStatus,
  kSetPrStatus,
  kUnsetPrStatus,
  kForceQueueingDaemon,
  kRestoreQueueingDaemon,
  kGetPrKey,
  kSetPrKey,
  kUnsetPrKey,
  kSetMarginalPath,
  kUnsetMarginalPath,
  kUnsetMarginalMap,
};

struct CliCommand {
  CliCmd cmd = CliCmd::kShowPaths;
  // The command's parameters ("" when it has none of that kind).
  std::string path;    // $path: a kernel name (sda) or maj:min
  std::string map;     // $map: alias, WWID, dm-N or maj:min
  std::string group;   // $group, 1-based
  std::string format;  // $format
  std::string key;     // $key
  bool json = false;   // "... json" (maps json and map json set it too)
  // Only reads the daemon's state: allowed for any user (the others need root).
  bool read_only = false;
};

// Splits a command line into words (quotes removed). Error for an unclosed
// quote.
Result<std::vector<std::string>> SplitCliWords(std::string_view line);

// Error messages are the reference's reply lines: `<words>: not found` or
// `<words>: Missing argument` (the caller appends CliUsage()).
Result<CliCommand> ParseCliCommand(std::string_view line);

// The usage listing the reference sends after an unknown command.
std::string CliUsage();

}  // namespace mpx
