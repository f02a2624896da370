#include "engine/dm_unavailable.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_devmapper.h"

namespace mpx {
namespace {

DmAvailability Absent(DmAbsence why, int open_errno, std::optional<bool> in_proc_misc) {
  DmAvailability a;
  a.absence = why;
  a.open_errno = open_errno;
  a.in_proc_misc = in_proc_misc;
  return a;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

constexpr const char* kFailure = "Failure to communicate with kernel device-mapper driver.\n";

TEST(DmUnavailableTest, SaysTheReferencesWordsThenTheCauseAndTheFix) {
  struct Case {
    DmAvailability a;
    std::string want;
  };
  const Case cases[] = {
      {Absent(DmAbsence::kNoDriver, ENODEV, false),
       "/dev/mapper/control: open failed: No such device\n" + std::string(kFailure) +
           "Check that device-mapper is available in the kernel: the dm_mod module is not "
           "loaded (/proc/misc lists no device-mapper); load it with \"modprobe dm_mod\".\n"},
      {Absent(DmAbsence::kNoDriver, ENXIO, std::nullopt),
       "/dev/mapper/control: open failed: No such device or address\n" + std::string(kFailure) +
           "Check that device-mapper is available in the kernel: the kernel has no "
           "device-mapper driver behind /dev/mapper/control (is the dm_mod module loaded?); "
           "load it with \"modprobe dm_mod\".\n"},
      {Absent(DmAbsence::kNoControlNode, ENOENT, true),
       "/dev/mapper/control: open failed: No such file or directory\n" + std::string(kFailure) +
           "Check that device-mapper is available in the kernel: the driver is loaded "
           "(/proc/misc lists device-mapper) but /dev/mapper/control is missing or not "
           "device-mapper's device node; make the node with \"dmsetup mknodes\".\n"},
      {Absent(DmAbsence::kNoAccess, EACCES, true),
       "/dev/mapper/control: open failed: Permission denied\n" + std::string(kFailure) +
           "Check that device-mapper is available in the kernel: /dev/mapper/control is not "
           "open to this user; run it as root.\n"},
      {Absent(DmAbsence::kNoAnswer, 0, true),
       "/dev/mapper/control: opens, but the driver does not answer\n" + std::string(kFailure) +
           "Check that device-mapper is available in the kernel: the driver does not answer on "
           "/dev/mapper/control; see the kernel log (dmesg).\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(Joined(DmUnavailableLines(c.a)), c.want);
}

TEST(DmUnavailableTest, LogDmFailureExplainsOnlyTheUnavailableError) {
  FakeDeviceMapper dm;
  dm.SetAvailability(Absent(DmAbsence::kNoDriver, ENODEV, false));
  CaptureLogger log;
  LogDmFailure(dm, dm.List("multipath").error(), log);
  EXPECT_EQ(log.Text(),
            "/dev/mapper/control: open failed: No such device\n"
            "Failure to communicate with kernel device-mapper driver.\n"
            "Check that device-mapper is available in the kernel: the dm_mod module "
            "is not loaded (/proc/misc lists no device-mapper); load it with \"modprobe "
            "dm_mod\".\n");
  ASSERT_EQ(log.lines().size(), 3u);
  EXPECT_EQ(log.lines()[0].first, LogLevel::kError);
  // Any other error is its own message, with device-mapper there or not.
  CaptureLogger other;
  LogDmFailure(dm, MakeError("map x: info: no such map", ENXIO), other);
  EXPECT_EQ(other.Text(), "map x: info: no such map\n");
}

}  // namespace
}  // namespace mpx
