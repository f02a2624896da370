#include "checker/prioritizer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <set>
#include <thread>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::DataReply;
using testing::FakeScsiIo;
using testing::RtpgKey;

// Group 0x100 active/non-optimized, group 0x180 standby with the preferred bit.
const std::vector<uint8_t> kRtpg = {0, 0, 0,    16,   0x01, 0xff, 0x01, 0x00, 0, 0,
                                    0, 0, 0x82, 0xff, 0x01, 0x80, 0,    0,    0, 0};

Path AluaPath(std::optional<int> tpg, std::string access_state = "") {
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  p.tpgs = 1;
  p.tpg = tpg;
  p.alua_state = std::move(access_state);
  return p;
}

PrioResult Prio(std::string_view name, ScsiIo& io, const Path& p, std::string_view args = "") {
  return RunPrioritizer(name, args, PrioIo{io}, p, std::chrono::seconds(10));
}

TEST(PrioritizerTableTest, EveryPrioritizerTheReferenceNames) {
  std::vector<std::string_view> names;
  for (const PrioritizerEntry& e : Prioritizers()) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string_view>{"const", "sysfs", "emc", "alua", "ontap", "rdac",
                                                  "hp_sw", "hds", "random", "weightedpath",
                                                  "path_latency", "ana", "datacore", "iet"}));
  EXPECT_EQ(FindPrioritizer("nonsense"), nullptr);
}

TEST(PrioritizerTableTest, UnknownNamesFallBackToConst) {
  FakeScsiIo io;
  EXPECT_EQ(Prio("nonsense", io, AluaPath(1)),
            (PrioResult{1, "Prioritizer 'nonsense' not found, using const"}));
  EXPECT_TRUE(io.sent().empty());
}

TEST(DetectPrioTest, AluaDevicesPreferSysfsWhenTheKernelShowsTheState) {
  EXPECT_EQ(DetectPrio(AluaPath(1, "standby")), PrioKind::kSysfs);
  EXPECT_EQ(DetectPrio(AluaPath(1)), PrioKind::kAlua);
  Path plain;
  EXPECT_EQ(DetectPrio(plain), PrioKind::kConst);
  EXPECT_EQ(DetectPrioName(AluaPath(1, "standby"), "emc"), "sysfs");
  EXPECT_EQ(DetectPrioName(AluaPath(1), "emc"), "alua");
  EXPECT_EQ(DetectPrioName(plain, "emc"), "emc");
}

TEST(AluaPrioTest, FindsThePathsGroup) {
  FakeScsiIo io;
  io.On(RtpgKey(), DataReply(kRtpg));
  EXPECT_EQ(Prio("alua", io, AluaPath(0x100)), (PrioResult{10, ""}));
  EXPECT_EQ(io.sent().back().cmd.cdb,
            (std::vector<uint8_t>{0xa3, 0x0a, 0, 0, 0, 0, 0, 0, 0x04, 0, 0, 0}));
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 10000u);
  EXPECT_EQ(Prio("alua", io, AluaPath(0x180)), (PrioResult{81, ""}));  // standby + preferred
}

TEST(AluaPrioTest, ExclusivePrefBit) {
  FakeScsiIo io;
  std::vector<uint8_t> optimized_preferred = kRtpg;
  optimized_preferred[4] = 0x80;  // group 0x100: active/optimized, preferred
  io.On(RtpgKey(), DataReply(optimized_preferred));
  EXPECT_EQ(Prio("alua", io, AluaPath(0x100)).priority, 50);
  EXPECT_EQ(Prio("alua", io, AluaPath(0x100), "exclusive_pref_bit").priority, 130);
}

TEST(AluaPrioTest, ReadsALongReplyWithABiggerBuffer) {
  FakeScsiIo io;
  // 200 groups of one port each: 200 * 12 + 4 bytes, more than the first 1024.
  std::vector<uint8_t> big = {0, 0, 0x09, 0x60};
  for (int g = 0; g < 200; ++g) {
    std::vector<uint8_t> d = {0x01, 0xff, 0, static_cast<uint8_t>(g), 0, 0, 0, 1, 0, 0, 0, 1};
    big.insert(big.end(), d.begin(), d.end());
  }
  std::vector<uint8_t> cut(big.begin(), big.begin() + 1024);
  io.On(RtpgKey(), {DataReply(cut), DataReply(big)});
  EXPECT_EQ(Prio("alua", io, AluaPath(199)), (PrioResult{10, ""}));
  ASSERT_EQ(io.Count(RtpgKey()), 2u);
  EXPECT_EQ(io.sent()[1].cmd.data_in, 2404u);
}

TEST(AluaPrioTest, FailuresAreUndefWithTheReferencesWords) {
  FakeScsiIo io;
  io.On(RtpgKey(), DataReply(kRtpg));
  EXPECT_EQ(Prio("alua", io, AluaPath(7)),
            (PrioResult{-1,
                        "sdb: couldn't get asymmetric access state (target port group 7 not "
                        "reported)"}));
  EXPECT_EQ(Prio("alua", io, AluaPath(std::nullopt)),
            (PrioResult{-1, "sdb: couldn't get target port group"}));
  Path plain = AluaPath(std::nullopt);
  plain.tpgs = 0;
  EXPECT_EQ(Prio("alua", io, plain), (PrioResult{-1, "sdb: alua not supported"}));
  io.On(RtpgKey(), testing::CheckCondition(0x5, 0x20, 0));
  EXPECT_EQ(Prio("alua", io, AluaPath(0x100)),
            (PrioResult{-1,
                        "sdb: couldn't get asymmetric access state (REPORT TARGET PORT "
                        "GROUPS failed)"}));
  io.On(RtpgKey(), DataReply({0, 0, 0, 12, 0x01}));
  EXPECT_EQ(Prio("alua", io, AluaPath(0x100)).message,
            "sdb: couldn't get asymmetric access state (REPORT TARGET PORT GROUPS reply: 16 "
            "bytes announced, 5 received)");
}

TEST(SysfsPrioTest, AccessStateAndPreferredBit) {
  FakeScsiIo io;
  Path p = AluaPath(1, "active/non-optimized");
  p.preferred = true;
  EXPECT_EQ(Prio("sysfs", io, p), (PrioResult{90, ""}));
  p = AluaPath(1, "active/optimized");
  p.preferred = true;
  EXPECT_EQ(Prio("sysfs", io, p).priority, 50);
  EXPECT_EQ(Prio("sysfs", io, p, "exclusive_pref_bit").priority, 130);
  p = AluaPath(1, "lba-dependent");
  EXPECT_EQ(Prio("sysfs", io, p).priority, 5);
  p = AluaPath(1, "unavailable");
  EXPECT_EQ(Prio("sysfs", io, p).priority, 0);
  p = AluaPath(1, "");
  EXPECT_EQ(Prio("sysfs", io, p), (PrioResult{-1, "sdb: sysfs prio: no access_state in sysfs"}));
  EXPECT_TRUE(io.sent().empty());
}

TEST(RandomPrioTest, OneToTen) {
  EXPECT_EQ(RandomPriority(0), 1);
  EXPECT_EQ(RandomPriority(9), 10);
  EXPECT_EQ(RandomPriority(10), 1);
  EXPECT_EQ(RandomPriority(0xffffffff), 6);
  FakeScsiIo io;
  std::set<int> seen;
  for (int i = 0; i < 500; ++i) {
    PrioResult r = Prio("random", io, AluaPath(1));
    ASSERT_GE(r.priority, 1);
    ASSERT_LE(r.priority, 10);
    seen.insert(r.priority);
  }
  EXPECT_GT(seen.size(), 5u);
}

TEST(AnaPrioTest, NotSupportedForScsiPaths) {
  FakeScsiIo io;
  EXPECT_EQ(Prio("ana", io, AluaPath(1)), (PrioResult{-1, "sdb: ANA error: not an NVMe device"}));
  Path nvme;
  nvme.dev = "nvme0n1";
  EXPECT_EQ(Prio("ana", io, nvme),
            (PrioResult{-1,
                        "nvme0n1: ANA error: ANA not supported (no NVMe admin commands in "
                        "mpx)"}));
  EXPECT_TRUE(io.sent().empty());
  EXPECT_EQ(AnaStatePriority(1), 50);
  EXPECT_EQ(AnaStatePriority(2), 10);
  EXPECT_EQ(AnaStatePriority(3), 1);
  EXPECT_EQ(AnaStatePriority(4), 0);
  EXPECT_EQ(AnaStatePriority(0xf), 1);
  EXPECT_EQ(AnaStatePriority(0), -1);
}

TEST(PrioritizeTest, KeepsItsContract) {
  FakeScsiIo io;
  io.On(RtpgKey(), DataReply(kRtpg));
  Path p = AluaPath(0x180);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.priority, 81);
  EXPECT_EQ(p.prioritizer, "alua");
  EXPECT_EQ(p.prio_message, "");
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 60000u);
  p = AluaPath(7);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.priority, 0);  // a failure weighs nothing
  EXPECT_EQ(p.prio_message,
            "sdb: couldn't get asymmetric access state (target port group 7 not reported)");
  Prioritize(PrioKind::kConst, io, p);
  EXPECT_EQ(p.priority, 1);
  EXPECT_EQ(p.prioritizer, "const");
  EXPECT_EQ(p.prio_message, "");
}

TEST(PrioritizerCallSurfaceTest, SafeFromManyThreads) {
  FakeScsiIo io;
  io.On(RtpgKey(), DataReply(kRtpg));
  io.On(testing::TurKey(), ScsiReply{});
  std::vector<std::thread> threads;
  std::atomic<int> bad{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (Prio("alua", io, AluaPath(0x100)).priority != 10) ++bad;
        if (Prio("random", io, AluaPath(1)).priority < 1) ++bad;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(io.Count(RtpgKey()), 400u);
}

}  // namespace
}  // namespace mpx
