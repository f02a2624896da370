// multipath -a/-w/-W (the wwids file) and -c/-u/-C/-U (udev's questions),
// with the reference's outputs and exit codes as measured in the lab.
#include <gtest/gtest.h>

#include "cmd/command_test_fixture.h"

namespace mpx {
namespace {

const std::string W1 = testing::Naa6Wwid(1), W2 = testing::Naa6Wwid(2);

class AnswersTest : public MultipathCommandTest {};

TEST_F(AnswersTest, AddAndRemoveWwidsByPathNumberMapAndWord) {
  Ran r = Run({"-a", "/dev/sda"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wwid '" + W1 + "' added\n");
  EXPECT_NE(State("wwids").find("# Multipath wwids, Version : 1.0\n"), std::string::npos);
  EXPECT_NE(State("wwids").find("/" + W1 + "/\n"), std::string::npos);
  // Again, and through the other path (sdd is LUN 1 on host 1): no duplicate.
  EXPECT_EQ(Run({"-a", "/dev/sdd"}).out, "wwid '" + W1 + "' added\n");
  EXPECT_EQ(Run({"-a", "8:16"}).out, "wwid '" + W2 + "' added\n");
  std::string two = State("wwids");
  EXPECT_EQ(std::count(two.begin(), two.end(), '/'), 4);
  // Any other word is taken for a WWID, as the reference does.
  EXPECT_EQ(Run({"-a", "sdq"}).out, "wwid 'sdq' added\n");
  r = Run({"-w", "/dev/sdd"});
  EXPECT_EQ(r.out, "wwid '" + W1 + "' removed\n");
  EXPECT_EQ(State("wwids").find(W1), std::string::npos);
  r = Run({"-w", "/dev/sda"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "wwid '" + W1 + "' not in wwids file\n");
  EXPECT_EQ(Run({"-w", "sdq"}).out, "wwid 'sdq' removed\n");
  EXPECT_EQ(State("wwids").find("sdq"), std::string::npos);
}

// Every command that reads the configuration prints its warnings on stderr,
// at every verbosity, as the reference does, and answers as before.
TEST_F(AnswersTest, ConfigWarningsOnStderrForEveryCommand) {
  Config("defaults {\n find_multipaths greedy\n polling_interval abc\n}\n");
  const std::string warning = "multipath: " + dir_.path() +
                              "/etc/multipath.conf:3: invalid value for polling_interval: "
                              "\"abc\" (expected a number from 0 to 4294967295); ignored\n";
  for (std::vector<std::string> args : {std::vector<std::string>{"-v0", "-c", "/dev/sda"},
                                        {"-c", "/dev/sda"},
                                        {"-v0", "-a", "/dev/sda"},
                                        {"-v0", "-w", "/dev/sda"},
                                        {"-v0", "-ll"},
                                        {"-v0", "-d"}}) {
    Ran r = Run(args);
    EXPECT_EQ(r.exit_code, 0) << args[1] << r.err;
    EXPECT_EQ(r.err.rfind(warning, 0), 0u) << args[1] << ": " << r.err;
  }
  EXPECT_EQ(Run({"-c", "/dev/sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
}

TEST_F(AnswersTest, BadWwidsArgumentsAreErrorsAndChangeNothing) {
  ASSERT_EQ(Run({"-a", "/dev/sda"}).exit_code, 0);
  std::string before = State("wwids");
  Ran r = Run({"-a", "/dev/sdzz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/dev/sdzz: no such block device"), std::string::npos) << r.err;
  r = Run({"-a"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("-a needs a device"), std::string::npos);
  Config("blacklist {\n devnode \"^sdb$\"\n}\n");
  r = Run({"-a", "/dev/sdb"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("sdb"), std::string::npos);
  EXPECT_NE(r.err.find("not added"), std::string::npos);
  Config("blacklist {\n wwid \"" + W2 + "\"\n}\n");
  EXPECT_EQ(Run({"-a", "/dev/sdb"}).exit_code, 1);
  EXPECT_EQ(State("wwids"), before);
  // One bad argument among good ones: nothing is written.
  r = Run({"-a", "/dev/sdc", "/dev/sdb"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(State("wwids"), before);
}

TEST_F(AnswersTest, ResetKeepsExactlyTheMapsWwids) {
  ASSERT_EQ(Run({"-a", "stale-wwid"}).exit_code, 0);
  ASSERT_EQ(Run({}).exit_code, 0);  // greedy: a map per LUN
  Ran r = Run({"-W"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "successfully reset wwids\n");
  std::string w = State("wwids");
  EXPECT_EQ(w.find("stale-wwid"), std::string::npos);
  for (int lun = 1; lun <= 3; ++lun) {
    EXPECT_NE(w.find("/" + testing::Naa6Wwid(lun) + "/"), std::string::npos) << w;
  }
}

TEST_F(AnswersTest, CheckPathFollowsTheWwidsFileInStrictMode) {
  Config("");  // strict
  Ran r = Run({"-c", "/dev/sda"});
  EXPECT_EQ(r.out, "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(Run({"-a", "/dev/sda"}).exit_code, 0);
  r = Run({"-c", "/dev/sdd"});
  EXPECT_EQ(r.out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(Run({"-c", "8:48"}).exit_code, 0);  // sdd by number
  // -v3 says why.
  EXPECT_NE(Run({"-v3", "-c", "/dev/sda"}).err.find("sda: in the wwids file"), std::string::npos);
  // -c wants a path: a bare name, no argument or a missing node are errors.
  r = Run({"-c", "sda"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("-c needs a path device"), std::string::npos);
  EXPECT_EQ(Run({"-c"}).exit_code, 1);
  r = Run({"-c", "/dev/sdzz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/dev/sdzz: no such block device"), std::string::npos);
}

TEST_F(AnswersTest, CheckPathPerModeBlacklistAndExistingMap) {
  for (const char* mode : {"on", "off"}) {
    Config(std::string("defaults {\n find_multipaths ") + mode + "\n}\n");
    EXPECT_EQ(Run({"-c", "/dev/sda"}).exit_code, 1) << mode;
  }
  Config("defaults {\n find_multipaths greedy\n}\n");
  EXPECT_EQ(Run({"-c", "/dev/sda"}).exit_code, 0);
  Config("defaults {\n find_multipaths smart\n}\n");
  EXPECT_EQ(Run({"-c", "/dev/sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");  // sdd too
  Config("defaults {\n find_multipaths greedy\n}\nblacklist {\n wwid \"" + W1 + "\"\n}\n");
  EXPECT_EQ(Run({"-c", "/dev/sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  // A map with the WWID counts even without the wwids file.
  Config("defaults {\n find_multipaths greedy\n}\n");
  ASSERT_EQ(Run({"-d", "-v0"}).exit_code, 0);
  ASSERT_EQ(Run({}).exit_code, 0);
  ASSERT_TRUE(WriteFileAtomically(dir_.path() + "/etc/multipath/wwids", "").ok());
  Config("");
  EXPECT_EQ(Run({"-c", "/dev/sda"}).exit_code, 0);
}

TEST_F(AnswersTest, UeventAnswersFromTheEnvironmentAndAlwaysExitsZero) {
  Config("");
  uevent_ = {{"DEVNAME", "/dev/sdb"}, {"MAJOR", "8"}, {"MINOR", "16"}};
  Ran r = Run({"-u", "sdb"});
  EXPECT_EQ(r.out, "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_EQ(Run({"-a", "/dev/sdb"}).exit_code, 0);
  EXPECT_EQ(Run({"-u", "sdb"}).out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  // The environment wins over the argument; without one, the argument counts.
  EXPECT_EQ(Run({"-u", "sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  uevent_.clear();
  EXPECT_EQ(Run({"-u", "sda"}).out, "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  // A device that vanished before udev asked: no multipath path.
  r = Run({"-u", "sdzz"});
  EXPECT_EQ(r.out, "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST_F(AnswersTest, SmartModeMakesASinglePathWaitThenGivesUp) {
  // sdd is the only other path of sda's LUN; blacklisting it leaves one.
  Config("defaults {\n find_multipaths smart\n}\nblacklist {\n devnode \"^sdd$\"\n}\n");
  uevent_ = {{"DEVNAME", "/dev/sda"}, {"USEC_INITIALIZED", "990000000"}};
  now_ = 990.5;
  Ran r = Run({"-u", "sda"});
  // Unknown hardware waits 1 s from udev's first sight of the device.
  EXPECT_EQ(r.out, "FIND_MULTIPATHS_WAIT_UNTIL=\"991.000000\"\nDM_MULTIPATH_DEVICE_PATH=\"2\"\n");
  EXPECT_EQ(r.exit_code, 0);
  now_ = 990.9;
  EXPECT_EQ(Run({"-u", "sda"}).out, r.out);
  now_ = 991.5;
  r = Run({"-u", "sda"});
  EXPECT_EQ(r.out, "FIND_MULTIPATHS_WAIT_UNTIL=\"0\"\nDM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  r = Run({"-c", "/dev/sda"});
  EXPECT_EQ(r.out, "FIND_MULTIPATHS_WAIT_UNTIL=\"0\"\nDM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  EXPECT_EQ(r.exit_code, 1);
  // find_multipaths_timeout applies to every device when positive.
  Config(
      "defaults {\n find_multipaths smart\n find_multipaths_timeout 30\n}\n"
      "blacklist {\n devnode \"^sde$\"\n}\n");
  uevent_ = {{"DEVNAME", "/dev/sdb"}, {"USEC_INITIALIZED", "990000000"}};
  EXPECT_EQ(Run({"-u", "sdb"}).out,
            "FIND_MULTIPATHS_WAIT_UNTIL=\"1020.000000\"\nDM_MULTIPATH_DEVICE_PATH=\"2\"\n");
}

TEST_F(AnswersTest, UsablePathsOfAMap) {
  ASSERT_EQ(Run({}).exit_code, 0);
  const std::string name = W1;
  Ran r = Run({"-C", name});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  auto info = dm_.Info(name);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(Run({"-C", info->DevT()}).exit_code, 0);
  uevent_ = {{"MAJOR", std::to_string(info->major)}, {"MINOR", std::to_string(info->minor)}};
  EXPECT_EQ(Run({"-U"}).exit_code, 0);
  // Fail both paths in the kernel: nothing usable.
  ASSERT_TRUE(dm_.Message(name, "fail_path 8:0").ok());
  EXPECT_EQ(Run({"-C", name}).exit_code, 0);
  ASSERT_TRUE(dm_.Message(name, "fail_path 8:48").ok());
  r = Run({"-v3", "-C", name});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("0 of 2 paths usable"), std::string::npos) << r.err;
  EXPECT_EQ(Run({"-U"}).exit_code, 1);
  // Not a map, or nothing to look at.
  r = Run({"-C", "/dev/sda"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("sda is not a device-mapper device"), std::string::npos) << r.err;
  EXPECT_EQ(Run({"-C"}).exit_code, 1);
  uevent_.clear();
  r = Run({"-U"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no device in the environment"), std::string::npos);
}

TEST_F(AnswersTest, ModesExcludeEachOther) {
  auto o = ParseMultipathOptions({"-c", "-a", "/dev/sda"});
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.error().message.find("exclude each other"), std::string::npos);
}

}  // namespace
}  // namespace mpx
