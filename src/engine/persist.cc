#include "engine/persist.h"

#include <sys/sysmacros.h>

#include <set>
#include <string_view>

#include "policy/path_validity.h"

namespace mpx {
namespace {

// The path's partitions: block/sda/sda1 ... (directories with a "partition"
// attribute).
std::vector<std::string> Partitions(const Sysfs& sysfs, const std::string& dev) {
  std::vector<std::string> parts;
  auto names = sysfs.List("block/" + dev);
  if (!names.ok()) return parts;
  for (const std::string& n : names.value()) {
    if (n.starts_with(dev) && sysfs.Exists("block/" + dev + "/" + n + "/partition")) {
      parts.push_back(dev + "/" + n);
    }
  }
  return parts;
}

const std::string* Property(const std::optional<Properties>& props, const std::string& key) {
  if (!props) return nullptr;
  auto it = props->find(key);
  return it == props->end() ? nullptr : &it->second;
}

}  // namespace

Persisted PersistState(Files& files, const std::string& bindings_file, const Namer& namer,
                       const std::string& wwids_file, const WwidsFile& wwids,
                       const std::vector<const MultipathMap*>& created, Logger& log) {
  Persisted out;
  if (std::string text = namer.NewBindingsText(); !text.empty()) {
    if (Status s = files.Write(bindings_file, text); !s.ok()) {
      log.Error(s.error().message);
      ++out.failures;
    }
  }
  // The new WWIDs appended at once (one pass over the file, however many
  // maps were created), each once.
  std::set<std::string_view> known(wwids.wwids.begin(), wwids.wwids.end());
  std::vector<std::string_view> added;
  for (const MultipathMap* m : created) {
    if (!known.insert(m->wwid).second) continue;
    added.push_back(m->wwid);
    out.remembered.push_back(m);
  }
  std::string wtext;
  if (!added.empty()) {
    wtext = WithWwid(wwids, added.front());
    for (size_t i = 1; i < added.size(); ++i) wtext += "/" + std::string(added[i]) + "/\n";
  }
  if (!out.remembered.empty()) {
    if (Status s = files.Write(wwids_file, wtext); !s.ok()) {
      log.Error(s.error().message);
      ++out.failures;
    }
  }
  return out;
}

std::string TriggerPathUevents(const Env& env, const MultipathMap& map, const PathSet& paths) {
  std::string done;
  for (const PathGroup& g : map.groups) {
    for (PathId id : g.paths) {
      const Path& p = paths.at(id);
      auto props = env.udev.Lookup(makedev(p.major, p.minor));
      if (!NeedsMemberUevent(Property(props, "DM_MULTIPATH_DEVICE_PATH"),
                             Property(props, "FIND_MULTIPATHS_WAIT_UNTIL"))) {
        continue;
      }
      std::vector<std::string> devs{p.dev};
      for (std::string& part : Partitions(env.sysfs, p.dev)) devs.push_back(std::move(part));
      for (const std::string& d : devs) {
        if (Status s = env.sysfs.Write("block/" + d + "/uevent", "change"); !s.ok()) {
          env.log.Warning("warning: " + map.name + ": " + s.error().message);
          continue;
        }
        done += (done.empty() ? "" : " ") + d.substr(d.rfind('/') + 1);
      }
    }
  }
  return done;
}

}  // namespace mpx
