#include "cli/devmap_name.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_devmapper.h"

namespace mpx {
namespace {

// What devmap_name prints and how it exits.
struct Ran {
  std::string out, err;
  int exit_code;
};

Ran RunDevmap(const std::vector<std::string>& args, DeviceMapper& dm) {
  std::string err;
  CliLogger log("devmap_name", 2, [&](std::string_view line) { err += line; });
  CommandOutput r = RunDevmapName(args, dm, log);
  return {r.out, err, r.exit_code};
}

TEST(DevmapNameTest, NamesTheMapWithThatDeviceNumber) {
  FakeDeviceMapper dm;
  ASSERT_TRUE(
      dm.Create("mpatha", "mpath-3600a", "0 2048 multipath 0 0 1 1 round-robin 0 1 1 8:0 1", {})
          .ok());
  ASSERT_TRUE(
      dm.Create("mpathb", "mpath-3600b", "0 2048 multipath 0 0 1 1 round-robin 0 1 1 8:16 1", {})
          .ok());
  auto info = dm.Info("mpathb").value();
  std::string maj = std::to_string(info.major), min = std::to_string(info.minor);
  Ran r = RunDevmap({maj, min}, dm);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "mpathb\n");
  EXPECT_EQ(RunDevmap({maj + ":" + min}, dm).out, "mpathb\n");
  Ran none = RunDevmap({maj, "999"}, dm);
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.err, "devmap_name: no device-mapper device " + maj + ":999\n");
  EXPECT_EQ(RunDevmap({"x", "1"}, dm).err, "devmap_name: usage: devmap_name MAJOR MINOR\n");
  EXPECT_EQ(RunDevmap({}, dm).exit_code, 1);
}

TEST(DevmapNameTest, WithoutDeviceMapperSaysWhyAndHowToFixIt) {
  FakeDeviceMapper dm;
  DmAvailability absent;
  absent.absence = DmAbsence::kNoDriver;
  absent.open_errno = ENODEV;
  absent.in_proc_misc = false;
  dm.SetAvailability(absent);
  Ran r = RunDevmap({"253", "0"}, dm);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "devmap_name: /dev/mapper/control: open failed: No such device\n"
            "devmap_name: Failure to communicate with kernel device-mapper driver.\n"
            "devmap_name: Check that device-mapper is available in the kernel: the dm_mod module "
            "is not loaded (/proc/misc lists no device-mapper); load it with \"modprobe "
            "dm_mod\".\n");
}

}  // namespace
}  // namespace mpx
