#include "testing/fake_devmapper.h"

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "base/strings.h"
#include "policy/dm_table.h"

namespace mpx {
namespace {

Error MapError(const std::string& name, const std::string& op, int err) {
  return MakeError(
      "map " + name + ": " + op + ": " + std::error_code(err, std::generic_category()).message(),
      err);
}

// Per-path status args the kernel's selectors print (in-flight size and
// relative throughput for service-time, queue length for queue-length).
std::string PathStatusArgs(const std::string& selector) {
  if (selector == "service-time") return "2";
  if (selector == "queue-length") return "1";
  return "0";
}

std::string StatusLine(const FakeDeviceMapper::Map& m) {
  const DmTable& t = m.parsed;
  bool any_active = false;
  for (const auto& [dev, failed] : m.failed) any_active |= !failed;
  bool queueing = !any_active && std::find(t.features.begin(), t.features.end(),
                                           "queue_if_no_path") != t.features.end();
  std::string out = std::to_string(t.start) + " " + std::to_string(t.length) + " multipath 2 " +
                    (queueing ? "1" : "0") + " 0 0 " + std::to_string(t.groups.size()) + " " +
                    // as the kernel: the group in use, else the first
                    std::to_string(m.current_group != 0 ? m.current_group
                                   : t.groups.empty()   ? 0u
                                                        : 1u) +
                    " ";
  for (size_t g = 0; g < t.groups.size(); ++g) {
    const DmTableGroup& group = t.groups[g];
    const char* state = m.disabled[g] ? "D" : g + 1 == m.current_group ? "A" : "E";
    std::string args = PathStatusArgs(group.selector);
    out += std::string(state) + " 0 " + std::to_string(group.paths.size()) + " " + args + " ";
    for (const auto& p : group.paths) {
      out += p.dev + (m.failed.at(p.dev) ? " F " : " A ") +
             std::to_string(m.fail_counts.at(p.dev)) + " ";
      out += args == "2" ? "0 1 " : args == "1" ? "0 " : "";
    }
  }
  return out;
}

}  // namespace

void FakeDeviceMapper::InjectFailure(int err, int nth, std::string op) {
  injections_.push_back({err, nth, std::move(op)});
}

void FakeDeviceMapper::SetOpenCount(const std::string& name, int count) {
  auto it = maps_.find(name);
  if (it == maps_.end()) return;
  it->second.info.open_count = count;
  if (count == 0 && it->second.info.deferred_remove) Erase(name);
}

// A map whose table is one linear target over another map holds it open, as
// the kernel's: kpartx's partition maps over a multipath map.
FakeDeviceMapper::Map* FakeDeviceMapper::HeldBy(const std::string& table) {
  auto target = SplitTargetLine(table);
  if (!target.ok() || target->type != "linear") return nullptr;
  const std::string dev = target->params.substr(0, target->params.find(' '));
  for (auto& [name, m] : maps_) {
    if (m.info.DevT() == dev) return &m;
  }
  return nullptr;
}

void FakeDeviceMapper::Erase(const std::string& name) {
  auto it = maps_.find(name);
  if (it == maps_.end()) return;
  const std::string table = it->second.table;
  maps_.erase(it);
  if (Map* held = HeldBy(table)) SetOpenCount(held->info.name, held->info.open_count - 1);
}

const FakeDeviceMapper::Map* FakeDeviceMapper::Find(const std::string& name) const {
  auto it = maps_.find(name);
  return it == maps_.end() ? nullptr : &it->second;
}

mpx::Status FakeDeviceMapper::Begin(const std::string& op, const std::string& name,
                                    const std::string& extra) {
  std::string call = op;
  if (!name.empty()) call += " " + name;
  if (!extra.empty()) call += " " + extra;
  calls_.push_back(call);
  if (!availability_.available()) {
    return MakeError(
        "map " + (name.empty() ? "*" : name) + ": " + op + ": device-mapper is not available",
        kDmUnavailable);
  }
  for (auto it = injections_.begin(); it != injections_.end(); ++it) {
    if (!it->op.empty() && it->op != op) continue;
    if (--it->remaining > 0) continue;
    int err = it->err;
    injections_.erase(it);
    return MapError(name.empty() ? "*" : name, op, err);
  }
  return {};
}

Result<FakeDeviceMapper::Map*> FakeDeviceMapper::Lookup(const std::string& op,
                                                        const std::string& name) {
  auto it = maps_.find(name);
  if (it == maps_.end()) return MapError(name, op, ENXIO);
  return &it->second;
}

mpx::Status FakeDeviceMapper::SetTable(Map& m, const std::string& op, const std::string& table) {
  auto target = SplitTargetLine(table);
  if (!target)
    return MakeError("map " + m.info.name + ": " + op + ": " + target.error().message, EINVAL);
  DmTable parsed;
  if (target->type == "multipath") {
    auto p = ParseTable(table);
    if (!p) return MakeError("map " + m.info.name + ": " + op + ": " + p.error().message, EINVAL);
    parsed = std::move(*p);
  }
  m.table = table;
  m.parsed = std::move(parsed);
  m.failed.clear();
  m.fail_counts.clear();
  for (const auto& g : m.parsed.groups) {
    for (const auto& p : g.paths) {
      m.failed[p.dev] = false;
      m.fail_counts[p.dev] = 0;
    }
  }
  m.disabled.assign(m.parsed.groups.size(), false);
  m.current_group = m.parsed.initial_group;
  return {};
}

Result<std::vector<DmMapInfo>> FakeDeviceMapper::List(std::string_view target_type) {
  if (auto s = Begin("list", ""); !s) return s.error();
  std::vector<DmMapInfo> out;
  for (const auto& [name, m] : maps_) {
    auto target = SplitTargetLine(m.table);
    if (target_type.empty() || (target && target->type == target_type)) out.push_back(m.info);
  }
  return out;
}

Result<DmMapInfo> FakeDeviceMapper::Info(const std::string& name) {
  if (auto s = Begin("info", name); !s) return s.error();
  auto m = Lookup("info", name);
  if (!m) return m.error();
  return (*m)->info;
}

Result<DmMapInfo> FakeDeviceMapper::InfoByUuid(const std::string& uuid) {
  if (auto s = Begin("info", "uuid=" + uuid); !s) return s.error();
  for (const auto& [name, m] : maps_) {
    if (m.info.uuid == uuid) return m.info;
  }
  return MapError("uuid " + uuid, "info", ENXIO);
}

Result<DmMapInfo> FakeDeviceMapper::InfoByDevT(uint32_t major, uint32_t minor) {
  const std::string devt = std::to_string(major) + ":" + std::to_string(minor);
  if (auto s = Begin("info", devt); !s) return s.error();
  for (const auto& [name, m] : maps_) {
    if (m.info.major == major && m.info.minor == minor) return m.info;
  }
  return MapError(devt, "info", ENXIO);
}

Result<std::string> FakeDeviceMapper::Table(const std::string& name) {
  if (auto s = Begin("table", name); !s) return s.error();
  auto m = Lookup("table", name);
  if (!m) return m.error();
  return (*m)->table;
}

void FakeDeviceMapper::SetCurrentGroup(const std::string& name, unsigned group) {
  maps_.at(name).current_group = group;
}

void FakeDeviceMapper::FailPathByKernel(const std::string& name, const std::string& dev) {
  Map& m = maps_.at(name);
  if (!m.failed.at(dev)) ++m.fail_counts[dev];
  m.failed[dev] = true;
}

Result<std::string> FakeDeviceMapper::Status(const std::string& name) {
  if (auto s = Begin("status", name); !s) return s.error();
  auto m = Lookup("status", name);
  if (!m) return m.error();
  return StatusLine(**m);
}

mpx::Status FakeDeviceMapper::Create(const std::string& name, const std::string& uuid,
                                     const std::string& table, MapCreateOptions options) {
  udev_flags_.emplace_back("create " + name, options.udev);
  if (auto s = Begin("create", name); !s) return s;
  bool uuid_taken = std::any_of(maps_.begin(), maps_.end(), [&](const auto& e) {
    return !uuid.empty() && e.second.info.uuid == uuid;
  });
  if (maps_.count(name) != 0 || uuid_taken) return MapError(name, "create", EBUSY);
  Map m;
  m.info.name = name;
  if (auto s = SetTable(m, "create", table); !s) return s;
  m.info.uuid = uuid;
  m.info.read_only = options.read_only;
  m.info.major = 253;
  m.info.minor = next_minor_++;
  if (Map* held = HeldBy(table)) ++held->info.open_count;
  maps_.emplace(name, std::move(m));
  return {};
}

mpx::Status FakeDeviceMapper::Reload(const std::string& name, const std::string& table,
                                     MapUdevFlags udev) {
  udev_flags_.emplace_back("reload " + name, udev);
  if (auto s = Begin("reload", name); !s) return s;
  auto m = Lookup("reload", name);
  if (!m) return m.error();
  return SetTable(**m, "reload", table);
}

mpx::Status FakeDeviceMapper::Suspend(const std::string& name) {
  if (auto s = Begin("suspend", name); !s) return s;
  auto m = Lookup("suspend", name);
  if (!m) return m.error();
  (*m)->info.suspended = true;
  return {};
}

mpx::Status FakeDeviceMapper::Resume(const std::string& name) {
  if (auto s = Begin("resume", name); !s) return s;
  auto m = Lookup("resume", name);
  if (!m) return m.error();
  (*m)->info.suspended = false;
  return {};
}

mpx::Status FakeDeviceMapper::Rename(const std::string& name, const std::string& new_name) {
  if (auto s = Begin("rename", name, new_name); !s) return s;
  auto m = Lookup("rename", name);
  if (!m) return m.error();
  if (maps_.count(new_name) != 0) return MapError(name, "rename", EBUSY);
  auto node = maps_.extract(name);
  node.key() = new_name;
  node.mapped().info.name = new_name;
  maps_.insert(std::move(node));
  return {};
}

mpx::Status FakeDeviceMapper::Remove(const std::string& name, RemoveMode mode) {
  if (auto s = Begin("remove", name, mode == RemoveMode::kDeferred ? "deferred" : ""); !s) return s;
  auto m = Lookup("remove", name);
  if (!m) return m.error();
  if ((*m)->info.open_count > 0) {
    if (mode == RemoveMode::kDeferred) {
      (*m)->info.deferred_remove = true;
      return {};
    }
    return MakeError("map " + name + ": remove: in use (open count " +
                         std::to_string((*m)->info.open_count) + ")",
                     EBUSY);
  }
  Erase(name);
  return {};
}

mpx::Status FakeDeviceMapper::Message(const std::string& name, const std::string& message) {
  if (auto s = Begin("message", name, message); !s) return s;
  auto m = Lookup("message \"" + message + "\"", name);
  if (!m) return m.error();
  return ApplyMessage(**m, message);
}

mpx::Status FakeDeviceMapper::ApplyMessage(Map& m, const std::string& message) {
  std::vector<std::string_view> w = Split(message, ' ');
  auto invalid = [&] { return MapError(m.info.name, "message \"" + message + "\"", EINVAL); };
  if (w.size() == 1 && (w[0] == "queue_if_no_path" || w[0] == "fail_if_no_path")) {
    std::erase(m.parsed.features, "queue_if_no_path");
    if (w[0] == "queue_if_no_path") m.parsed.features.push_back("queue_if_no_path");
    m.table = FormatTable(m.parsed);
    return {};
  }
  if (w.size() != 2) return invalid();
  std::string arg(w[1]);
  if (w[0] == "fail_path" || w[0] == "reinstate_path") {
    if (m.failed.count(arg) == 0) return invalid();
    bool fail = w[0] == "fail_path";
    if (fail && !m.failed[arg]) ++m.fail_counts[arg];
    m.failed[arg] = fail;
    return {};
  }
  auto n = ParseU64(arg);
  if (!n || *n < 1 || *n > m.parsed.groups.size()) return invalid();
  if (w[0] == "switch_group")
    m.current_group = static_cast<unsigned>(*n);
  else if (w[0] == "disable_group")
    m.disabled[*n - 1] = true;
  else if (w[0] == "enable_group")
    m.disabled[*n - 1] = false;
  else
    return invalid();
  return {};
}

}  // namespace mpx
