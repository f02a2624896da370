#include "output/discovery_report.h"

#include "output/json_writer.h"
#include "output/topology_text.h"

namespace mpx {
namespace {

void WritePath(JsonWriter& w, const Path& p) {
  w.BeginObject();
  w.Field("dev", p.dev).Field("devnode", p.devnode).Field("dev_t", p.DevT());
  w.Field("hctl", p.hctl.ToString()).Field("vendor", p.vendor).Field("model", p.model);
  w.Field("rev", p.rev).Field("sysfs_state", p.sysfs_state);
  w.Field("size_sectors", static_cast<int64_t>(p.size_sectors)).Field("transport", p.transport);
  w.Field("wwid", p.wwid).Field("wwid_source", p.wwid_source);
  w.Key("tpg");
  p.tpg ? w.Int(*p.tpg) : w.Null();
  w.Field("alua_state", p.alua_state);
  w.Key("preferred");
  p.preferred ? w.Bool(*p.preferred) : w.Null();
  w.Field("hw_handler", p.hw_handler);
  w.Field("checker_state", CheckerStateName(p.checker_state));
  w.Field("prioritizer", p.prioritizer).Field("priority", int64_t{p.priority});
  w.EndObject();
}

void WriteMap(JsonWriter& w, const MultipathMap& m, const PathSet& paths,
              const std::string& action) {
  w.BeginObject().Field("action", action).Field("name", m.name).Field("wwid", m.wwid);
  w.Field("uuid", "mpath-" + m.wwid).Field("vendor", m.vendor).Field("model", m.model);
  w.Field("size_sectors", static_cast<int64_t>(m.size_sectors))
      .Field("size", FormatSize(m.size_sectors));
  w.Field("features", m.features).Field("hwhandler", m.hwhandler);
  w.Key("path_groups").BeginArray();
  for (const auto& g : m.groups) {
    w.BeginObject().Field("selector", g.selector).Field("priority", int64_t{g.priority});
    w.Key("paths").BeginArray();
    for (PathId i : g.paths) w.String(paths.at(i).dev);
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace

std::string DiscoveryJson(const DiscoveryResult& found, const std::vector<MultipathMap>& maps,
                          const std::vector<std::string>& actions, bool dry_run,
                          const std::optional<std::string>& dm_absent) {
  JsonWriter w;
  w.BeginObject().Field("schema_version", kJsonSchemaVersion).Field("dry_run", dry_run);
  w.Key("device_mapper").BeginObject().Field("available", !dm_absent.has_value());
  if (dm_absent) w.Field("reason", *dm_absent);
  w.EndObject();
  w.Key("paths").BeginArray();
  for (const auto& p : found.paths) WritePath(w, p);
  w.EndArray();
  w.Key("skipped").BeginArray();
  for (const auto& s : found.skipped)
    w.BeginObject().Field("dev", s.dev).Field("reason", s.reason).EndObject();
  w.EndArray();
  w.Key("maps").BeginArray();
  for (size_t i = 0; i < maps.size(); ++i) {
    WriteMap(w, maps[i], found.paths, i < actions.size() ? actions[i] : "none");
  }
  w.EndArray().EndObject();
  return w.Take();
}

std::string DiscoveryDetails(const DiscoveryResult& found) {
  std::string out;
  for (const auto& p : found.paths) {
    const std::string d = p.dev + ": ";
    out += d + "path " + p.hctl.ToString() + " dev_t " + p.DevT() + " " + p.vendor + "," + p.model +
           " rev " + p.rev + " transport " + p.transport + "\n";
    out += d + "size " + std::to_string(p.size_sectors) + " sectors (" +
           FormatSize(p.size_sectors) + ") state " + p.sysfs_state + "\n";
    out += d + "uid = " + p.wwid + " (" + p.wwid_source + ")\n";
    if (!p.alua_state.empty() || p.tpg) {
      out += d + "alua tpg " + (p.tpg ? std::to_string(*p.tpg) : "unknown") + " access_state " +
             (p.alua_state.empty() ? "unknown" : p.alua_state) +
             (p.preferred ? (*p.preferred ? " preferred" : " not preferred") : "") + "\n";
    }
    if (p.priority >= 0) {
      out += d + "prio = " + p.prioritizer + " " + std::to_string(p.priority) +
             (p.prio_message.empty() ? "" : " (" + p.prio_message + ")") + "\n";
    }
    if (p.checker_state != PathState::kUndef) {
      out += d + "tur checker: " + std::string(CheckerStateName(p.checker_state)) +
             (p.checker_message.empty() ? "" : " (" + p.checker_message + ")") + "\n";
    }
    if (!p.hw_handler.empty()) out += d + "hardware handler " + p.hw_handler + " attached\n";
  }
  for (const auto& s : found.skipped) out += s.dev + ": skipped: " + s.reason + "\n";
  return out;
}

}  // namespace mpx
