#include "kernel/devmapper.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace mpx {
namespace {

TEST(ClassifyDmAbsenceTest, CaseTable) {
  struct Case {
    int open_errno;
    std::optional<bool> in_proc_misc;
    DmAbsence want;
  };
  const Case cases[] = {
      // No driver registered: whatever the node says, dm_mod is missing.
      {ENODEV, false, DmAbsence::kNoDriver},
      {ENOENT, false, DmAbsence::kNoDriver},
      {EACCES, false, DmAbsence::kNoDriver},
      // The driver is registered: the node is the trouble.
      {ENOENT, true, DmAbsence::kNoControlNode},
      {EISDIR, true, DmAbsence::kNoControlNode},
      {ENODEV, true, DmAbsence::kNoControlNode},
      {EACCES, true, DmAbsence::kNoAccess},
      {EPERM, true, DmAbsence::kNoAccess},
      // /proc/misc unreadable: the errno alone.
      {ENODEV, std::nullopt, DmAbsence::kNoDriver},
      {ENXIO, std::nullopt, DmAbsence::kNoDriver},
      {ENOENT, std::nullopt, DmAbsence::kNoControlNode},
      {EACCES, std::nullopt, DmAbsence::kNoAccess},
      // The node opened, DM_VERSION failed all the same.
      {0, true, DmAbsence::kNoAnswer},
      {0, std::nullopt, DmAbsence::kNoAnswer},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ClassifyDmAbsence(c.open_errno, c.in_proc_misc), c.want)
        << "errno " << c.open_errno << " in /proc/misc "
        << (c.in_proc_misc ? (*c.in_proc_misc ? "yes" : "no") : "unknown");
  }
}

TEST(ProcMiscTest, FindsDeviceMapperAmongTheMiscDevices) {
  EXPECT_TRUE(
      ProcMiscListsDeviceMapper("234 btrfs-control\n236 device-mapper\n237 loop-control\n"));
  EXPECT_TRUE(ProcMiscListsDeviceMapper(" 60 device-mapper"));  // right-aligned minors
  EXPECT_FALSE(ProcMiscListsDeviceMapper("234 btrfs-control\n237 loop-control\n"));
  EXPECT_FALSE(ProcMiscListsDeviceMapper("236 device-mapper-x\n"));
  EXPECT_FALSE(ProcMiscListsDeviceMapper("device-mapper\n"));
  EXPECT_FALSE(ProcMiscListsDeviceMapper(""));
}

TEST(SplitTargetLineTest, SplitsOffStartLengthAndType) {
  auto t = SplitTargetLine("0 2048 multipath 0 0 1 1 service-time 0 1 2 8:16 1 1 ");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->start, 0u);
  EXPECT_EQ(t->length, 2048u);
  EXPECT_EQ(t->type, "multipath");
  EXPECT_EQ(t->params, "0 0 1 1 service-time 0 1 2 8:16 1 1");  // trimmed
  auto e = SplitTargetLine("16 8\terror");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->type, "error");
  EXPECT_EQ(e->params, "");
}

TEST(SplitTargetLineTest, RejectsLinesWithoutStartLengthAndType) {
  for (const char* bad : {"", "0", "0 8", "x 8 linear", "0 -1 linear"}) {
    auto t = SplitTargetLine(bad);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().message,
              "\"" + std::string(bad) + "\": expected <start> <length> <type> <params>");
  }
}

}  // namespace
}  // namespace mpx
