// The daemon and uevents: paths failed by the kernel, added and removed,
// WWID changes, resized LUNs, the last path gone.
#include "daemon/daemon_test_fixture.h"

namespace mpx::daemon_test {
namespace {

TEST_F(DaemonTest, TheKernelsPathFailedEventIsCheckedAtOnce) {
  Start();
  ASSERT_TRUE(dm_.Message("mpatha", "fail_path 8:0").ok());  // I/O error in the kernel
  Uevent ev{.action = "change", .devname = "dm-0", .major = 253, .minor = 0};
  ev.env = {{"DM_ACTION", "PATH_FAILED"}, {"DM_PATH", "8:0"}};
  daemon_->OnUevent(ev);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  Second();
  EXPECT_EQ(worker_.pending(), 1u);  // only sda, before its interval
  worker_.RunAll();
  // The path answers: reinstated.
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
  EXPECT_FALSE(PathOf("sda").dm_failed);
}

TEST_F(DaemonTest, PathsLeaveAndJoinTheirMapOnUevents) {
  Start();
  daemon_->OnUevent(
      {.action = "remove", .devname = "sdc", .devtype = "disk", .major = 8, .minor = 32});
  EXPECT_EQ(daemon_->snapshot()->paths.size(), 3u);
  EXPECT_EQ(dm_.Table("mpatha").value().find("8:32"), std::string::npos);
  EXPECT_EQ(MapNamed("mpatha").map.groups.size(), 1u);
  daemon_->OnUevent(
      {.action = "add", .devname = "sdc", .devtype = "disk", .major = 8, .minor = 32});
  EXPECT_EQ(worker_.pending(), 1u);  // discovery and a first check, off the loop
  worker_.RunAll();
  EXPECT_EQ(daemon_->snapshot()->paths.size(), 4u);
  EXPECT_NE(dm_.Table("mpatha").value().find("8:32"), std::string::npos);
  EXPECT_EQ(MapNamed("mpatha").map.groups.size(), 2u);
  EXPECT_EQ(PathOf("sdc").map, MapNamed("mpatha").map.wwid);
}

// flush_on_last_del with deferred_remove: a map still open when its last
// path goes is removed by the kernel at its last close.
TEST_F(DaemonTest, TheLastPathGoneAnOpenMapIsRemovedDeferred) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " flush_on_last_del yes\n deferred_remove yes\n}\n");
  Start();
  const std::string wwid = MapNamed("mpatha").map.wwid;
  dm_.SetOpenCount("mpatha", 1);
  std::vector<PathId> ids;
  for (const PathGroup& g : MapNamed("mpatha").map.groups) {
    ids.insert(ids.end(), g.paths.begin(), g.paths.end());
  }
  ASSERT_FALSE(ids.empty());
  for (PathId id : ids) {
    std::string dev;
    for (const auto& [pid, e] : daemon_->snapshot()->paths) {
      if (pid == id) dev = e->path.dev;
    }
    daemon_->OnUevent({.action = "remove",
                       .devname = dev,
                       .devtype = "disk",
                       .major = id.major,
                       .minor = id.minor});
  }
  EXPECT_TRUE(log_.Contains("mpatha: last path deleted, devmap deferred remove")) << log_.Text();
  ASSERT_TRUE(dm_.Info("mpatha").ok());
  EXPECT_TRUE(dm_.Info("mpatha")->deferred_remove);
  EXPECT_EQ(daemon_->snapshot()->FindMap(wwid), nullptr);
}

TEST_F(DaemonTest, APathWhoseWwidChangedIsFailedAndNotReinstated) {
  Start();
  const std::string lun0 =
      dir_.path() + "/sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0/";
  const std::string lun1 =
      dir_.path() + "/sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:1/";
  auto original = files_.Read(lun0 + "vpd_pg83");
  ASSERT_TRUE(original.ok());
  ASSERT_TRUE(files_.Write(lun0 + "vpd_pg83", *files_.Read(lun1 + "vpd_pg83").value()).ok());
  daemon_->OnUevent({.action = "change", .devname = "sda", .devtype = "disk", .major = 8});
  worker_.RunAll();
  EXPECT_TRUE(PathOf("sda").wwid_changed);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  EXPECT_TRUE(log_.Contains("sda: path wwid changed from")) << log_.Text();
  Seconds(20);  // the checker says up; it stays failed
  EXPECT_EQ(PathOf("sda").check.state, PathState::kUp);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 0u);
  ASSERT_TRUE(files_.Write(lun0 + "vpd_pg83", **original).ok());
  daemon_->OnUevent({.action = "change", .devname = "sda", .devtype = "disk", .major = 8});
  worker_.RunAll();
  EXPECT_FALSE(PathOf("sda").wwid_changed);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
}

TEST_F(DaemonTest, AResizedLunResizesItsMapOnceEveryPathReportsTheNewSize) {
  Start();
  ASSERT_EQ(MapNamed("mpatha").map.size_sectors, 16384u);
  auto grow = [&](const std::string& dev, int host, unsigned minor) {  // the path of LUN 0 on host
    const std::string h = std::to_string(host);
    dir_.Write("sys/devices/pseudo_0/adapter" + h + "/host" + h + "/target" + h + ":0:0/" + h +
                   ":0:0:0/block/" + dev + "/size",
               "32768\n");
    daemon_->OnUevent(
        {.action = "change", .devname = dev, .devtype = "disk", .major = 8, .minor = minor});
    worker_.RunAll();
  };
  grow("sda", 0, 0);  // one path has the new size: the map waits for the other
  EXPECT_EQ(PathOf("sda").path.size_sectors, 32768u);
  EXPECT_EQ(MapNamed("mpatha").map.size_sectors, 16384u);
  EXPECT_EQ(dm_.Table("mpatha").value().rfind("0 16384 ", 0), 0u);
  grow("sdc", 1, 32);
  EXPECT_EQ(MapNamed("mpatha").map.size_sectors, 32768u);
  EXPECT_EQ(dm_.Table("mpatha").value().rfind("0 32768 multipath ", 0), 0u)
      << dm_.Table("mpatha").value();
  EXPECT_TRUE(log_.Contains("mpatha: resized from 16384 to 32768 sectors")) << log_.Text();
  EXPECT_EQ(dm_.Table("mpathb").value().rfind("0 16384 ", 0), 0u);  // the other map stays
}

}  // namespace
}  // namespace mpx::daemon_test
