#include "cli/kpartx.h"

#include <algorithm>
#include <map>

#include "base/strings.h"
#include "policy/partition_maps.h"

namespace mpx {
namespace {

std::string LinearTable(const KpartxParent& parent, const Slice& s) {
  return "0 " + std::to_string(s.size) + " linear " + std::to_string(parent.major) + ":" +
         std::to_string(parent.minor) + " " + std::to_string(s.start);
}

// The parent's partition maps by number: uuid part<N>-<parent uuid>.
std::map<int, DmMapInfo> PartitionMaps(const std::vector<DmMapInfo>& maps,
                                       const KpartxParent& parent) {
  std::map<int, DmMapInfo> out;
  for (const DmMapInfo& m : maps) {
    if (auto n = PartitionNumber(m.uuid, parent.uuid)) out.emplace(*n, m);
  }
  return out;
}

// The reference's order: the slices inside none first, then the contained
// ones (DOS logicals; BSD and Sun slices inside their 'c'), each in number
// order.
std::vector<const Slice*> MapOrder(const PartitionTable& table) {
  std::vector<const Slice*> order;
  for (const Slice& s : table.slices) {
    if (s.container == 0) order.push_back(&s);
  }
  for (const Slice& s : table.slices) {
    if (s.container != 0) order.push_back(&s);
  }
  return order;
}

class Kpartx {
 public:
  Kpartx(const KpartxRequest& req, const KpartxParent& parent, DeviceMapper& dm, Logger& log)
      : req_(req), parent_(parent), dm_(dm), log_(log) {}

  CommandOutput Run(const PartitionTable& table) {
    for (const std::string& w : table.warnings) log_.Warning(parent_.devnode + ": " + w);
    if (req_.op == KpartxOp::kList) {
      for (const Slice* s : MapOrder(table)) {
        r_.out += PartitionMapName(parent_, req_.delimiter, s->number) + " : 0 " +
                  std::to_string(s->size) + " " + parent_.devnode + " " + std::to_string(s->start) +
                  "\n";
      }
      return r_;
    }
    // No format found: the reference neither adds nor removes anything.
    if (req_.op != KpartxOp::kDelete && table.format.empty()) return r_;
    auto maps = dm_.List("");
    if (!maps.ok()) return Fail(maps.error().message);
    std::map<int, DmMapInfo> existing = PartitionMaps(*maps, parent_);
    if (req_.op == KpartxOp::kDelete) {
      for (const auto& [number, m] : existing) Remove(m);
      return r_;
    }
    for (const Slice* s : MapOrder(table)) {
      auto it = existing.find(s->number);
      Put(*s, it == existing.end() ? nullptr : &it->second);
    }
    if (req_.op == KpartxOp::kUpdate) {
      for (const auto& [number, m] : existing) {
        const bool kept = std::any_of(table.slices.begin(), table.slices.end(),
                                      [n = number](const Slice& s) { return s.number == n; });
        if (!kept) Remove(m);
      }
    }
    return r_;
  }

 private:
  // Creates the partition map, or brings the one of its uuid to its name and table.
  void Put(const Slice& s, const DmMapInfo* have) {
    const std::string name = PartitionMapName(parent_, req_.delimiter, s.number);
    const std::string uuid = "part" + std::to_string(s.number) + "-" + parent_.uuid;
    const std::string table = LinearTable(parent_, s);
    if (have == nullptr) {
      if (Status st = dm_.Create(name, uuid, table, {.read_only = req_.read_only}); !st.ok()) {
        Fail("create/reload failed on " + name + ": " + st.error().message);
        return;
      }
    } else {
      if (have->name != name) {
        if (req_.verbose)
          r_.out +=
              "found map " + have->name + " for uuid " + uuid + ", renaming to " + name + "\n";
        if (Status st = dm_.Rename(have->name, name); !st.ok()) {
          Fail("rename of " + have->name + " to " + name + " failed: " + st.error().message);
          return;
        }
      }
      auto now = dm_.Table(name);
      if (!now.ok() || Trim(*now) != table) {
        if (Status st = dm_.Reload(name, table, {.reload = true}); !st.ok()) {
          Fail("create/reload failed on " + name + ": " + st.error().message);
          return;
        }
      }
    }
    if (req_.verbose) {
      auto info = dm_.Info(name);
      r_.out += "add map " + name + " (" + (info.ok() ? info->DevT() : std::string("0:0")) +
                "): " + table + "\n";
    }
  }

  void Remove(const DmMapInfo& m) {
    if (m.open_count > 0) {
      Fail(m.name + " is in use. Not removing");
      return;
    }
    if (Status st = dm_.Remove(m.name, RemoveMode::kNow); !st.ok()) {
      Fail(m.name + ": " + st.error().message);
      return;
    }
    if (req_.verbose) r_.out += "del devmap : " + m.name + "\n";
  }

  CommandOutput Fail(const std::string& message) {
    log_.Error(message);
    r_.exit_code = 1;
    return r_;
  }

  const KpartxRequest& req_;
  const KpartxParent& parent_;
  DeviceMapper& dm_;
  Logger& log_;
  CommandOutput r_;
};

}  // namespace

std::string DevnodeUuid(uint32_t major, uint32_t minor) {
  return "devnode_" + std::to_string(major) + ":" + std::to_string(minor) + "_Wh5pYvM";
}

std::string PartitionMapName(const KpartxParent& parent,
                             const std::optional<std::string>& delimiter, int number) {
  std::string delim;
  if (delimiter) {
    delim = *delimiter;
  } else if (!parent.name.empty() && parent.name.back() >= '0' && parent.name.back() <= '9') {
    delim = "p";
  }
  return parent.name + delim + std::to_string(number);
}

CommandOutput RunKpartx(const KpartxRequest& req, const KpartxParent& parent,
                        const PartitionTable& table, DeviceMapper& dm, Logger& log) {
  return Kpartx(req, parent, dm, log).Run(table);
}

}  // namespace mpx
