#include "checker/emc.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;
using testing::DataReply;
using testing::FakeScsiIo;
using testing::HostError;
using testing::Read10Key;
using testing::VpdKey;

// Page 0xC0 of a correctly configured path; lun_state 2 is the active path.
std::vector<uint8_t> PageC0(uint8_t lun_state, uint8_t default_owner = 0, uint8_t path_sp = 0,
                            uint8_t wwn_first = 0x60) {
  std::vector<uint8_t> b(128, 0);
  b[1] = 0xc0;
  b[4] = lun_state;
  b[5] = default_owner;
  b[8] = path_sp;
  for (int i = 0; i < 16; ++i) b[10 + i] = static_cast<uint8_t>(wwn_first + i);
  b[27] = 3;
  b[28] = 4;
  b[30] = 4;
  return b;
}

scsi::ClariionUnitPath Page(std::vector<uint8_t> b) { return scsi::DecodeClariionPage(b); }

TEST(ClariionPageVerdictTest, Cases) {
  struct Case {
    const char* what;
    int byte;
    uint8_t value;
    std::optional<CheckResult> verdict;
  } cases[] = {
      {"passive path", 4, 1,
       CheckResult{PathState::kUp, "emc_clariion checker: Active path is healthy"}},
      {"active path: a read decides", 4, 2, std::nullopt},
      {"unknown page", 1, 0xc1,
       CheckResult{PathState::kDown,
                   "emc_clariion checker: Path unit report page in unknown format"}},
      {"page revision", 9, 1,
       CheckResult{PathState::kDown,
                   "emc_clariion checker: Path unit report page in unknown format"}},
      {"initiator type", 27, 2,
       CheckResult{PathState::kDown,
                   "emc_clariion checker: Path not correctly configured for failover"}},
      {"failover mode 1", 28, 1,
       CheckResult{PathState::kDown,
                   "emc_clariion checker: Path not correctly configured for failover"}},
      {"failover mode 6", 28, 6,
       CheckResult{PathState::kUp, "emc_clariion checker: Active path is healthy"}},
      {"no arraycommpath", 30, 0,
       CheckResult{PathState::kDown,
                   "emc_clariion checker: Path not correctly configured for failover"}},
      {"LU busy", 48, 1,
       CheckResult{PathState::kShaky,
                   "emc_clariion checker: Path not available for normal operations"}},
  };
  for (const Case& c : cases) {
    std::vector<uint8_t> b = PageC0(1);
    b[c.byte] = c.value;
    CheckerMemory memory;
    EXPECT_EQ(ClariionPageVerdict(Page(b), memory), c.verdict) << c.what;
  }
  CheckerMemory memory;
  EXPECT_EQ(
      ClariionPageVerdict(Page(PageC0(0)), memory),
      (CheckResult{PathState::kDown, "emc_clariion checker: Logical Unit is unbound or LUNZ"}));
}

TEST(ClariionPageVerdictTest, RemembersTheLuWwn) {
  CheckerMemory memory;
  EXPECT_EQ(ClariionPageVerdict(Page(PageC0(1)), memory)->state, PathState::kUp);
  ASSERT_TRUE(memory.emc_wwn);
  EXPECT_EQ((*memory.emc_wwn)[0], 0x60);
  EXPECT_EQ(ClariionPageVerdict(Page(PageC0(1)), memory)->state, PathState::kUp);
  EXPECT_EQ(ClariionPageVerdict(Page(PageC0(1, 0, 0, 0x70)), memory),
            (CheckResult{PathState::kDown, "emc_clariion checker: Logical Unit WWN has changed"}));
}

TEST(ClariionReadVerdictTest, InactiveSnapshotFailsThePassivePathsToo) {
  auto shared = std::make_shared<std::atomic<bool>>(false);
  CheckerMemory active{std::nullopt, shared};
  CheckerMemory passive{std::nullopt, shared};
  const std::string wwn = "606162636465666768696a6b6c6d6e6f";
  EXPECT_EQ(
      ClariionReadVerdict(Page(PageC0(2)), PathState::kDown, CheckCondition(0x5, 0x25, 0x01),
                          active),
      (CheckResult{PathState::kDown,
                   "emc_clariion_checker: Active path to inactive snapshot WWN " + wwn + "."}));
  EXPECT_TRUE(shared->load());
  EXPECT_EQ(
      ClariionPageVerdict(Page(PageC0(1)), passive),
      (CheckResult{PathState::kDown,
                   "emc_clariion_checker: Passive path to inactive snapshot WWN " + wwn + "."}));
  EXPECT_EQ(ClariionReadVerdict(Page(PageC0(2)), PathState::kUp, ScsiReply{}, active),
            (CheckResult{PathState::kUp, "emc_clariion checker: Active path is healthy"}));
  EXPECT_FALSE(shared->load());
  EXPECT_EQ(ClariionPageVerdict(Page(PageC0(1)), passive)->state, PathState::kUp);
  EXPECT_EQ(
      ClariionReadVerdict(Page(PageC0(2)), PathState::kDown, CheckCondition(0x3, 0x11, 0), active),
      (CheckResult{PathState::kDown, "emc_clariion checker: Read error"}));
  EXPECT_FALSE(shared->load());
}

CheckResult Check(FakeScsiIo& io, CheckerMemory* memory = nullptr) {
  return RunChecker("emc_clariion", io, "/dev/sdb", std::chrono::seconds(30), memory);
}

TEST(EmcClariionCheckTest, ActivePathReads) {
  FakeScsiIo io;
  io.On(VpdKey(0xc0), DataReply(PageC0(2)));
  io.On(Read10Key(), DataReply(std::vector<uint8_t>(4096)));
  EXPECT_EQ(Check(io),
            (CheckResult{PathState::kUp, "emc_clariion checker: Active path is healthy"}));
  EXPECT_EQ(io.sent()[0].cmd.cdb, (std::vector<uint8_t>{0x12, 1, 0xc0, 0, 128, 0}));
  EXPECT_EQ(io.Count(Read10Key()), 1u);
  io.On(VpdKey(0xc0), DataReply(PageC0(1)));
  EXPECT_EQ(Check(io).state, PathState::kUp);
  EXPECT_EQ(io.Count(Read10Key()), 1u);  // a passive path is not read
}

TEST(EmcClariionCheckTest, ErrorsAndRetries) {
  FakeScsiIo io;
  io.On(VpdKey(0xc0), CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(Check(io),
            (CheckResult{PathState::kUndef, "emc_clariion checker doesn't support this device"}));
  io.On(VpdKey(0xc0), CheckCondition(0x1, 0x18, 0));  // recovered, but the status is not GOOD
  EXPECT_EQ(Check(io),
            (CheckResult{PathState::kDown, "emc_clariion checker: query command indicates error"}));
  io.On(VpdKey(0xc0), CheckCondition(0x2, 0x04, 0x03));
  EXPECT_EQ(Check(io).message, "emc_clariion checker: query command indicates error");
  FakeScsiIo busy;
  busy.On(VpdKey(0xc0), {HostError(0x02), HostError(0x0e), DataReply(PageC0(1))});
  EXPECT_EQ(Check(busy).state, PathState::kUp);
  EXPECT_EQ(busy.Count(VpdKey(0xc0)), 3u);
  FakeScsiIo gone;
  gone.On(VpdKey(0xc0), HostError(0x07));
  EXPECT_EQ(Check(gone).state, PathState::kDown);
  EXPECT_EQ(gone.Count(VpdKey(0xc0)), 5u);
  gone.On(VpdKey(0xc0), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: No such device", ENODEV)));
  EXPECT_EQ(Check(gone), (CheckResult{PathState::kDown,
                                      "emc_clariion checker: sending query command failed "
                                      "(/dev/sdb: SG_IO: No such device)"}));
}

TEST(EmcPrioTest, PagePriority) {
  EXPECT_EQ(EmcPagePriority("sdb", Page(PageC0(2, 1, 1))), (PrioResult{4, ""}));
  EXPECT_EQ(EmcPagePriority("sdb", Page(PageC0(2, 0, 1))), (PrioResult{2, ""}));
  EXPECT_EQ(EmcPagePriority("sdb", Page(PageC0(1, 1, 1))), (PrioResult{3, ""}));
  EXPECT_EQ(EmcPagePriority("sdb", Page(PageC0(0, 0, 1))), (PrioResult{0, ""}));
  std::vector<uint8_t> b = PageC0(2);
  b[9] = 2;
  EXPECT_EQ(EmcPagePriority("sdb", Page(b)),
            (PrioResult{-1, "sdb: emc prio: path unit report page in unknown format"}));
  b = PageC0(2);
  b[27] = 0;
  EXPECT_EQ(EmcPagePriority("sdb", Page(b)),
            (PrioResult{-1, "sdb: emc prio: path not correctly configured for failover"}));
  b = PageC0(2);
  b[48] = 3;
  EXPECT_EQ(EmcPagePriority("sdb", Page(b)),
            (PrioResult{-1, "sdb: emc prio: path not available for normal operations"}));
}

TEST(EmcPrioTest, Io) {
  FakeScsiIo io;
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  PrioIo pio{io};
  io.On(VpdKey(0xc0), DataReply(PageC0(2, 1, 1)));
  EXPECT_EQ(RunPrioritizer("emc", "", pio, p, std::chrono::milliseconds(0)), (PrioResult{4, ""}));
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 60000u);  // the reference's default
  EXPECT_EQ(RunPrioritizer("emc", "", pio, p, std::chrono::seconds(5)).priority, 4);
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 5000u);
  io.On(VpdKey(0xc0), CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(RunPrioritizer("emc", "", pio, p, std::chrono::seconds(5)),
            (PrioResult{-1, "sdb: emc prio: query command indicates error"}));
}

}  // namespace
}  // namespace mpx
