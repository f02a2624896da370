#include "config/hwtable.h"

#include <gtest/gtest.h>

#include "config/blacklist_config.h"
#include "config/printer.h"
#include "config/resolve.h"

namespace mpx {
namespace {

TEST(HwtableTest, EveryRowIsAValidEntry) {
  std::vector<DeviceEntry> table = BuiltinHardwareTable();
  EXPECT_EQ(table.size(), 123u);  // the reference 0.9.4's multipath -t lists 123
  for (const DeviceEntry& d : table) {
    EXPECT_FALSE(d.never_matches) << d.options.Text(Opt::kVendor);
    EXPECT_EQ(d.where, "built-in");
    // Every value of a row made it through the keyword table: printing the
    // entry shows as many lines as the row has settings.
    size_t set = 0;
    for (size_t i = 0; i < kOptCount; ++i) set += d.options.Get(static_cast<Opt>(i)) != nullptr;
    Config c;
    c.devices.push_back(d);
    std::string printed = PrintConfig(c, {.merged = false});
    EXPECT_EQ(static_cast<size_t>(std::count(printed.begin(), printed.end(), '\n')), set + 4)
        << printed;
  }
}

struct Lookup {
  const char* vendor;
  const char* product;
  Opt opt;
  const char* want;  // as multipath -t prints it
};

// Real INQUIRY vendor/product strings and what the built-in table gives them
// (all matching entries apply, the later one winning per keyword).
const Lookup kLookups[] = {
    {"3PARdata", "VV", Opt::kPathGroupingPolicy, "\"group_by_prio\""},
    {"3PARdata", "VV", Opt::kNoPathRetry, "18"},
    {"3PARdata", "VV", Opt::kDevLossTmo, "\"infinity\""},
    {"3PARdata", "VV", Opt::kVpdVendor, "\"hp3par\""},
    {"NETAPP", "LUN C-Mode", Opt::kFeatures, "\"2 pg_init_retries 50\""},
    {"NETAPP", "LUN C-Mode", Opt::kPrio, "\"ontap\""},
    {"NETAPP", "LUN C-Mode", Opt::kFlushOnLastDel, "\"yes\""},
    {"PURE", "FlashArray", Opt::kFastIoFailTmo, "10"},
    {"PURE", "FlashArray", Opt::kHardwareHandler, "\"1 alua\""},
    {"DGC", "RAID 5", Opt::kPathChecker, "\"emc_clariion\""},
    {"DGC", "VRAID", Opt::kDetectChecker, "\"no\""},
    {"HP", "OPEN-V", Opt::kPathGroupingPolicy, "\"multibus\""},
    {"HITACHI", "DF600F", Opt::kPathGroupingPolicy, "\"multibus\""},  // ^DF600F after ^DF
    {"HITACHI", "DF600F", Opt::kPrio, "\"hds\""},                     // from ^DF
    {"LIO-ORG", "disk01", Opt::kNoPathRetry, "12"},
    {"NVME", "Pure Storage FlashArray", Opt::kUidAttribute, "\"ID_WWN\""},  // NVM[eE] .*
    {"NVME", "Pure Storage FlashArray", Opt::kNoPathRetry, "10"},
    {"SUN", "CSM200_R", Opt::kPathChecker, "\"rdac\""},
    {"EMC", "SYMMETRIX", Opt::kNoPathRetry, "6"},
    {"HUAWEI", "XSG1", Opt::kNoPathRetry, "15"},
    {"IBM", "2810XIV", Opt::kFailback, "15"},
    {"NFINIDAT", "InfiniBox", Opt::kRrWeight, "\"priorities\""},
    {"NFINIDAT", "InfiniBox", Opt::kDevLossTmo, "15"},
    {"QEMU", "QEMU HARDDISK", Opt::kPathGroupingPolicy, "\"failover\""},  // no entry
    {"QEMU", "QEMU HARDDISK", Opt::kNoPathRetry, "\"fail\""},
};

TEST(HwtableTest, RealDevicesGetTheReferenceSettings) {
  Config c;
  c.builtin_devices = BuiltinHardwareTable();
  for (const Lookup& l : kLookups) {
    Selection s(c, DeviceIdentity{l.vendor, l.product, "0001", ""}, "");
    auto e = s.Find(l.opt);
    ASSERT_TRUE(e.has_value()) << l.vendor << " " << l.product;
    EXPECT_EQ(FormatValue(KeywordFor(l.opt), e->value), l.want) << l.vendor << " " << l.product;
  }
}

TEST(HwtableTest, UserEntriesWinOverBuiltIns) {
  Config c;
  c.builtin_devices = BuiltinHardwareTable();
  OptionSet o;
  o.Set(Opt::kVendor, {std::string("3PARdata"), "f:1"});
  o.Set(Opt::kProduct, {std::string("VV"), "f:1"});
  o.Set(Opt::kNoPathRetry, {int64_t{5}, "f:3"});
  c.devices.push_back(MakeDeviceEntry(o, "f:1").value());
  Selection s(c, DeviceIdentity{"3PARdata", "VV", "", ""}, "");
  EXPECT_EQ(s.Get(Opt::kNoPathRetry).number(), 5);
  EXPECT_EQ(s.Get(Opt::kNoPathRetry).where, "f:3");
  EXPECT_EQ(s.Get(Opt::kFastIoFailTmo).number(), 10);  // still the built-in's
  EXPECT_EQ(s.Get(Opt::kFastIoFailTmo).where, "built-in");
}

TEST(HwtableTest, ProductBlacklistsJoinTheBlacklist) {
  Config c;
  c.builtin_devices = BuiltinHardwareTable();
  auto b = BuildBlacklist(c);
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->CheckDevice("SGI", "Universal Xport").has_value());
  EXPECT_TRUE(b->CheckDevice("DGC", "LUNZ").has_value());
  EXPECT_TRUE(b->CheckDevice("IBM", "S/390 DASD ECKD").has_value());
  EXPECT_FALSE(b->CheckDevice("DGC", "RAID 5").has_value());
  EXPECT_FALSE(b->CheckDevice("3PARdata", "VV").has_value());
}

}  // namespace
}  // namespace mpx
