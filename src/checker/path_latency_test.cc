#include "checker/path_latency.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

TEST(PathLatencyPriorityTest, LogarithmicScale) {
  const std::vector<int64_t> five_ms(20, 5000);
  PrioResult r = PathLatencyPriority("sdb", five_ms, {20, 10});
  EXPECT_EQ(r.priority, 4);  // log10(1e8) - log10(5e3) = 4.3
  EXPECT_EQ(r.message, "path_latency prio: sdb: latency avg=5.00e+03 uncertainty=1.0 prio=4");
  r = PathLatencyPriority("sdb", std::vector<int64_t>(100, 5310), {100, 1.77827941004});
  EXPECT_EQ(r.priority, 17);  // what the reference gave in the lab for ~5.3 ms
  EXPECT_EQ(PathLatencyPriority("sdb", std::vector<int64_t>(20, 1), {20, 10}).priority, 8);
  EXPECT_EQ(PathLatencyPriority("sdb", std::vector<int64_t>(20, 0), {20, 10}).priority, 8);
  EXPECT_EQ(PathLatencyPriority("sdb", std::vector<int64_t>(20, 99999999), {20, 10}).priority, 0);
  r = PathLatencyPriority("sdb", std::vector<int64_t>(20, 200000000), {20, 10});
  EXPECT_EQ(r, (PrioResult{0,
                           "path_latency prio: sdb: average latency (200000000 us) is outside "
                           "the threshold (100000000 us)"}));
}

TEST(PathLatencyPriorityTest, Uncertainty) {
  std::vector<int64_t> spread;
  for (int i = 0; i < 10; ++i) {
    spread.push_back(100);
    spread.push_back(10000);
  }
  PrioResult r = PathLatencyPriority("sdb", spread, {20, 10});
  EXPECT_EQ(r.priority, 5);  // geometric mean 1 ms
  EXPECT_EQ(r.message, "path_latency prio: sdb: latency avg=1.00e+03 uncertainty=10.6 prio=5");
}

BlockRead Read(int64_t us) {
  BlockRead r;
  r.block_size = r.bytes = 4096;
  r.elapsed = std::chrono::microseconds(us);
  return r;
}

TEST(PathLatencyPrioTest, Io) {
  testing::FakeScsiIo io;
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  io.OnRead({Read(5000)});
  PrioResult r = RunPrioritizer("path_latency", "io_num=20 base_num=10", PrioIo{io}, p,
                                std::chrono::seconds(30));
  EXPECT_EQ(r.priority, 4);
  EXPECT_EQ(io.reads(), 20u);
  r = RunPrioritizer("path_latency", "io_num=2", PrioIo{io}, p, std::chrono::seconds(30));
  EXPECT_EQ(io.reads(), 120u);  // the default io_num
  EXPECT_EQ(r.priority, 17);
  EXPECT_EQ(r.message,
            "path_latency prio: sdb: fails to get path_latency args, set default:io_num=100 "
            "base_num=1.778 (args string is incomplete); path_latency prio: sdb: latency "
            "avg=5.00e+03 uncertainty=1.0 prio=17");
}

TEST(PathLatencyPrioTest, PathDownAndTimeout) {
  testing::FakeScsiIo io;
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  BlockRead failed = Read(10);
  failed.bytes = 0;
  failed.error = EIO;
  io.OnRead({Read(100), failed});
  EXPECT_EQ(RunPrioritizer("path_latency", "io_num=20 base_num=10", PrioIo{io}, p,
                           std::chrono::seconds(30)),
            (PrioResult{-1, "path_latency prio: sdb: path down"}));
  EXPECT_EQ(io.reads(), 2u);
  testing::FakeScsiIo slow;
  slow.OnRead({Read(400000)});
  EXPECT_EQ(RunPrioritizer("path_latency", "io_num=20 base_num=10", PrioIo{slow}, p,
                           std::chrono::seconds(1)),
            (PrioResult{-1, "path_latency prio: sdb: 3 of 20 reads took the whole timeout"}));
}

}  // namespace
}  // namespace mpx
