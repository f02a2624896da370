#include "daemon/show_json.h"

#include <algorithm>
#include <cstdio>

#include "output/json_writer.h"
#include "output/topology_text.h"

namespace mpx {
namespace {

// The reference's hand-made JSON: `"key" : value` lines at an indent.
class RefJson {
 public:
  void Str(int indent, const std::string& key, const std::string& v, bool last = false) {
    Line(indent, "\"" + key + "\" : " + JsonEscape(v), last);
  }
  void Int(int indent, const std::string& key, int64_t v, bool last = false) {
    Line(indent, "\"" + key + "\" : " + std::to_string(v), last);
  }
  void Raw(const std::string& text) { out_ += text; }
  std::string Take() { return std::move(out_); }

 private:
  void Line(int indent, const std::string& text, bool last) {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += text;
    out_ += last ? "\n" : ",\n";
  }
  std::string out_;
};

std::string GroupState(const std::string& s) { return s.empty() ? "undef" : s; }

void RefPath(RefJson& j, const Snapshot& s, const PathEntry& e, const MapEntry& m) {
  const Path& p = e.path;
  j.Str(12, "dev", p.dev);
  j.Str(12, "dev_t", p.DevT());
  j.Str(12, "dm_st", e.dm_failed ? "failed" : "active");
  j.Str(12, "dev_st", p.sysfs_state);
  j.Str(12, "chk_st", std::string(CheckerStateName(e.check.state)));
  j.Str(12, "checker", p.checker.empty() ? m.config.checker : p.checker);
  j.Int(12, "pri", std::max(p.priority, 0));
  j.Str(12, "host_wwnn", "[undef]");
  j.Str(12, "target_wwnn", "[undef]");
  j.Str(12, "host_wwpn", "[undef]");
  j.Str(12, "target_wwpn", "[undef]");
  j.Str(12, "host_adapter", "[undef]");
  j.Str(12, "lun_hex", LunHex(p.hctl.lun));
  j.Str(12, "marginal_st", "normal", true);
  (void)s;
}

void RefMapBody(RefJson& j, const Snapshot& s, const MapEntry& m) {
  size_t paths = 0;
  for (const auto& g : m.map.groups) paths += g.paths.size();
  j.Str(6, "name", m.map.name);
  j.Str(6, "uuid", m.map.wwid);
  j.Str(6, "sysfs", "dm-" + std::to_string(m.info.minor));
  j.Str(6, "failback", FailbackText(m));
  j.Str(6, "queueing", QueueingText(m));
  j.Int(6, "paths", static_cast<int64_t>(paths));
  j.Str(6, "write_prot", m.info.read_only ? "ro" : "rw");
  j.Str(6, "dm_st", m.info.suspended ? "suspend" : "active");
  j.Str(6, "features", m.map.features);
  j.Str(6, "hwhandler", m.map.hwhandler);
  j.Str(6, "action", m.action);
  j.Int(6, "path_faults", static_cast<int64_t>(m.path_faults));
  j.Str(6, "vend", m.map.vendor);
  j.Str(6, "prod", m.map.model);
  j.Str(6, "rev", m.map.rev);
  j.Int(6, "switch_grp", static_cast<int64_t>(m.switch_group));
  j.Int(6, "map_loads", static_cast<int64_t>(m.map_loads));
  j.Int(6, "total_q_time", static_cast<int64_t>(m.total_queue_seconds));
  j.Int(6, "q_timeouts", static_cast<int64_t>(m.queue_timeouts));
  j.Raw("      \"path_groups\": [");
  for (size_t g = 0; g < m.map.groups.size(); ++g) {
    const PathGroup& pg = m.map.groups[g];
    j.Raw(g == 0 ? "{\n" : "      },{\n");
    j.Str(9, "selector", pg.selector);
    j.Int(9, "pri", pg.priority);
    j.Str(9, "dm_st", GroupState(pg.dm_state));
    j.Str(9, "marginal_st", "normal");
    j.Int(9, "group", static_cast<int64_t>(g + 1));
    j.Raw("         \"paths\": [");
    bool first = true;
    for (PathId id : pg.paths) {
      const PathEntry* e = FindPathEntry(s, id);
      if (e == nullptr) continue;
      j.Raw(first ? "{\n" : "         },{\n");
      first = false;
      RefPath(j, s, *e, m);
    }
    j.Raw(first ? "]\n" : "         }]\n");
  }
  j.Raw(m.map.groups.empty() ? "]\n" : "      }]\n");
}

const char* StateName(PathState s) {
  switch (s) {
    case PathState::kUp:
      return "up";
    case PathState::kDown:
      return "down";
    case PathState::kGhost:
      return "ghost";
    case PathState::kShaky:
      return "shaky";
    case PathState::kPending:
      return "pending";
    case PathState::kUndef:
      break;
  }
  return "undef";
}

void WritePath(JsonWriter& w, const Snapshot& s, const PathEntry& e) {
  const Path& p = e.path;
  const MapEntry* m = e.map.empty() ? nullptr : s.FindMap(e.map);
  w.BeginObject().Field("dev", p.dev).Field("dev_t", p.DevT()).Field("hctl", p.hctl.ToString());
  w.Field("wwid", p.wwid).Field("map", m ? m->map.name : "");
  w.Field("vendor", p.vendor).Field("model", p.model).Field("rev", p.rev);
  w.Field("dm_state", m == nullptr ? "undef" : e.dm_failed ? "failed" : "active");
  w.Field("checker_state", CheckerStateName(e.check.state));
  w.Field("checker_message", e.check.message).Field("sysfs_state", p.sysfs_state);
  w.Field("priority", int64_t{std::max(p.priority, 0)}).Field("prioritizer", p.prioritizer);
  w.Field("check_interval_seconds", int64_t{e.check.interval});
  w.Field("next_check_seconds",
          static_cast<int64_t>(std::max<int64_t>(0, (e.check.next - s.taken).count() / 1000000)));
  w.Field("check_pending", e.check.pending);
  w.Field("checks", static_cast<int64_t>(e.check.checks));
  w.Field("check_failures", static_cast<int64_t>(e.check.failures));
  w.Field("check_timeouts", static_cast<int64_t>(e.check.timeouts));
  w.Field("last_check_microseconds", static_cast<int64_t>(e.check.last_duration.count()));
  w.EndObject();
}

std::string Label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

const PathEntry* FindPathEntry(const Snapshot& s, PathId id) {
  for (const auto& [pid, e] : s.paths) {
    if (pid == id) return e.get();
  }
  return nullptr;
}

std::string LunHex(uint64_t lun) {
  // int_to_scsilun: four 16-bit levels, each big-endian.
  uint8_t b[8];
  for (int i = 0; i < 8; i += 2) {
    b[i] = static_cast<uint8_t>((lun >> 8) & 0xff);
    b[i + 1] = static_cast<uint8_t>(lun & 0xff);
    lun >>= 16;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%02x%02x%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4],
                b[5], b[6], b[7]);
  return buf;
}

std::string FailbackText(const MapEntry& m) {
  switch (m.policy.failback) {
    case kFailbackManual:
      return "-";
    case kFailbackImmediate:
      return "immediate";
    case kFailbackFollowover:
      return "followover";
    default:
      if (m.failback_left > 0) {
        return std::to_string(m.failback_left) + "/" + std::to_string(m.policy.failback);
      }
      return std::to_string(m.policy.failback);
  }
}

std::string QueueingText(const MapEntry& m) {
  const int64_t npr = m.policy.no_path_retry;
  if (npr == kNoPathRetryQueue) return "on";
  if (npr > 0) {
    if (m.retry_left > 0) return std::to_string(m.retry_left) + " sec";
    return std::to_string(npr) + " chk";
  }
  return m.policy.no_path_retry_set ? "off" : "-";
}

std::string ReferenceMapsJson(const Snapshot& s) {
  RefJson j;
  j.Raw("{\n   \"major_version\": 0,\n   \"minor_version\": 1,\n   \"maps\": [");
  bool first = true;
  for (const auto& [w, m] : s.maps) {
    j.Raw(first ? "{\n" : "   },{\n");
    first = false;
    RefMapBody(j, s, *m);
  }
  j.Raw(first ? "]\n}\n" : "   }]\n}\n");
  return j.Take();
}

std::string ReferenceMapJson(const Snapshot& s, const MapEntry& m) {
  RefJson j;
  j.Raw("{\n   \"major_version\": 0,\n   \"minor_version\": 1,\n   \"map\":{\n");
  RefMapBody(j, s, m);
  j.Raw("   }\n}\n");
  return j.Take();
}

std::string PathsJson(const Snapshot& s) {
  JsonWriter w;
  w.BeginObject().Field("schema_version", "1.0").Key("paths").BeginArray();
  for (const auto& [id, e] : s.paths) WritePath(w, s, *e);
  w.EndArray().EndObject();
  return w.Take();
}

std::string PathJson(const Snapshot& s, const PathEntry& p) {
  JsonWriter w;
  w.BeginObject().Field("schema_version", "1.0").Key("path");
  WritePath(w, s, p);
  w.EndObject();
  return w.Take();
}

std::string StatusJson(const Snapshot& s) {
  std::vector<std::pair<std::string, int64_t>> counts;
  for (const auto& [id, e] : s.paths) {
    std::string name = StateName(e->check.state);
    auto it = std::find_if(counts.begin(), counts.end(), [&](auto& c) { return c.first == name; });
    if (it == counts.end()) {
      counts.emplace_back(name, 1);
    } else {
      ++it->second;
    }
  }
  JsonWriter w;
  w.BeginObject().Field("schema_version", "1.0").Key("checker_states").BeginObject();
  for (const auto& [name, n] : counts) w.Field(name, n);
  w.EndObject();
  w.Field("paths", static_cast<int64_t>(s.paths.size()));
  w.Field("maps", static_cast<int64_t>(s.maps.size()));
  w.Field("busy", s.reconfiguring);
  w.Field("uevents", static_cast<int64_t>(s.uevents));
  w.EndObject();
  return w.Take();
}

std::string DaemonJson(const Snapshot& s, int pid) {
  JsonWriter w;
  w.BeginObject().Field("schema_version", "1.0").Field("pid", int64_t{pid});
  w.Field("state", s.reconfiguring ? "configure" : "idle");
  w.Field("polling_interval", int64_t{s.polling_interval});
  w.Field("max_polling_interval", int64_t{s.max_polling_interval});
  w.EndObject();
  return w.Take();
}

std::string Metrics(const Snapshot& s) {
  std::string out;
  auto head = [&](const char* name, const char* type, const char* help) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  };
  auto path_labels = [&](const PathEntry& e) {
    const MapEntry* m = e.map.empty() ? nullptr : s.FindMap(e.map);
    return "{path=\"" + Label(e.path.dev) + "\",dev_t=\"" + e.path.DevT() + "\",map=\"" +
           Label(m ? m->map.name : "") + "\"}";
  };
  head("mpx_path_up", "gauge",
       "1 when the path checker says up or ghost and the daemon neither failed nor holds back the "
       "path");
  for (const auto& [id, e] : s.paths) {
    bool up = DaemonUsable(*e) && !e->dm_failed;
    out += "mpx_path_up" + path_labels(*e) + " " + (up ? "1" : "0") + "\n";
  }
  head("mpx_path_checks_total", "counter", "Completed path checks");
  for (const auto& [id, e] : s.paths) {
    out += "mpx_path_checks_total" + path_labels(*e) + " " + std::to_string(e->check.checks) + "\n";
  }
  head("mpx_path_check_failures_total", "counter", "Checks that found the path not usable");
  for (const auto& [id, e] : s.paths) {
    out += "mpx_path_check_failures_total" + path_labels(*e) + " " +
           std::to_string(e->check.failures) + "\n";
  }
  head("mpx_path_check_timeouts_total", "counter", "Checks that exceeded checker_timeout");
  for (const auto& [id, e] : s.paths) {
    out += "mpx_path_check_timeouts_total" + path_labels(*e) + " " +
           std::to_string(e->check.timeouts) + "\n";
  }
  head("mpx_path_check_seconds", "gauge", "Duration of the last completed check");
  for (const auto& [id, e] : s.paths) {
    char v[32];
    std::snprintf(v, sizeof v, "%.6f", Seconds(e->check.last_duration));
    out += "mpx_path_check_seconds" + path_labels(*e) + " " + v + "\n";
  }
  auto map_labels = [&](const MapEntry& m) {
    return "{map=\"" + Label(m.map.name) + "\",wwid=\"" + Label(m.map.wwid) + "\"}";
  };
  head("mpx_map_usable_paths", "gauge", "Paths of the map the kernel may use now");
  for (const auto& [w, m] : s.maps) {
    int usable = 0;
    for (const auto& g : m->map.groups) {
      for (PathId id : g.paths) {
        const PathEntry* e = FindPathEntry(s, id);
        usable += e && !e->dm_failed &&
                          (e->check.state == PathState::kUp || e->check.state == PathState::kGhost)
                      ? 1
                      : 0;
      }
    }
    out += "mpx_map_usable_paths" + map_labels(*m) + " " + std::to_string(usable) + "\n";
  }
  head("mpx_map_queueing", "gauge", "1 while queue_if_no_path is set");
  for (const auto& [w, m] : s.maps) {
    out += "mpx_map_queueing" + map_labels(*m) + " " + (m->queueing ? "1" : "0") + "\n";
  }
  head("mpx_map_group_switches_total", "counter", "Path group switches by the daemon");
  for (const auto& [w, m] : s.maps) {
    out += "mpx_map_group_switches_total" + map_labels(*m) + " " + std::to_string(m->switch_group) +
           "\n";
  }
  head("mpx_map_path_faults_total", "counter", "Paths failed in the map");
  for (const auto& [w, m] : s.maps) {
    out +=
        "mpx_map_path_faults_total" + map_labels(*m) + " " + std::to_string(m->path_faults) + "\n";
  }
  return out;
}

}  // namespace mpx
