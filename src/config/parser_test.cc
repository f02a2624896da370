#include "config/parser.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

// Like ninja's manifest_parser_test: parse text, check the result or the exact error.
struct ParserTest : ::testing::Test {
  ParsedConfig Parse(const std::string& text) {
    auto r = ParseConfig(text, "multipath.conf");
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? std::move(r).value() : ParsedConfig{};
  }
  std::string Error(const std::string& text) {
    auto r = ParseConfig(text, "multipath.conf");
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? "" : r.error().message;
  }
};

std::string Text(const OptionSet& o, Opt opt) { return o.Text(opt); }
int64_t Num(const OptionSet& o, Opt opt) {
  const Setting* s = o.Get(opt);
  return s ? std::get<int64_t>(s->value) : -999;
}

TEST_F(ParserTest, EmptyAndCommentsOnly) {
  auto p = Parse("# nothing\n\n   ! here\n");
  EXPECT_TRUE(p.config.defaults.empty());
  EXPECT_TRUE(p.warnings.empty());
}

TEST_F(ParserTest, Defaults) {
  auto p = Parse(
      "defaults {\n"
      "\tpath_grouping_policy group_by_prio   # comment\n"
      "\tpath_selector \"round-robin 0\"\n"
      "\tpolling_interval 10\n"
      "\tfind_multipaths smart\n"
      "}\n");
  EXPECT_TRUE(p.warnings.empty());
  const OptionSet& d = p.config.defaults;
  EXPECT_EQ(Num(d, Opt::kPathGroupingPolicy), static_cast<int64_t>(PgPolicy::kGroupByPrio));
  EXPECT_EQ(Text(d, Opt::kPathSelector), "round-robin 0");
  EXPECT_EQ(Num(d, Opt::kPollingInterval), 10);
  EXPECT_EQ(Num(d, Opt::kFindMultipaths), static_cast<int64_t>(FindMultipaths::kSmart));
  EXPECT_EQ(d.Get(Opt::kPollingInterval)->where, "multipath.conf:4");
}

TEST_F(ParserTest, DevicesMultipathsOverrides) {
  auto p = Parse(
      "devices {\n"
      "  device {\n"
      "    vendor \"NETAPP\"\n"
      "    product LUN\n"
      "    revision \"^1\"\n"
      "    hardware_handler \"1 alua\"\n"
      "    no_path_retry queue\n"
      "  }\n"
      "  device {\n"
      "    vendor ACME\n"
      "    product \".*\"\n"
      "  }\n"
      "}\n"
      "multipaths {\n"
      "  multipath {\n"
      "    wwid 3600a098038303053453f463045727a45\n"
      "    alias db\n"
      "    failback 30\n"
      "  }\n"
      "}\n"
      "overrides {\n"
      "  user_friendly_names yes\n"
      "}\n");
  EXPECT_TRUE(p.warnings.empty());
  ASSERT_EQ(p.config.devices.size(), 2u);
  const DeviceEntry& d = p.config.devices[0];
  EXPECT_EQ(d.where, "multipath.conf:2");
  EXPECT_EQ(Text(d.options, Opt::kVendor), "NETAPP");
  EXPECT_EQ(Text(d.options, Opt::kHardwareHandler), "1 alua");
  EXPECT_EQ(Num(d.options, Opt::kNoPathRetry), kNoPathRetryQueue);
  EXPECT_TRUE(d.Matches("NETAPP", "LUN C-Mode", "1.0"));
  EXPECT_FALSE(d.Matches("NETAPP", "LUN C-Mode", "2.0"));
  ASSERT_EQ(p.config.multipaths.size(), 1u);
  EXPECT_EQ(Text(p.config.multipaths[0].options, Opt::kAlias), "db");
  EXPECT_EQ(Num(p.config.multipaths[0].options, Opt::kFailback), 30);
  EXPECT_EQ(Num(p.config.overrides, Opt::kUserFriendlyNames), 1);
}

TEST_F(ParserTest, BlacklistAndExceptionsOfEveryKind) {
  auto p = Parse(
      "blacklist {\n"
      "  devnode \"^loop\"\n"
      "  wwid 3600\n"
      "  property \"ID_ATA\"\n"
      "  protocol \"scsi:usb\"\n"
      "  device {\n"
      "    vendor \"SGI\"\n"
      "    product \"Universal Xport\"\n"
      "  }\n"
      "}\n"
      "blacklist_exceptions {\n"
      "  devnode \"^sdz\"\n"
      "  device {\n"
      "    vendor IBM\n"
      "  }\n"
      "}\n");
  EXPECT_TRUE(p.warnings.empty());
  const BlacklistSection& b = p.config.blacklist;
  ASSERT_EQ(b.items.size(), 4u);
  EXPECT_EQ(b.items[0].kind, Opt::kBlDevnode);
  EXPECT_EQ(b.items[1].kind, Opt::kBlWwid);
  EXPECT_EQ(b.items[1].pattern, "3600");
  EXPECT_EQ(b.items[2].kind, Opt::kBlProperty);
  EXPECT_EQ(b.items[3].kind, Opt::kBlProtocol);
  EXPECT_EQ(b.items[3].where, "multipath.conf:5");
  ASSERT_EQ(b.devices.size(), 1u);
  EXPECT_EQ(Text(b.devices[0].options, Opt::kProduct), "Universal Xport");
  ASSERT_EQ(p.config.blacklist_exceptions.devices.size(), 1u);
  EXPECT_EQ(p.config.blacklist_exceptions.devices[0].options.Get(Opt::kProduct), nullptr);
}

TEST_F(ParserTest, QuotingInValues) {
  auto p = Parse(
      "defaults {\n"
      "  alias_prefix \"a\"\"b c # d\"\n"
      "  prio_args \"\"\n"
      "  uid_attribute \"ID_SERIAL\" # trailing comment\n"
      "}\n");
  EXPECT_EQ(Text(p.config.defaults, Opt::kAliasPrefix), "a\"b c # d");
  ASSERT_NE(p.config.defaults.Get(Opt::kPrioArgs), nullptr);
  EXPECT_EQ(Text(p.config.defaults, Opt::kPrioArgs), "");
  EXPECT_EQ(Text(p.config.defaults, Opt::kUidAttribute), "ID_SERIAL");
}

TEST_F(ParserTest, Warnings) {
  auto p = Parse(
      "defaults\n"                       // 1
      "{\n"                              // 2
      "  bogus 1\n"                      // 3
      "  hardware_handler \"1 alua\"\n"  // 4: devices only
      "  polling_interval 5 extra\n"     // 5
      "  polling_interval 6\n"           // 6
      "} trailing\n"                     // 7
      "nonsense here\n"                  // 8
      "unknown {\n"                      // 9
      "  inner {\n"                      // 10
      "  }\n"                            // 11
      "}\n"                              // 12
      "devices {\n"                      // 13
      "  device {\n"                     // 14
      "    vendor X\n"                   // 15
      "  }\n"                            // 16
      "}\n"                              // 17
      "multipaths {\n"                   // 18
      "  multipath {\n"                  // 19
      "    alias nowwid\n"               // 20
      "  }\n"                            // 21
      "  multipath {\n"                  // 22
      "    wwid w1\n"                    // 23
      "  }\n"                            // 24
      "  multipath {\n"                  // 25
      "    wwid w1\n"                    // 26
      "  }\n"                            // 27
      "}\n"                              // 28
      "blacklist {\n"                    // 29
      "  device {\n"                     // 30
      "  }\n"                            // 31
      "}\n");                            // 32
  std::vector<std::string> want = {
      "multipath.conf:2: \"{\" should be on the same line as \"defaults\"",
      "multipath.conf:3: invalid keyword in the defaults section: bogus",
      "multipath.conf:4: invalid keyword in the defaults section: hardware_handler",
      "multipath.conf:5: ignoring extra data starting with \"extra\"",
      "multipath.conf:6: duplicate keyword: polling_interval",
      "multipath.conf:7: ignoring extra data starting with \"trailing\"",
      "multipath.conf:8: invalid keyword: nonsense",
      "multipath.conf:9: invalid section: unknown; skipped",
      "multipath.conf:14: device section missing vendor or product; ignored",
      "multipath.conf:19: multipath section missing wwid; ignored",
      "multipath.conf:25: duplicate multipath section for \"w1\" (also at multipath.conf:22); "
      "later settings win",
      "multipath.conf:30: blacklist device section without vendor or product; ignored",
  };
  EXPECT_EQ(p.warnings, want);
  EXPECT_EQ(Num(p.config.defaults, Opt::kPollingInterval), 6);  // the later one wins
  EXPECT_TRUE(p.config.devices.empty());
  EXPECT_EQ(p.config.multipaths.size(), 2u);
  EXPECT_TRUE(p.config.blacklist.devices.empty());
}

TEST_F(ParserTest, Errors) {
  EXPECT_EQ(Error("defaults {\n"
                  "  polling_interval 5\n"
                  "  path_grouping_policy foo\n"
                  "}\n"),
            "multipath.conf:3: invalid value \"foo\" for path_grouping_policy: expected "
            "failover, multibus, group_by_serial, group_by_prio or group_by_node_name");
  EXPECT_EQ(Error("defaults {\n  rr_min_io_rq -3\n}\n"),
            "multipath.conf:2: invalid value \"-3\" for rr_min_io_rq: expected a number from 1 "
            "to 2147483647");
  EXPECT_EQ(Error("defaults {\n  polling_interval\n}\n"),
            "multipath.conf:2: missing value for polling_interval");
  EXPECT_EQ(Error("defaults {\n  polling_interval }\n}\n"),
            "multipath.conf:2: missing value for polling_interval");
  EXPECT_EQ(Error("defaults {\n  uid_attribute \"ID_X\n}\n"),
            "multipath.conf:2: missing closing quote");
  EXPECT_EQ(Error("blacklist {\n  devnode \"sd[a-\"\n}\n"),
            "multipath.conf:2: invalid value \"sd[a-\" for devnode: Unmatched [, [^, [:, [., "
            "or [=");
  EXPECT_EQ(Error("devices {\n device {\n  vendor X\n  product \"W(idget\"\n }\n}\n"),
            "multipath.conf:4: invalid value \"W(idget\" for product: Unmatched ( or \\(");
  EXPECT_EQ(Error("}\n"), "multipath.conf:1: unmatched \"}\"");
  EXPECT_EQ(Error("defaults {\n}\n}\n"), "multipath.conf:3: unmatched \"}\"");
  EXPECT_EQ(Error("# c\ndefaults {\n  polling_interval 5\n"),
            "multipath.conf:2: section \"defaults\" is not closed: missing \"}\"");
  EXPECT_EQ(Error("devices {\n  device {\n  vendor X\n}\n"),
            "multipath.conf:1: section \"devices\" is not closed: missing \"}\"");
  EXPECT_EQ(Error("defaults\n  polling_interval 5\n}\n"),
            "multipath.conf:1: missing \"{\" after \"defaults\"");
  EXPECT_EQ(Error("defaults\n"), "multipath.conf:1: missing \"{\" after \"defaults\"");
  EXPECT_EQ(Error("defaults foo {\n}\n"),
            "multipath.conf:1: expected \"{\" after \"defaults\", found \"foo\"");
  EXPECT_EQ(Error("{\n}\n"), "multipath.conf:1: unexpected \"{\"");
  EXPECT_EQ(Error("junk {\n  x 1\n"),
            "multipath.conf:1: section \"junk\" is not closed: missing \"}\"");
  // A one-line device section: the reference ignores what follows the brace
  // on that line, so the closing brace does not close anything either.
  EXPECT_EQ(Error("devices {\n  device { vendor X }\n}\n"),
            "multipath.conf:1: section \"devices\" is not closed: missing \"}\"");
}

TEST_F(ParserTest, SectionsOnlyWhereTheyBelong) {
  auto p = Parse("device {\n}\ndefaults {\n  multipath {\n  }\n}\n");
  EXPECT_EQ(p.warnings,
            (std::vector<std::string>{"multipath.conf:1: invalid section: device; skipped",
                                      "multipath.conf:4: invalid section: multipath; skipped"}));
  EXPECT_TRUE(p.config.devices.empty());
  EXPECT_TRUE(p.config.multipaths.empty());
}

TEST_F(ParserTest, SourcesInOrderLaterWins) {
  std::vector<ConfigSource> sources = {
      {"/etc/multipath.conf",
       "defaults {\n polling_interval 3\n alias_prefix main\n}\n"
       "devices {\n device {\n  vendor A\n  product B\n }\n}\n"},
      {"/etc/multipath/conf.d/a.conf", "defaults {\n alias_prefix a\n polling_interval 7\n}\n"},
      {"/etc/multipath/conf.d/b.conf",
       "defaults {\n alias_prefix b\n}\ndevices {\n device {\n  vendor C\n  product D\n }\n}\n"},
  };
  auto r = ParseConfig(sources);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const OptionSet& d = r->config.defaults;
  EXPECT_EQ(Text(d, Opt::kAliasPrefix), "b");
  EXPECT_EQ(Num(d, Opt::kPollingInterval), 7);
  EXPECT_EQ(d.Get(Opt::kPollingInterval)->where, "/etc/multipath/conf.d/a.conf:3");
  ASSERT_EQ(r->config.devices.size(), 2u);
  EXPECT_EQ(r->config.devices[1].where, "/etc/multipath/conf.d/b.conf:5");
  // Redefinitions across files are not duplicates within one section.
  EXPECT_TRUE(r->warnings.empty());
}

TEST_F(ParserTest, ErrorInADropInNamesThatFile) {
  std::vector<ConfigSource> sources = {{"/etc/multipath.conf", "defaults {\n}\n"},
                                       {"/etc/multipath/conf.d/x.conf", "overrides {\n"}};
  auto r = ParseConfig(sources);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "/etc/multipath/conf.d/x.conf:1: section \"overrides\" is not closed: missing \"}\"");
}

}  // namespace
}  // namespace mpx
