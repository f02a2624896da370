// prio_args as the reference's prioritizers read them (multipath.conf(5)).
// Pure; every parser takes any text. Errors carry the reference's wording,
// without the "<dev>: <prio> prio: " prefix the caller adds.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace mpx {

// alua and sysfs: the word "exclusive_pref_bit" anywhere, delimited by
// blanks or the ends.
bool ExclusivePrefBit(std::string_view args);

// weightedpath: "<hbtl|devname|serial|wwn> <regex1> <prio1> <regex2> <prio2>
// ...", words split at blanks and tabs. A trailing regex without a priority
// is dropped. Errors: no words at all ("no arguments"), an unknown first
// word ("Invalid arguments").
struct WeightedPathArgs {
  std::string key;                                         // hbtl, devname, serial or wwn
  std::vector<std::pair<std::string, std::string>> rules;  // regex, priority text
};
Result<WeightedPathArgs> ParseWeightedPathArgs(std::string_view args);
// A rule's priority as the reference's atoi reads it: leading blanks, an
// optional sign, the digits that follow; 0 when there are none.
int AtoiPrefix(std::string_view text);

// path_latency: "io_num=<20..200> base_num=<1.1..10>" in the first two words,
// either order. The reference falls back to io_num=100 and
// base_num=1.77827941004 (10^(1/4)) on any error, saying so.
struct PathLatencyArgs {
  int io_num = 100;
  double base_num = 1.77827941004;
};
Result<PathLatencyArgs> ParsePathLatencyArgs(std::string_view args);

// iet: "preferredip=<address>" (sscanf "preferredip=%s": the address runs to
// the first blank). Errors: "unexpected prio_args format", "prio args:
// preferredip too short" (7 characters or fewer).
Result<std::string> ParseIetArgs(std::string_view args);

// datacore: "preferredsds=<name>", optionally with "timeout=<ms>" before or
// after (sscanf's "timeout=%i preferredsds=%s", "preferredsds=%s
// timeout=%i", "preferredsds=%s", tried in that order). Errors: "unexpected
// prio_args format", "prio args: preferredsds too short (1 character min)"
// (sic: one character is too short), "prio args: timeout out of bounds
// [500:20000]".
struct DatacoreArgs {
  std::string preferred_sds;
  int timeout_ms = 2000;
};
Result<DatacoreArgs> ParseDatacoreArgs(std::string_view args);

}  // namespace mpx
