// multipath without device-mapper in the kernel (no dm_mod): each command's
// message and exit code, as the reference's measured on such a kernel (the
// lab with dm_mod unloaded and its autoload refused), and the dry run over a
// recorded sysfs tree, which plans against no maps instead.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>

#include "cmd/command_test_fixture.h"

namespace mpx {
namespace {

const std::string W1 = testing::Naa6Wwid(1), W2 = testing::Naa6Wwid(2), W3 = testing::Naa6Wwid(3);

// The kernel of the build machines: no dm_mod, /dev/mapper/control made by
// libdevmapper (as root) and opening it fails with ENODEV.
DmAvailability NoDmMod() {
  DmAvailability a;
  a.absence = DmAbsence::kNoDriver;
  a.open_errno = ENODEV;
  a.in_proc_misc = false;
  return a;
}

const std::string kNoDm =
    "multipath: /dev/mapper/control: open failed: No such device\n"
    "multipath: Failure to communicate with kernel device-mapper driver.\n"
    "multipath: Check that device-mapper is available in the kernel: the dm_mod module is not "
    "loaded (/proc/misc lists no device-mapper); load it with \"modprobe dm_mod\".\n";

const std::string kPlanNote =
    "multipath: device-mapper is not available: the dm_mod module is not loaded (/proc/misc "
    "lists no device-mapper); planning against no existing maps\n";

class NoDeviceMapperTest : public MultipathCommandTest {};

TEST_F(NoDeviceMapperTest, CommandsThatNeedItSayWhyAndHowToFixItAndExit1) {
  ASSERT_EQ(Run({}).exit_code, 0);  // three maps, their WWIDs in the wwids file
  const std::string wwids = State("wwids");
  dm_.SetAvailability(NoDmMod());
  const std::vector<std::vector<std::string>> commands = {
      {},     {"-r"},          {"-d"},         {"-d", "-v3"},     {"-d", "--json"},  {"-d", W1},
      {"-l"}, {"-ll"},         {"-ll", "-v1"}, {"-ll", "--json"}, {"-f", W1},        {"-F"},
      {"-W"}, {"-a", "3600a"}, {"-w", W1},     {"-C", W1},        {"-C", "/dev/sda"}};
  for (const auto& args : commands) {
    std::string shown;
    for (const auto& a : args) shown += " " + a;
    Ran r = Run(args);
    EXPECT_EQ(r.exit_code, 1) << "multipath" << shown;
    EXPECT_EQ(r.err, kNoDm) << "multipath" << shown;
    EXPECT_EQ(r.out, "") << "multipath" << shown;
  }
  uevent_ = {{"MAJOR", "253"}, {"MINOR", "0"}};
  Ran u = Run({"-U"});
  EXPECT_EQ(u.exit_code, 1);
  EXPECT_EQ(u.err, kNoDm);
  // Nothing changed, and device-mapper back finds the maps as they were.
  EXPECT_EQ(State("wwids"), wwids);
  for (const std::string& w : {W1, W2, W3}) EXPECT_NE(dm_.Find(w), nullptr) << w;
  dm_.SetAvailability({});
  Ran again = Run({});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(Calls("create"), 3u);
}

TEST_F(NoDeviceMapperTest, PathQuestionsNeedItOnlyWhenNoMapIsTheAnswer) {
  // The reference, per find_multipaths mode, without device-mapper: greedy,
  // the wwids file and the blacklist answer alone; otherwise it must ask
  // whether a map has the WWID, cannot, and exits 1 with no answer (-u too).
  dm_.SetAvailability(NoDmMod());
  uevent_ = {{"DEVNAME", "/dev/sda"}, {"MAJOR", "8"}, {"MINOR", "0"}};
  for (const char* mode : {"strict", "off", "on", "smart"}) {
    Config(std::string("defaults {\n find_multipaths ") + mode + "\n}\n");
    for (const char* flag : {"-c", "-u"}) {
      Ran r = Run({flag, flag == std::string("-c") ? "/dev/sda" : "sda"});
      EXPECT_EQ(r.exit_code, 1) << mode << " " << flag;
      EXPECT_EQ(r.out, "") << mode << " " << flag;
      EXPECT_EQ(r.err, kNoDm) << mode << " " << flag;
    }
  }
  Config("defaults {\n find_multipaths greedy\n}\n");
  Ran greedy = Run({"-c", "/dev/sda"});
  EXPECT_EQ(greedy.exit_code, 0);
  EXPECT_EQ(greedy.out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  EXPECT_EQ(greedy.err, "");
  Config("blacklist {\n devnode \"^sda$\"\n}\n");
  Ran blacklisted = Run({"-c", "/dev/sda"});
  EXPECT_EQ(blacklisted.exit_code, 1);
  EXPECT_EQ(blacklisted.out, "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  EXPECT_EQ(blacklisted.err, "");
  EXPECT_EQ(Run({"-u", "sda"}).exit_code, 0);
  // A path's WWID goes into the wwids file without device-mapper, as with
  // the reference; then the file answers.
  Config("");
  Ran added = Run({"-a", "/dev/sda"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "wwid '" + W1 + "' added\n");
  EXPECT_EQ(Run({"-c", "/dev/sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  EXPECT_EQ(Run({"-u", "sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  EXPECT_EQ(Run({"-w", "/dev/sda"}).out, "wwid '" + W1 + "' removed\n");
}

TEST_F(NoDeviceMapperTest, DryRunOverARecordedTreePlansAgainstNoMaps) {
  ASSERT_EQ(Run({}).exit_code, 0);
  const std::string tree = dir_.path() + "/sys";
  // With device-mapper: the maps exist, nothing to do.
  Ran with = Run({"-d", "--sysfs", tree});
  EXPECT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.out, "");
  dm_.SetAvailability(NoDmMod());
  Ran r = Run({"-d", "--sysfs", tree});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, kPlanNote);
  for (const std::string& w : {W1, W2, W3}) {
    EXPECT_NE(r.out.find(": " + w + " undef Linux,scsi_debug\n"), std::string::npos) << r.out;
  }
  EXPECT_EQ(Run({"-d", "-v0", "--sysfs", tree}).err, "");
  // Only a dry run: creating maps, or a dry run on this machine's /sys, fails.
  EXPECT_EQ(Run({"--sysfs", tree}).err, kNoDm);
  EXPECT_EQ(Run({"-d"}).err, kNoDm);
  EXPECT_EQ(Calls("create"), 3u);
}

// The README's example: a tree recorded in the lab (tests/fixtures/), wired
// as multipath_main wires --sysfs (no udev database, no SG_IO), on a machine
// without device-mapper.
class RecordedTreeWithoutDmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tarball = std::string(MPX_SOURCE_DIR) + "/tests/fixtures/sysfs-scsi_debug.tar.gz";
    std::string cmd = "tar -xzf '" + tarball + "' -C '" + dir_.path() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    auto fs = DirSysfs::Open(dir_.path() + "/sys");
    ASSERT_TRUE(fs.ok()) << fs.error().message;
    fs_.emplace(std::move(fs).value());
    dm_.SetAvailability(NoDmMod());
  }
  Ran Run(std::vector<std::string> args) {
    args.insert(args.end(), {"--sysfs", dir_.path() + "/sys"});
    testing::FakeClock clock;
    // No multipath.conf: the defaults.
    return RunMultipathArgs(std::move(args), *fs_, udev_, scsi_, dm_, clock,
                            TestPaths(dir_.path()));
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
  NoUdevDb udev_;
  NoScsiIo scsi_;
  FakeDeviceMapper dm_;
};

TEST_F(RecordedTreeWithoutDmTest, PlansBothLunsAndSaysDeviceMapperIsMissing) {
  // -i: the wwids file is empty, and find_multipaths strict would skip both.
  Ran r = Run({"-d", "-i"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, kPlanNote);
  EXPECT_EQ(r.out.rfind(": 1Linux_scsi_debug_2000 undef Linux,scsi_debug\n"
                        "size=8.0M features='0' hwhandler='1 alua' wp=undef\n",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find(": 1Linux_scsi_debug_2001 undef Linux,scsi_debug\n"), std::string::npos);
  EXPECT_NE(r.out.find("| `- 0:0:0:0 sda 8:0  undef"), std::string::npos) << r.out;

  Ran j = Run({"-d", "-i", "--json"});
  EXPECT_EQ(j.exit_code, 0);
  EXPECT_EQ(j.err, kPlanNote);
  EXPECT_EQ(j.out.rfind("{\n  \"schema_version\": \"1.2\",\n  \"dry_run\": true,\n"
                        "  \"device_mapper\": {\n    \"available\": false,\n"
                        "    \"reason\": \"the dm_mod module is not loaded (/proc/misc lists no "
                        "device-mapper)\"\n  },\n  \"paths\": [\n",
                        0),
            0u)
      << j.out;
  size_t creates = 0;
  for (size_t at = j.out.find("\"action\": \"create\""); at != std::string::npos;
       at = j.out.find("\"action\": \"create\"", at + 1)) {
    ++creates;
  }
  EXPECT_EQ(creates, 2u);
  EXPECT_NE(j.out.find("\"uuid\": \"mpath-1Linux_scsi_debug_2001\""), std::string::npos);
}

}  // namespace
}  // namespace mpx
