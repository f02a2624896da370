// multipathd's JSON replies.
//
// `show maps json` and `show map $m json` are byte for byte the reference's
// (its schema 0.1: "major_version": 0, "minor_version": 1; three-space
// indents, `"key" : value`), so tools written for it keep working. The other
// show commands' JSON is mpx's own, documented in docs/multipathd.md
// ("schema_version": "1.0").
#pragma once

#include <string>

#include "daemon/state.h"

namespace mpx {

// The reference's `show maps json`.
std::string ReferenceMapsJson(const Snapshot& s);
// The reference's `show map $m json` for one map of the snapshot.
std::string ReferenceMapJson(const Snapshot& s, const MapEntry& m);

// mpx's documents.
std::string PathsJson(const Snapshot& s);
std::string PathJson(const Snapshot& s, const PathEntry& p);
std::string StatusJson(const Snapshot& s);
std::string DaemonJson(const Snapshot& s, int pid);

// Prometheus text format (version 0.0.4): per path its state, checks,
// failures and check latency; per map queueing, group switches, usable
// paths. `show metrics`, and the node_exporter textfile.
std::string Metrics(const Snapshot& s);

// Helpers shared with show.cc.
const PathEntry* FindPathEntry(const Snapshot& s, PathId id);
// The SCSI LUN as the 8-byte number `show paths format %L` and lun_hex print.
std::string LunHex(uint64_t lun);
std::string FailbackText(const MapEntry& m);
std::string QueueingText(const MapEntry& m);

}  // namespace mpx
