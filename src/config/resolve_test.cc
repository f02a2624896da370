#include "config/resolve.h"

#include <gtest/gtest.h>

#include "config/parser.h"

namespace mpx {
namespace {

constexpr const char* kWwid = "3600a098038303053453f463045727a45";

// One option set at chosen levels; which level wins, with which origin text.
struct Level {
  bool multipath, overrides, device, defaults;
};

std::string ConfigWith(const std::string& kw, const Level& l) {
  std::string t;
  if (l.defaults) t += "defaults {\n " + kw + " defaults_v\n}\n";
  if (l.device) {
    t += "devices {\n device {\n  vendor NETAPP\n  product LUN\n  " + kw + " device_v\n }\n}\n";
  }
  if (l.overrides) t += "overrides {\n " + kw + " overrides_v\n}\n";
  if (l.multipath) {
    t += "multipaths {\n multipath {\n  wwid " + std::string(kWwid) + "\n  " + kw +
         " multipath_v\n }\n}\n";
  }
  return t;
}

struct Row {
  Level set;
  const char* want_value;
  const char* want_origin;
};

const Row kPrecedence[] = {
    {{true, true, true, true}, "multipath_v", "(setting: multipath.conf multipaths section)"},
    {{false, true, true, true}, "overrides_v", "(setting: multipath.conf overrides section)"},
    {{false, false, true, true}, "device_v", "(setting: storage device configuration)"},
    {{false, false, false, true},
     "defaults_v",
     "(setting: multipath.conf defaults/devices section)"},
    {{false, false, false, false}, "const", "(setting: multipath internal)"},
    {{true, false, false, false}, "multipath_v", "(setting: multipath.conf multipaths section)"},
    {{false, true, false, true}, "overrides_v", "(setting: multipath.conf overrides section)"},
};

TEST(ResolveTest, PrecedenceCaseTable) {
  for (const Row& r : kPrecedence) {
    auto p = ParseConfig(ConfigWith("prio", r.set), "multipath.conf");
    ASSERT_TRUE(p.ok()) << p.error().message;
    Selection s(p->config, {"NETAPP", "LUN C-Mode", "9.1"}, kWwid);
    Effective e = s.Get(Opt::kPrio);
    EXPECT_EQ(e.text(), r.want_value);
    EXPECT_EQ(OriginText(e.origin), r.want_origin) << r.want_value;
  }
}

TEST(ResolveTest, OnlyLevelsWhereTheKeywordIsAllowed) {
  // path_checker cannot be set per multipath, so the multipath level is not consulted,
  // and another WWID or identity does not pick up entries.
  auto p = ParseConfig(
      "defaults {\n path_checker directio\n}\n"
      "devices {\n device {\n  vendor NETAPP\n  product LUN\n  path_checker rdac\n }\n}\n"
      "multipaths {\n multipath {\n  wwid " +
          std::string(kWwid) + "\n  alias db\n }\n}\n",
      "multipath.conf");
  ASSERT_TRUE(p.ok()) << p.error().message;
  Selection netapp(p->config, {"NETAPP", "LUN", ""}, kWwid);
  EXPECT_EQ(netapp.Get(Opt::kPathChecker).text(), "rdac");
  EXPECT_EQ(netapp.Get(Opt::kPathChecker).where, "multipath.conf:8");
  EXPECT_EQ(netapp.Get(Opt::kAlias).text(), "db");
  Selection other(p->config, {"ACME", "LUN", ""}, "36001405");
  EXPECT_EQ(other.Get(Opt::kPathChecker).text(), "directio");
  EXPECT_EQ(other.Get(Opt::kPathChecker).origin, Origin::kDefaults);
  EXPECT_FALSE(other.Find(Opt::kAlias).has_value());
  EXPECT_EQ(other.Get(Opt::kAlias).text(), "");
}

TEST(ResolveTest, CompiledDefaultsAndTypedAccess) {
  Config empty;
  Selection s(empty, {"A", "B", "C"}, "w");
  EXPECT_EQ(s.Get(Opt::kPathGroupingPolicy).as<GroupingPolicy>(), GroupingPolicy::kFailover);
  EXPECT_EQ(s.Get(Opt::kPathSelector).text(), "service-time 0");
  EXPECT_EQ(s.Get(Opt::kPollingInterval).number(), 5);
  EXPECT_EQ(s.Get(Opt::kFailback).number(), kFailbackManual);
  EXPECT_EQ(s.Get(Opt::kNoPathRetry).number(), kNoPathRetryFail);
  EXPECT_EQ(s.Get(Opt::kFindMultipaths).as<FindMultipaths>(), FindMultipaths::kStrict);
  EXPECT_FALSE(s.Get(Opt::kUserFriendlyNames).yes());
  EXPECT_TRUE(s.Get(Opt::kDetectPrio).yes());
  EXPECT_EQ(s.Get(Opt::kRrWeight).as<RrWeight>(), RrWeight::kUniform);
  EXPECT_EQ(s.Get(Opt::kUidAttribute).text(), "ID_SERIAL");
  EXPECT_EQ(s.Get(Opt::kAliasPrefix).text(), "mpath");
  EXPECT_EQ(s.Get(Opt::kFeatures).text(), "0");
  EXPECT_EQ(s.Get(Opt::kHardwareHandler).text(), "0");
  EXPECT_EQ(s.Get(Opt::kRrMinIoRq).number(), 1);
  EXPECT_EQ(s.Get(Opt::kPrioArgs).text(), "");
  EXPECT_EQ(s.Get(Opt::kRetainAttachedHwHandler).origin, Origin::kInternal);
}

TEST(ResolveTest, DeviceRegexesAreUnanchoredExtendedAndCaseSensitive) {
  auto p = ParseConfig(
      "devices {\n"
      " device {\n  vendor \"(HP|HPE)\"\n  product \"MSA [12]0[456]0\"\n  prio alua\n }\n"
      " device {\n  vendor \"^IBM$\"\n  product \"2145\"\n  revision \"^0[0-9]\"\n  prio rdac\n }\n"
      "}\n",
      "multipath.conf");
  ASSERT_TRUE(p.ok()) << p.error().message;
  struct Case {
    DeviceIdentity id;
    const char* want;
  } cases[] = {
      {{"HP", "MSA 2040 SAN", ""}, "alua"},
      {{"xHPEx", "the MSA 1050 box", ""}, "alua"},  // unanchored
      {{"hp", "MSA 2040 SAN", ""}, "const"},        // case-sensitive
      {{"HP", "MSA 3040", ""}, "const"},
      {{"IBM", "2145", "01"}, "rdac"},
      {{"IBM", "2145", "10"}, "const"},  // revision must match too
      {{"IBMX", "2145", "01"}, "const"},
  };
  for (const Case& c : cases) {
    Selection s(p->config, c.id, "w");
    EXPECT_EQ(s.Get(Opt::kPrio).text(), c.want) << c.id.vendor << "/" << c.id.product;
  }
}

TEST(ResolveTest, LaterDeviceEntryWinsPerAttributeAndBuiltinsComeLast) {
  auto p = ParseConfig(
      "devices {\n"
      " device {\n  vendor NETAPP\n  product LUN\n  prio ontap\n  failback immediate\n }\n"
      " device {\n  vendor NET\n  product \".*\"\n  prio alua\n }\n"
      "}\n",
      "multipath.conf");
  ASSERT_TRUE(p.ok()) << p.error().message;
  OptionSet builtin;
  builtin.Set(Opt::kVendor, {std::string("NETAPP"), "built-in"});
  builtin.Set(Opt::kProduct, {std::string("LUN"), "built-in"});
  builtin.Set(Opt::kPrio, {std::string("builtin_prio"), "built-in"});
  builtin.Set(Opt::kNoPathRetry, {kNoPathRetryQueue, "built-in"});
  auto entry = MakeDeviceEntry(std::move(builtin), "built-in");
  ASSERT_TRUE(entry.ok());
  p->config.builtin_devices.push_back(std::move(entry).value());

  Selection s(p->config, {"NETAPP", "LUN", ""}, "w");
  ASSERT_EQ(s.device_entries().size(), 3u);
  EXPECT_EQ(s.Get(Opt::kPrio).text(), "alua");  // the later user entry
  EXPECT_EQ(s.Get(Opt::kPrio).where, "multipath.conf:11");
  EXPECT_EQ(s.Get(Opt::kFailback).number(), kFailbackImmediate);  // the earlier one still applies
  Effective npr = s.Get(Opt::kNoPathRetry);                       // only the built-in table sets it
  EXPECT_EQ(npr.number(), kNoPathRetryQueue);
  EXPECT_EQ(npr.where, "built-in");
  EXPECT_EQ(OriginText(npr.origin), "(setting: storage device configuration)");
}

TEST(ResolveTest, DuplicateMultipathEntriesMergeLaterWins) {
  std::string w(kWwid);
  auto p = ParseConfig(
      "multipaths {\n"
      " multipath {\n  wwid " +
          w +
          "\n  alias first\n  failback 10\n }\n"
          " multipath {\n  wwid " +
          w +
          "\n  alias second\n }\n"
          "}\n",
      "multipath.conf");
  ASSERT_TRUE(p.ok()) << p.error().message;
  Selection s(p->config, {"A", "B", ""}, kWwid);
  EXPECT_EQ(s.Get(Opt::kAlias).text(), "second");
  EXPECT_EQ(s.Get(Opt::kFailback).number(), 10);
  EXPECT_EQ(s.multipath_entries().size(), 2u);
}

}  // namespace
}  // namespace mpx
