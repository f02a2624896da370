#include "output/list_json.h"

#include "output/discovery_report.h"
#include "output/json_writer.h"
#include "output/topology_text.h"

namespace mpx {
namespace {

void WritePathEntry(JsonWriter& w, const Path& p, const std::string& dm_state, bool checked) {
  w.BeginObject().Field("dev", p.dev).Field("dev_t", p.DevT()).Field("hctl", p.hctl.ToString());
  w.Field("dm_state", dm_state);
  w.Field("checker_state", checked ? CheckerStateName(p.checker_state) : "undef");
  w.Field("sysfs_state", p.sysfs_state);
  w.Key("priority");
  checked&& p.priority >= 0 ? w.Int(p.priority) : w.Null();
  w.EndObject();
}

}  // namespace

std::string ListJson(const std::vector<ListedMap>& maps, const PathSet& paths, bool checked) {
  JsonWriter w;
  w.BeginObject().Field("schema_version", kJsonSchemaVersion).Field("checked", checked);
  w.Key("maps").BeginArray();
  for (const ListedMap& l : maps) {
    const MultipathMap& m = l.map;
    w.BeginObject().Field("name", m.name).Field("wwid", m.wwid).Field("uuid", "mpath-" + m.wwid);
    w.Field("dm_node", l.dm_node).Field("dev_t", l.dev_t).Field("vendor", m.vendor);
    w.Field("model", m.model).Field("size_sectors", static_cast<int64_t>(m.size_sectors));
    w.Field("size", FormatSize(m.size_sectors)).Field("features", m.features);
    w.Field("hwhandler", m.hwhandler).Field("write_protect", l.wp);
    w.Key("path_groups").BeginArray();
    for (const PathGroup& g : m.groups) {
      w.BeginObject().Field("selector", g.selector).Field("dm_state", g.dm_state);
      w.Key("priority");
      checked ? w.Int(g.priority) : w.Null();
      w.Key("paths").BeginArray();
      for (size_t k = 0; k < g.paths.size(); ++k) {
        WritePathEntry(w, paths.at(g.paths[k]),
                       k < g.path_dm_states.size() ? g.path_dm_states[k] : "", checked);
      }
      w.EndArray().EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

}  // namespace mpx
