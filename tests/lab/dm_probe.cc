// mpx_dm_probe: exercises LibDevmapper against the real kernel (lab guest,
// root, scsi_debug paths). Prints one line per check, "ok ..." or "FAIL ...",
// and exits 1 when any check failed.
//
//   mpx_dm_probe              create/reload/suspend/message/rename/remove a
//                             map "mpxprobe" on two paths of one LU
//   mpx_dm_probe --existing   parse every multipath map present (e.g. made by
//                             the reference) and check format∘parse on it
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/strings.h"
#include "base/unique_fd.h"
#include "kernel/devmapper.h"
#include "policy/dm_table.h"

namespace mpx {
namespace {

int g_failures = 0;

void Check(bool ok, const std::string& what, const std::string& detail = "") {
  std::printf("%s %s%s%s\n", ok ? "ok" : "FAIL", what.c_str(), detail.empty() ? "" : ": ",
              detail.c_str());
  std::fflush(stdout);
  if (!ok) ++g_failures;
}

void Note(const std::string& s) { std::printf("note %s\n", s.c_str()); }

std::string ReadLine(const std::string& path) {
  std::ifstream f(path);
  std::string s;
  std::getline(f, s);
  return std::string(Trim(s));
}

// "/dev/mapper/NAME": "symlink to ../dm-3", "block node 253:3" or "" when absent.
std::string NodeKind(const std::string& name) {
  std::string path = "/dev/mapper/" + name;
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) return "";
  if (S_ISLNK(st.st_mode)) return "symlink to " + std::filesystem::read_symlink(path).string();
  if (S_ISBLK(st.st_mode)) {
    return "block node " + std::to_string(major(st.st_rdev)) + ":" +
           std::to_string(minor(st.st_rdev));
  }
  return "other file";
}

struct Lu {
  std::vector<std::string> devs;  // "8:0", "8:32"
  uint64_t sectors = 0;
};

// The first two sd paths that share a sysfs wwid (scsi_debug: one LU, two hosts).
Lu FindPaths() {
  std::map<std::string, Lu> by_wwid;
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator("/sys/block")) {
    std::string n = e.path().filename();
    if (StartsWith(n, "sd")) names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    Lu& lu = by_wwid[ReadLine("/sys/block/" + n + "/device/wwid")];
    lu.devs.push_back(ReadLine("/sys/block/" + n + "/dev"));
    lu.sectors = ParseU64(ReadLine("/sys/block/" + n + "/size")).value_or(0);
  }
  for (auto& [wwid, lu] : by_wwid) {
    if (lu.devs.size() >= 2) return lu;
  }
  return {};
}

// What the kernel echoes for `t` (dm-mpath's table output, kernel 6.1): the
// features in its order, the handler without args, selector args "0", the
// selector's own per-path args with repeat counts above 1 lowered to 1.
DmTable KernelEcho(DmTable t, const std::string& attached_handler) {
  std::vector<std::string> f;
  auto has = [&](const char* w) {
    return std::find(t.features.begin(), t.features.end(), w) != t.features.end();
  };
  auto value = [&](const char* w) {
    return *(std::find(t.features.begin(), t.features.end(), w) + 1);
  };
  if (has("queue_if_no_path")) f.push_back("queue_if_no_path");
  if (has("pg_init_retries")) f.insert(f.end(), {"pg_init_retries", value("pg_init_retries")});
  t.features = f;
  if (!t.hwhandler.empty() && !attached_handler.empty()) t.hwhandler = attached_handler;
  t.hwhandler_args.clear();
  for (auto& g : t.groups) {
    g.selector_args.clear();
    for (auto& p : g.paths) {
      std::string repeat = p.args.empty() ? "1" : p.args[0];
      if (ParseU64(repeat).value_or(0) > 1) repeat = "1";
      p.args = {repeat};
      if (g.selector == "service-time") p.args.push_back("1");  // relative throughput
    }
  }
  return t;
}

DmTable MakeTable(const Lu& lu, std::vector<std::string> features, std::string hwh,
                  const std::string& selector, const std::string& arg, unsigned groups) {
  DmTable t;
  t.length = lu.sectors;
  t.features = std::move(features);
  t.hwhandler = std::move(hwh);
  t.initial_group = 1;
  for (unsigned g = 0; g < groups; ++g) t.groups.push_back({selector, {}, {}});
  for (size_t i = 0; i < 2; ++i) t.groups[i % groups].paths.push_back({lu.devs[i], {arg}});
  return t;
}

void CheckEcho(DeviceMapper& dm, const std::string& name, const DmTable& given,
               const std::string& what, const std::string& handler) {
  auto line = dm.Table(name);
  Check(line.ok(), what + ": read table", line.ok() ? *line : line.error().message);
  if (!line.ok()) return;
  Note(what + " given:  \"" + FormatTable(given) + "\"");
  Note(what + " kernel: \"" + *line + "\"");
  auto parsed = ParseTable(*line);
  Check(parsed.ok(), what + ": kernel table parses", parsed.ok() ? "" : parsed.error().message);
  if (!parsed.ok()) return;
  Check(FormatTable(*parsed) + " " == *line,
        what + ": kernel line = FormatTable(parsed) + trailing space");
  Check(*parsed == KernelEcho(given, handler),
        what + ": kernel echo = documented normalisation of given",
        FormatTable(KernelEcho(given, handler)));
}

Result<DmStatus> StatusOf(DeviceMapper& dm, const std::string& name) {
  auto line = dm.Status(name);
  if (!line.ok()) return line.error();
  Note("status: \"" + *line + "\"");
  return ParseStatus(*line);
}

// The status of path `dev` of map `name`; nullopt when it cannot be read.
// Waits until udevd has handled every queued event (no-op without udevd).
void SettleUdev() {
  if (access("/run/udev/control", F_OK) != 0) return;
  if (std::system("udevadm settle --timeout=120") != 0) Note("udevadm settle timed out");
}

std::optional<DmPathStatus> PathStatus(DeviceMapper& dm, const std::string& name,
                                       const std::string& dev) {
  auto s = StatusOf(dm, name);
  if (!s.ok()) return std::nullopt;
  for (const auto& g : s->groups) {
    for (const auto& p : g.paths) {
      if (p.dev == dev) return p;
    }
  }
  return std::nullopt;
}

int Probe() {
  const char* disable = std::getenv("DM_DISABLE_UDEV");
  LibDevmapper dm;
  Note(std::string("udevd ") +
       (access("/run/udev/control", F_OK) == 0 ? "running" : "not running") + ", DM_DISABLE_UDEV " +
       (disable ? "set" : "unset") + ", udev_sync " + (dm.udev_sync() ? "on" : "off"));
  Check(dm.Availability().available(), "device-mapper available", dm.Availability().control_node);
  Lu lu = FindPaths();
  Check(lu.devs.size() >= 2, "two paths of one LU",
        lu.devs.empty() ? "" : lu.devs[0] + " " + lu.devs[1]);
  if (lu.devs.size() < 2) return 1;
  const std::string name = "mpxprobe", renamed = "mpxprobe2";
  for (const auto& n : {name, renamed})
    (void)dm.Remove(n, RemoveMode::kNow);  // an earlier run's leftovers
  // udev may still be handling an earlier run's removal (its /dev/mapper
  // links go then): let it finish before this run makes nodes of its own.
  SettleUdev();
  std::string handler = ReadLine("/sys/dev/block/" + lu.devs[0] + "/device/dh_state");
  Note("attached handler of " + lu.devs[0] + ": " + handler);
  if (handler == "detached") handler.clear();

  DmTable t1 = MakeTable(lu, {}, "alua", "service-time", "1", 2);
  auto created = dm.Create(name, "mpath-mpxprobe", FormatTable(t1), {});
  Check(created.ok(), "create " + name, created.ok() ? "" : created.error().message);
  if (!created.ok()) return 1;
  std::string kind = NodeKind(name);
  Check(!kind.empty(), "/dev/mapper/" + name + " exists after create", kind);
  auto info = dm.Info(name);
  Check(info.ok() && info->uuid == "mpath-mpxprobe" && info->open_count == 0 && !info->suspended,
        "info: uuid, open count 0, not suspended", info.ok() ? info->DevT() : info.error().message);
  auto by_uuid = dm.InfoByUuid("mpath-mpxprobe");
  Check(by_uuid.ok() && by_uuid->name == name && info.ok() && by_uuid->DevT() == info->DevT(),
        "info by uuid finds " + name, by_uuid.ok() ? by_uuid->name : by_uuid.error().message);
  auto by_devt = info.ok() ? dm.InfoByDevT(info->major, info->minor) : info;
  Check(by_devt.ok() && by_devt->name == name && by_devt->uuid == "mpath-mpxprobe",
        "info by device number finds " + name,
        by_devt.ok() ? by_devt->name : by_devt.error().message);
  auto no_uuid = dm.InfoByUuid("mpath-no-such-wwid");
  Check(!no_uuid.ok() && no_uuid.error().code == ENXIO, "info by unknown uuid: no such map",
        no_uuid.ok() ? no_uuid->name : no_uuid.error().message);
  auto list = dm.List("multipath");
  Check(
      list.ok() && std::any_of(list->begin(), list->end(), [&](auto& m) { return m.name == name; }),
      "list multipath shows " + name);
  CheckEcho(dm, name, t1, "create", handler);
  // Path states right after create are the kernel's business: with udevd,
  // udev's first I/O through a fresh map failed both scsi_debug paths (also
  // for maps made by plain dmsetup), so only the shape is checked here.
  auto s = StatusOf(dm, name);
  Check(s.ok() && s->groups.size() == 2 && s->groups[0].paths.size() == 1 &&
            s->groups[1].paths.size() == 1,
        "status parses: 2 groups of 1 path", s.ok() ? "" : s.error().message);

  UniqueFd fd(open(("/dev/mapper/" + name).c_str(), O_RDONLY | O_CLOEXEC));
  Check(fd.valid(), "open /dev/mapper/" + name);
  Check(dm.Info(name).ok() && dm.Info(name)->open_count == 1, "open count 1 while held");

  DmTable t2 =
      MakeTable(lu, {"pg_init_retries", "50", "queue_if_no_path"}, "", "round-robin", "3", 2);
  auto reloaded = dm.Reload(name, FormatTable(t2), MapUdevFlags{.reload = true});
  Check(reloaded.ok(), "reload while open", reloaded.ok() ? "" : reloaded.error().message);
  CheckEcho(dm, name, t2, "reload", handler);

  Check(dm.Suspend(name).ok() && dm.Info(name)->suspended, "suspend: info says suspended");
  Check(dm.Resume(name).ok() && !dm.Info(name)->suspended, "resume: info says active");

  const std::string& dev = lu.devs[0];
  // Start from an active path whatever udev's I/O after the reload did: let
  // udev's probes end first (on a loaded host they can fail the path after
  // the reinstatement), then reinstate until the kernel shows it active.
  SettleUdev();
  std::optional<DmPathStatus> before;
  for (int i = 0; i < 50 && !(before && before->active); ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Check(dm.Message(name, "reinstate_path " + dev).ok(),
          "message reinstate_path " + dev + " (start state)");
    before = PathStatus(dm, name, dev);
  }
  Check(before.has_value() && before->active, "status shows " + dev + " A");
  unsigned fails = before ? before->fail_count : 0;
  Check(dm.Message(name, "fail_path " + dev).ok(), "message fail_path " + dev);
  auto p = PathStatus(dm, name, dev);
  Check(p && !p->active && p->fail_count == fails + 1,
        "status shows " + dev + " F, fail count " + std::to_string(fails + 1));
  Check(dm.Message(name, "reinstate_path " + dev).ok(), "message reinstate_path " + dev);
  p = PathStatus(dm, name, dev);
  Check(p && p->active && p->fail_count == fails + 1,
        "status shows " + dev + " A, fail count still " + std::to_string(fails + 1));
  Check(dm.Message(name, "switch_group 2").ok(), "message switch_group 2");
  s = StatusOf(dm, name);
  Check(s.ok() && s->current_group == 2, "status current group 2");
  Check(dm.Message(name, "fail_if_no_path").ok(), "message fail_if_no_path");
  auto t = dm.Table(name);
  Check(t.ok() && ParseTable(*t).ok() &&
            ParseTable(*t)->features == std::vector<std::string>{"pg_init_retries", "50"},
        "table features lose queue_if_no_path", t.ok() ? *t : "");
  auto bad = dm.Message(name, "no_such_message");
  Check(!bad.ok(), "unknown message refused", bad.ok() ? "" : bad.error().message);

  auto rn = dm.Rename(name, renamed);
  Check(rn.ok(), "rename to " + renamed, rn.ok() ? "" : rn.error().message);
  Check(!NodeKind(renamed).empty() && NodeKind(name).empty(), "/dev/mapper follows the rename",
        NodeKind(renamed));
  auto busy = dm.Remove(renamed, RemoveMode::kNow);
  Check(!busy.ok() && busy.error().code == EBUSY, "remove refused while open",
        busy.ok() ? "removed!" : busy.error().message);
  fd.Reset();
  auto removed = dm.Remove(renamed, RemoveMode::kNow);
  Check(removed.ok(), "remove after close", removed.ok() ? "" : removed.error().message);
  Check(NodeKind(renamed).empty(), "/dev/mapper/" + renamed + " gone after remove",
        NodeKind(renamed));
  auto gone = dm.Info(renamed);
  Check(!gone.ok() && gone.error().code == ENXIO, "info after remove: no such map",
        gone.ok() ? "" : gone.error().message);

  // Deferred removal: accepted while open, done by the kernel at the last close.
  Check(dm.Create(name, "mpath-mpxprobe", FormatTable(t1), {}).ok(),
        "create again for deferred remove");
  fd = UniqueFd(open(("/dev/mapper/" + name).c_str(), O_RDONLY | O_CLOEXEC));
  auto deferred = dm.Remove(name, RemoveMode::kDeferred);
  Check(deferred.ok() && dm.Info(name).ok() && dm.Info(name)->deferred_remove,
        "deferred remove accepted while open", deferred.ok() ? "" : deferred.error().message);
  Note("while the deferred removal waits /dev/mapper/" + name + ": " +
       (NodeKind(name).empty() ? "gone" : NodeKind(name)));
  fd.Reset();
  bool went = false;
  for (int i = 0; i < 50 && !went;
       ++i, std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
    went = !dm.Info(name).ok();
  }
  Check(went, "deferred remove done after close");
  SettleUdev();  // the removal's uevent takes udev's /dev/mapper link away
  Note("after deferred remove /dev/mapper/" + name + ": " +
       (NodeKind(name).empty() ? "gone" : NodeKind(name)));
  if (!NodeKind(name).empty() && !dm.udev_sync()) unlink(("/dev/mapper/" + name).c_str());
  return g_failures == 0 ? 0 : 1;
}

int Existing() {
  LibDevmapper dm;
  auto maps = dm.List("multipath");
  Check(maps.ok() && !maps->empty(), "multipath maps present",
        maps.ok() ? std::to_string(maps->size()) : "");
  if (!maps.ok()) return 1;
  for (const auto& m : *maps) {
    auto line = dm.Table(m.name);
    auto status = dm.Status(m.name);
    if (!line.ok() || !status.ok()) {
      Check(false, m.name + ": read table and status");
      continue;
    }
    Note(m.name + " table: \"" + *line + "\"");
    Note(m.name + " status: \"" + *status + "\"");
    auto t = ParseTable(*line);
    Check(t.ok(), m.name + ": table parses", t.ok() ? "" : t.error().message);
    if (t.ok())
      Check(FormatTable(*t) + " " == *line,
            m.name + ": FormatTable(parsed) + trailing space = kernel line");
    auto s = ParseStatus(*status);
    Check(s.ok(), m.name + ": status parses", s.ok() ? "" : s.error().message);
  }
  return g_failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace mpx

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--existing") return mpx::Existing();
  return mpx::Probe();
}
