#include "output/topology_text.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(FormatSizeTest, ReferenceUnits) {
  EXPECT_EQ(FormatSize(16384), "8.0M");
  EXPECT_EQ(FormatSize(2097152), "1.0G");
  EXPECT_EQ(FormatSize(20971520), "10G");
  EXPECT_EQ(FormatSize(3221225472ull), "1.5T");
  EXPECT_EQ(FormatSize(2), "1.0K");
  EXPECT_EQ(FormatSize(0), "0.0K");
}

Path P(std::string dev, int host, uint32_t minor) {
  Path p;
  p.dev = std::move(dev);
  p.hctl = Hctl{host, 0, 0, 0};
  p.major = 8;
  p.minor = minor;
  p.sysfs_state = "running";
  p.checker_state = PathState::kUp;
  return p;
}

PathGroup Group(std::vector<PathId> ids, int prio) {
  PathGroup g;
  g.paths = std::move(ids);
  g.priority = prio;
  return g;
}

TEST(FormatTopologyTest, CreateLayoutWithAlignedColumns) {
  PathSet paths({P("sda", 0, 0), P("sdi", 2, 128), P("sde", 1, 64)});
  MultipathMap m;
  m.name = m.wwid = "333333330000007d0";
  m.vendor = "Linux";
  m.model = "scsi_debug";
  m.size_sectors = 16384;
  m.hwhandler = "1 alua";
  m.groups = {Group({{8, 0}}, 50), Group({{8, 64}, {8, 128}}, 10)};
  EXPECT_EQ(FormatTopology(m, paths, {.action = "create"}),
            "create: 333333330000007d0 undef Linux,scsi_debug\n"
            "size=8.0M features='0' hwhandler='1 alua' wp=undef\n"
            "|-+- policy='service-time 0' prio=50 status=undef\n"
            "| `- 0:0:0:0 sda 8:0   undef ready running\n"
            "`-+- policy='service-time 0' prio=10 status=undef\n"
            "  |- 1:0:0:0 sde 8:64  undef ready running\n"
            "  `- 2:0:0:0 sdi 8:128 undef ready running\n");
}

TEST(FormatTopologyTest, DryRunHasAnEmptyActionAndListingNone) {
  PathSet paths({P("sda", 0, 0)});
  MultipathMap m;
  m.name = m.wwid = "3600a";
  m.vendor = "V";
  m.model = "M";
  m.groups = {Group({{8, 0}}, 1)};
  EXPECT_EQ(FormatTopology(m, paths, {.action = ""}).substr(0, 17), ": 3600a undef V,M");
  EXPECT_EQ(FormatTopology(m, paths, {}).substr(0, 15), "3600a undef V,M");
}

TEST(FormatTopologyTest, NameDifferentFromWwidShowsBoth) {
  PathSet paths({P("sda", 0, 0)});
  MultipathMap m;
  m.name = "mpatha";
  m.wwid = "3600a";
  m.vendor = "V";
  m.model = "M";
  m.groups = {Group({{8, 0}}, 1)};
  std::string out = FormatTopology(m, paths, {});
  EXPECT_EQ(out.substr(0, out.find('\n')), "mpatha (3600a) undef V,M");
}

}  // namespace
}  // namespace mpx
