#include "engine/path_tuning.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "base/test_dir.h"
#include "base/thread_pool.h"
#include "config/parser.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"
#include "model/settings.h"
#include "testing/fake_clock.h"
#include "testing/fake_devmapper.h"
#include "testing/fake_scsi.h"
#include "testing/mem_files.h"

namespace mpx {
namespace {

Config Parse(const std::string& text) {
  auto p = ParseConfig(text, "multipath.conf");
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? p->config : Config{};
}

// One path per transport: sdb over FC (rport-2:0-1), sdc over iSCSI
// (session3), sdd over SAS (end_device-4:0), sde on scsi_debug (unspec).
class PathTuningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Add("sdb", 8, 16, 2, "fc", "devices/pci0/host2/rport-2:0-1/target2:0:0/2:0:0:1");
    Add("sdc", 8, 32, 3, "iscsi", "devices/platform/host3/session3/target3:0:0/3:0:0:1");
    Add("sdd", 8, 48, 4, "sas", "devices/pci0/host4/port-4:0/end_device-4:0/target4:0:0/4:0:0:1");
    Add("sde", 8, 64, 5, "unspec", "devices/pseudo_0/adapter0/host5/target5:0:0/5:0:0:1");
    Reset();
    dir_.Write("sys/block/dm-0/dm/name", "mpatha\n");
    dir_.Write("sys/block/dm-0/queue/max_sectors_kb", "256\n");
    sysfs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
    env_.emplace(Env{*sysfs_, udev_, io_, dm_, files_, clock_, pool_, log_, paths_, false});
  }
  // The attributes as the kernel would show them before mpx: empty here (a
  // write does not truncate, as in sysfs), dev_loss_tmo 5.
  void Reset() {
    for (const char* f : {"class/fc_remote_ports/rport-2:0-1/fast_io_fail_tmo",
                          "class/iscsi_session/session3/recovery_tmo",
                          "class/sas_end_device/end_device-4:0/I_T_nexus_loss_timeout",
                          "class/scsi_host/host2/eh_deadline", "class/scsi_host/host3/eh_deadline",
                          "class/scsi_host/host4/eh_deadline", "class/scsi_host/host5/eh_deadline",
                          "block/sdb/queue/max_sectors_kb", "block/sdc/queue/max_sectors_kb",
                          "block/sdd/queue/max_sectors_kb", "block/sde/queue/max_sectors_kb"}) {
      dir_.Write(std::string("sys/") + f, "");
    }
    dir_.Write("sys/class/fc_remote_ports/rport-2:0-1/dev_loss_tmo", "5");
  }
  void Add(const std::string& dev, unsigned major, unsigned minor, int host,
           const std::string& transport, const std::string& sysfs_path) {
    Path p;
    p.dev = dev;
    p.major = major;
    p.minor = minor;
    p.hctl = {host, 0, 0, 1};
    p.vendor = "ACME";
    p.model = "W";
    p.transport = transport;
    p.sysfs_path = sysfs_path;
    map_.map.groups.push_back(PathGroup{});
    map_.map.groups.back().paths.push_back(p.id());
    paths_set_.Put(std::move(p));
  }
  std::string Read(const std::string& f) {
    std::ifstream in(dir_.path() + "/sys/" + f);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void Tune(const std::string& config, ActionKind kind, bool dry_run = false) {
    map_.map.wwid = "3600a0b80";
    map_.map.name = "mpatha";
    MapAction a;
    a.kind = kind;
    a.current_name = kind == ActionKind::kCreate ? "" : "mpatha";
    TunePaths(*env_, Parse(config), {a}, {map_}, paths_set_, dry_run);
  }

  testing::TestDir dir_;
  std::optional<DirSysfs> sysfs_;
  MapUdevDb udev_;
  testing::FakeScsiIo io_;
  FakeDeviceMapper dm_;
  testing::MemFiles files_;
  testing::FakeClock clock_;
  ThreadPool pool_{1};
  CaptureLogger log_;
  FilePaths paths_;
  std::optional<Env> env_;
  WantedMap map_;
  PathSet paths_set_;
};

TEST_F(PathTuningTest, DefaultsSetFastIoFailOnFcAndIscsiAndSayWhatIsUnsupported) {
  Tune("", ActionKind::kCreate);  // fast_io_fail_tmo 5 by default
  EXPECT_EQ(Read("class/fc_remote_ports/rport-2:0-1/fast_io_fail_tmo"), "5");
  EXPECT_EQ(Read("class/fc_remote_ports/rport-2:0-1/dev_loss_tmo"), "6")
      << "raised first: the kernel refuses fast_io_fail_tmo >= dev_loss_tmo";
  EXPECT_EQ(Read("class/iscsi_session/session3/recovery_tmo"), "5");
  EXPECT_EQ(Read("class/sas_end_device/end_device-4:0/I_T_nexus_loss_timeout"), "");
  EXPECT_EQ(Read("class/scsi_host/host2/eh_deadline"), "") << "eh_deadline is unset by default";
  EXPECT_TRUE(log_.Contains("sde: setting scsi timeouts is unsupported for protocol scsi:unspec"))
      << log_.Text();
  EXPECT_EQ(Read("block/sdb/queue/max_sectors_kb"), "") << "max_sectors_kb unset";
}

TEST_F(PathTuningTest, ConfiguredValuesPerProtocolAndNoPathRetry) {
  Tune(
      "defaults {\n fast_io_fail_tmo off\n dev_loss_tmo 30\n eh_deadline 7\n"
      " no_path_retry 12\n polling_interval 5\n}\n"
      "overrides {\n protocol {\n  type scsi:iscsi\n  fast_io_fail_tmo 9\n }\n}\n",
      ActionKind::kReload);
  // dev_loss_tmo covers no_path_retry x polling_interval (60 > 30).
  EXPECT_EQ(Read("class/fc_remote_ports/rport-2:0-1/fast_io_fail_tmo"), "off");
  EXPECT_EQ(Read("class/fc_remote_ports/rport-2:0-1/dev_loss_tmo"), "60");
  EXPECT_EQ(Read("class/sas_end_device/end_device-4:0/I_T_nexus_loss_timeout"), "60");
  EXPECT_EQ(Read("class/iscsi_session/session3/recovery_tmo"), "9") << "the protocol section";
  EXPECT_EQ(Read("class/scsi_host/host2/eh_deadline"), "7");
  EXPECT_EQ(Read("class/scsi_host/host4/eh_deadline"), "7");
  EXPECT_EQ(Read("class/scsi_host/host5/eh_deadline"), "") << "not for unspec";
}

TEST_F(PathTuningTest, QueueingMeansInfinityAndFcWithoutFastIoFailStopsAt600) {
  Tune("defaults {\n fast_io_fail_tmo off\n no_path_retry queue\n}\n", ActionKind::kReload);
  EXPECT_EQ(Read("class/fc_remote_ports/rport-2:0-1/dev_loss_tmo"), "600");
  EXPECT_EQ(Read("class/sas_end_device/end_device-4:0/I_T_nexus_loss_timeout"), "4294967295");
  Reset();
  Tune("defaults {\n fast_io_fail_tmo 5\n no_path_retry queue\n}\n", ActionKind::kReload);
  EXPECT_EQ(Read("class/fc_remote_ports/rport-2:0-1/dev_loss_tmo"), "4294967295");
}

TEST_F(PathTuningTest, FastIoFailNotBelowDevLossIsTurnedOff) {
  PathTimeouts t = ResolveTimeouts(Parse("defaults {\n fast_io_fail_tmo 40\n dev_loss_tmo 30\n}\n"),
                                   paths_set_.at(PathId{8, 16}), "w");
  EXPECT_EQ(t.fast_io_fail, kTmoOff);
  EXPECT_EQ(t.dev_loss, 30);
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_EQ(t.notes[0], "turning off fast_io_fail (40 is not smaller than dev_loss_tmo)");
}

TEST_F(PathTuningTest, MaxSectorsKbOnCreateAndTheMapsOwnOnReload) {
  Tune("defaults {\n max_sectors_kb 512\n}\n", ActionKind::kNothing);
  Tune("defaults {\n max_sectors_kb 512\n}\n", ActionKind::kRename);
  EXPECT_EQ(Read("block/sdb/queue/max_sectors_kb"), "") << "nothing loaded: untouched";
  EXPECT_FALSE(log_.Contains("setting scsi timeouts")) << "nor any timeout";
  Tune("defaults {\n max_sectors_kb 512\n}\n", ActionKind::kCreate);
  for (const char* d : {"sdb", "sdc", "sdd", "sde"}) {
    EXPECT_EQ(Read(std::string("block/") + d + "/queue/max_sectors_kb"), "512") << d;
  }
  Reset();
  Tune("defaults {\n max_sectors_kb 512\n}\n", ActionKind::kReload);
  EXPECT_EQ(Read("block/sde/queue/max_sectors_kb"), "256") << "the map's own limit";
  EXPECT_TRUE(log_.Contains("sde: block/sde/queue/max_sectors_kb = 256")) << log_.Text();
}

TEST_F(PathTuningTest, DryRunWritesNothing) {
  Tune("defaults {\n max_sectors_kb 512\n eh_deadline 7\n}\n", ActionKind::kCreate, true);
  EXPECT_EQ(Read("block/sdb/queue/max_sectors_kb"), "");
  EXPECT_EQ(Read("class/scsi_host/host2/eh_deadline"), "");
  EXPECT_EQ(log_.Text(), "") << "not even the messages, as the reference";
}

TEST_F(PathTuningTest, AFailedWriteIsAWarningNamingTheFile) {
  Tune("defaults {\n eh_deadline 7\n}\n", ActionKind::kReload);
  EXPECT_EQ(Read("class/scsi_host/host3/eh_deadline"), "7");
  Reset();
  ::unlink((dir_.path() + "/sys/class/scsi_host/host3/eh_deadline").c_str());
  Tune("defaults {\n eh_deadline 8\n}\n", ActionKind::kReload);
  EXPECT_TRUE(log_.Contains("sdc: cannot set class/scsi_host/host3/eh_deadline to 8"))
      << log_.Text();
  EXPECT_EQ(Read("class/scsi_host/host2/eh_deadline"), "8") << "the others still set";
}

}  // namespace
}  // namespace mpx
