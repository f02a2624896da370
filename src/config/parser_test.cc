#include "config/parser.h"

#include <gtest/gtest.h>

#include "config/resolve.h"

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

// The value that applies to a map of WWID 36001 on an ACME X device, printed
// as the reference's `multipath -t` prints it.
std::string EffectiveText(const Config& c, Opt opt) {
  Selection s(c, DeviceIdentity{"ACME", "X", "1", "scsi:fcp"}, "36001");
  return FormatValue(KeywordFor(opt), s.Get(opt).value);
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
  EXPECT_EQ(Num(d, Opt::kPathGroupingPolicy), static_cast<int64_t>(GroupingPolicy::kGroupByPrio));
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

// One mistake each, as tests/reference/config_cases.txt has them: the exact
// warnings (after "multipath.conf:") and the value that applies afterwards,
// which is the reference 0.9.4's (tests/reference/config_results.txt) except
// where it keeps a garbage value: there mpx keeps the earlier value or the
// default.
struct MistakeCase {
  const char* text;
  std::vector<std::string> warnings;
  Opt opt;
  const char* want;
};

const char kIgnoredNumber[] = " (expected a number from 0 to 4294967295); ignored";

const MistakeCase kMistakes[] = {
    // Numbers.
    {"defaults {\n polling_interval abc\n}\n",
     {std::string("2: invalid value for polling_interval: \"abc\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval -1\n}\n",
     {std::string("2: invalid value for polling_interval: \"-1\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval 10x\n}\n",
     {std::string("2: invalid value for polling_interval: \"10x\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval 4294967296\n}\n",
     {std::string("2: invalid value for polling_interval: \"4294967296\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval +5\n}\n",
     {std::string("2: invalid value for polling_interval: \"+5\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval \"\"\n}\n",
     {std::string("2: invalid value for polling_interval: \"\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval 7\n polling_interval abc\n}\n",
     {"3: duplicate keyword: polling_interval",
      std::string("3: invalid value for polling_interval: \"abc\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n polling_interval 0\n}\n", {}, Opt::kPollingInterval, "0"},
    {"defaults {\n polling_interval 2147483648\n}\n", {}, Opt::kPollingInterval, "2147483648"},
    {"defaults {\n polling_interval 007\n}\n", {}, Opt::kPollingInterval, "7"},
    {"defaults {\n polling_interval \" 7 \"\n}\n", {}, Opt::kPollingInterval, "7"},
    {"defaults {\n failback 0\n}\n", {}, Opt::kFailback, "\"manual\""},
    {"defaults {\n failback -5\n}\n",
     {"2: value for failback too small, capping at 0"},
     Opt::kFailback,
     "\"manual\""},
    {"defaults {\n failback abc\n}\n",
     {"2: invalid value for failback: \"abc\" (expected manual, immediate, followover or a number "
      "from 0 to 2147483647); ignored"},
     Opt::kFailback,
     "\"manual\""},
    {"defaults {\n failback 10x\n}\n",
     {"2: invalid value for failback: \"10x\" (expected manual, immediate, followover or a number "
      "from 0 to 2147483647); ignored"},
     Opt::kFailback,
     "\"manual\""},
    {"defaults {\n failback 99999999999\n}\n",
     {"2: value for failback too large, capping at 2147483647"},
     Opt::kFailback,
     "2147483647"},
    {"defaults {\n failback 99999999999999999999999\n}\n",
     {"2: value for failback too large, capping at 2147483647"},
     Opt::kFailback,
     "2147483647"},
    {"defaults {\n failback -99999999999999999999999\n}\n",
     {"2: value for failback too small, capping at 0"},
     Opt::kFailback,
     "\"manual\""},
    {"defaults {\n failback 10\n failback 0\n}\n",
     {"3: duplicate keyword: failback"},
     Opt::kFailback,
     "\"manual\""},  // 0 unsets the earlier value
    {"defaults {\n failback 10\n failback -5\n}\n",
     {"3: duplicate keyword: failback", "3: value for failback too small, capping at 0"},
     Opt::kFailback,
     "\"manual\""},
    {"devices {\n device {\n  vendor ACME\n  product X\n  failback immediate\n }\n}\n"
     "overrides {\n failback 0\n}\n",
     {},
     Opt::kFailback,
     "\"immediate\""},  // an unset override lets the device's value through
    {"defaults {\n failback +5\n}\n", {}, Opt::kFailback, "5"},
    {"defaults {\n failback \" 7 \"\n}\n", {}, Opt::kFailback, "7"},
    {"defaults {\n no_path_retry -2\n}\n",
     {"2: value for no_path_retry too small, capping at 1"},
     Opt::kNoPathRetry,
     "1"},
    {"defaults {\n no_path_retry 00\n}\n",
     {"2: value for no_path_retry too small, capping at 1"},
     Opt::kNoPathRetry,
     "1"},
    {"defaults {\n no_path_retry 0\n}\n", {}, Opt::kNoPathRetry, "\"fail\""},
    {"defaults {\n no_path_retry abc\n}\n",
     {"2: invalid value for no_path_retry: \"abc\" (expected fail, queue, 0 or a number from 1 to "
      "2147483647); ignored"},
     Opt::kNoPathRetry,
     "\"fail\""},
    {"defaults {\n no_path_retry Queue\n}\n",
     {"2: invalid value for no_path_retry: \"Queue\" (expected fail, queue, 0 or a number from 1 "
      "to 2147483647); ignored"},
     Opt::kNoPathRetry,
     "\"fail\""},
    {"defaults {\n no_path_retry 99999999999\n}\n",
     {"2: value for no_path_retry too large, capping at 2147483647"},
     Opt::kNoPathRetry,
     "2147483647"},
    {"defaults {\n no_path_retry 5\n no_path_retry abc\n}\n",
     {"3: duplicate keyword: no_path_retry",
      "3: invalid value for no_path_retry: \"abc\" (expected fail, queue, 0 or a number from 1 to "
      "2147483647); ignored"},
     Opt::kNoPathRetry,
     "5"},
    {"defaults {\n no_path_retry +5\n}\n", {}, Opt::kNoPathRetry, "5"},
    {"defaults {\n rr_min_io_rq 0\n}\n", {}, Opt::kRrMinIoRq, "1"},
    {"defaults {\n rr_min_io_rq -3\n}\n",
     {"2: value for rr_min_io_rq too small, capping at 0"},
     Opt::kRrMinIoRq,
     "1"},
    {"defaults {\n rr_min_io_rq abc\n}\n",
     {"2: invalid value for rr_min_io_rq: \"abc\" (expected a number from 0 to 2147483647); "
      "ignored"},
     Opt::kRrMinIoRq,
     "1"},
    {"defaults {\n rr_min_io_rq 2147483648\n}\n",
     {"2: value for rr_min_io_rq too large, capping at 2147483647"},
     Opt::kRrMinIoRq,
     "2147483647"},
    {"defaults {\n rr_min_io_rq 5\n rr_min_io_rq 0\n}\n",
     {"3: duplicate keyword: rr_min_io_rq"},
     Opt::kRrMinIoRq,
     "1"},
    {"defaults {\n find_multipaths_timeout abc\n}\n",
     {"2: invalid value for find_multipaths_timeout: \"abc\" (expected a number from -2147483648 "
      "to 2147483647); ignored"},
     Opt::kFindMultipathsTimeout,
     "-10"},
    {"defaults {\n find_multipaths_timeout 99999999999\n}\n",
     {"2: value for find_multipaths_timeout too large, capping at 2147483647"},
     Opt::kFindMultipathsTimeout,
     "2147483647"},
    {"defaults {\n find_multipaths_timeout -99999999999\n}\n",
     {"2: value for find_multipaths_timeout too small, capping at -2147483648"},
     Opt::kFindMultipathsTimeout,
     "-2147483648"},
    {"defaults {\n find_multipaths_timeout 5\n find_multipaths_timeout 0\n}\n",
     {"3: duplicate keyword: find_multipaths_timeout"},
     Opt::kFindMultipathsTimeout,
     "-10"},
    {"defaults {\n find_multipaths_timeout -5\n}\n", {}, Opt::kFindMultipathsTimeout, "-5"},
    {"devices {\n device {\n  vendor ACME\n  product X\n  find_multipaths_timeout 5\n }\n}\n",
     {"5: invalid keyword in the device section: find_multipaths_timeout"},
     Opt::kFindMultipathsTimeout,
     "-10"},
    // Names.
    {"defaults {\n path_grouping_policy sideways\n}\n",
     {"2: invalid value for path_grouping_policy: \"sideways\" (expected failover, multibus, "
      "group_by_serial, group_by_prio or group_by_node_name); ignored"},
     Opt::kPathGroupingPolicy,
     "\"failover\""},
    {"defaults {\n path_grouping_policy multibus\n path_grouping_policy Multibus\n}\n",
     {"3: duplicate keyword: path_grouping_policy",
      "3: invalid value for path_grouping_policy: \"Multibus\" (expected failover, multibus, "
      "group_by_serial, group_by_prio or group_by_node_name); ignored"},
     Opt::kPathGroupingPolicy,
     "\"multibus\""},
    {"devices {\n device {\n  vendor ACME\n  product X\n  path_grouping_policy sideways\n }\n}\n",
     {"5: invalid value for path_grouping_policy: \"sideways\" (expected failover, multibus, "
      "group_by_serial, group_by_prio or group_by_node_name); ignored"},
     Opt::kPathGroupingPolicy,
     "\"failover\""},
    {"overrides {\n path_grouping_policy 2\n}\n",
     {"2: invalid value for path_grouping_policy: \"2\" (expected failover, multibus, "
      "group_by_serial, group_by_prio or group_by_node_name); ignored"},
     Opt::kPathGroupingPolicy,
     "\"failover\""},
    {"multipaths {\n multipath {\n  wwid 36001\n  path_grouping_policy \"\"\n }\n}\n",
     {"4: invalid value for path_grouping_policy: \"\" (expected failover, multibus, "
      "group_by_serial, group_by_prio or group_by_node_name); ignored"},
     Opt::kPathGroupingPolicy,
     "\"failover\""},
    {"defaults {\n rr_weight foo\n}\n",
     {"2: invalid value for rr_weight: \"foo\" (expected uniform or priorities); ignored"},
     Opt::kRrWeight,
     "\"uniform\""},
    {"defaults {\n user_friendly_names true\n}\n",
     {"2: invalid value for user_friendly_names: \"true\" (expected yes, no, 1 or 0); ignored"},
     Opt::kUserFriendlyNames,
     "\"no\""},
    {"defaults {\n user_friendly_names \" yes\"\n}\n",
     {"2: invalid value for user_friendly_names: \" yes\" (expected yes, no, 1 or 0); ignored"},
     Opt::kUserFriendlyNames,
     "\"no\""},
    {"defaults {\n user_friendly_names 1\n}\n", {}, Opt::kUserFriendlyNames, "\"yes\""},
    {"multipaths {\n multipath {\n  wwid 36001\n  user_friendly_names maybe\n }\n}\n",
     {"4: invalid value for user_friendly_names: \"maybe\" (expected yes, no, 1 or 0); ignored"},
     Opt::kUserFriendlyNames,
     "\"no\""},
    {"defaults {\n retain_attached_hw_handler maybe\n}\n",
     {"2: invalid value for retain_attached_hw_handler: \"maybe\" (expected yes, no, 1 or 0); "
      "ignored"},
     Opt::kRetainAttachedHwHandler,
     "\"yes\""},
    {"defaults {\n detect_prio maybe\n}\n",
     {"2: invalid value for detect_prio: \"maybe\" (expected yes, no, 1 or 0); ignored"},
     Opt::kDetectPrio,
     "\"yes\""},
    {"defaults {\n find_multipaths bogus\n}\n",
     {"2: invalid value for find_multipaths: \"bogus\" (expected off, on, strict, greedy, smart, "
      "no, 0, yes or 1); ignored"},
     Opt::kFindMultipaths,
     "\"strict\""},
    {"defaults {\n find_multipaths smart\n find_multipaths bogus\n}\n",
     {"3: duplicate keyword: find_multipaths",
      "3: invalid value for find_multipaths: \"bogus\" (expected off, on, strict, greedy, smart, "
      "no, 0, yes or 1); ignored"},
     Opt::kFindMultipaths,
     "\"smart\""},
    {"defaults {\n find_multipaths Smart\n}\n",
     {"2: invalid value for find_multipaths: \"Smart\" (expected off, on, strict, greedy, smart, "
      "no, 0, yes or 1); ignored"},
     Opt::kFindMultipaths,
     "\"strict\""},
    {"defaults {\n find_multipaths 1\n}\n", {}, Opt::kFindMultipaths, "\"on\""},
    // Argument counts.
    {"defaults {\n path_selector \"round-robin\"\n}\n",
     {"2: missing argument count for path_selector: \"round-robin\"; ignored"},
     Opt::kPathSelector,
     "\"service-time 0\""},
    {"defaults {\n path_selector \"\"\n}\n",
     {"2: missing argument count for path_selector: \"\"; ignored"},
     Opt::kPathSelector,
     "\"service-time 0\""},
    {"defaults {\n path_selector \"round-robin 2 x\"\n}\n",
     {"2: invalid argument count for path_selector: \"round-robin 2 x\" (got 2, expected 1); "
      "ignored"},
     Opt::kPathSelector,
     "\"service-time 0\""},
    {"defaults {\n path_selector \"round-robin 1\"\n}\n",
     {"2: invalid argument count for path_selector: \"round-robin 1\" (got 1, expected 0); "
      "ignored"},
     Opt::kPathSelector,
     "\"service-time 0\""},
    {"defaults {\n path_selector \"sideways 0\"\n}\n", {}, Opt::kPathSelector, "\"sideways 0\""},
    {"defaults {\n path_selector \"  round-robin   0  \"\n}\n",
     {},
     Opt::kPathSelector,
     "\"  round-robin   0  \""},
    {"defaults {\n path_selector \"round-robin -0\"\n}\n",
     {},
     Opt::kPathSelector,
     "\"round-robin -0\""},
    {"defaults {\n features \"queue_if_no_path\"\n}\n",
     {"2: missing argument count for features: \"queue_if_no_path\"; ignored"},
     Opt::kFeatures,
     "\"0\""},
    {"defaults {\n features \"-1\"\n}\n",
     {"2: missing argument count for features: \"-1\"; ignored"},
     Opt::kFeatures,
     "\"0\""},
    {"defaults {\n features \"1x queue_if_no_path\"\n}\n",
     {"2: missing argument count for features: \"1x queue_if_no_path\"; ignored"},
     Opt::kFeatures,
     "\"0\""},
    {"defaults {\n features \"1 pg_init_retries 50\"\n}\n",
     {"2: invalid argument count for features: \"1 pg_init_retries 50\" (got 1, expected 2); "
      "ignored"},
     Opt::kFeatures,
     "\"0\""},
    {"defaults {\n features \"0 extra\"\n}\n",
     {"2: invalid argument count for features: \"0 extra\" (got 0, expected 1); ignored"},
     Opt::kFeatures,
     "\"0\""},
    {"defaults {\n features \"1 queue_if_no_path\"\n features \"2 queue_if_no_path\"\n}\n",
     {"3: duplicate keyword: features",
      "3: invalid argument count for features: \"2 queue_if_no_path\" (got 2, expected 1); "
      "ignored"},
     Opt::kFeatures,
     "\"1 queue_if_no_path\""},
    {"defaults {\n features \"+1 queue_if_no_path\"\n}\n",
     {},
     Opt::kFeatures,
     "\"+1 queue_if_no_path\""},
    {"defaults {\n features \"  1\tqueue_if_no_path  \"\n}\n",
     {},
     Opt::kFeatures,
     "\"  1\tqueue_if_no_path  \""},
    {"devices {\n device {\n  vendor ACME\n  product X\n  hardware_handler \"alua\"\n }\n}\n",
     {"5: missing argument count for hardware_handler: \"alua\"; ignored"},
     Opt::kHardwareHandler,
     "\"0\""},
    {"devices {\n device {\n  vendor ACME\n  product X\n  hardware_handler \"2 alua\"\n }\n}\n",
     {"5: invalid argument count for hardware_handler: \"2 alua\" (got 2, expected 1); ignored"},
     Opt::kHardwareHandler,
     "\"0\""},
    {"devices {\n device {\n  vendor ACME\n  product X\n  hardware_handler \"\"\n }\n}\n",
     {"5: missing argument count for hardware_handler: \"\"; ignored"},
     Opt::kHardwareHandler,
     "\"0\""},
    // Text is taken as it is.
    {"defaults {\n uid_attribute \"\"\n}\n", {}, Opt::kUidAttribute, "\"\""},
    {"defaults {\n path_checker nonsense\n}\n", {}, Opt::kPathChecker, "\"nonsense\""},
    {"defaults {\n prio nonsense\n}\n", {}, Opt::kPrio, "\"nonsense\""},
    {"defaults {\n alias_prefix \"\"\n}\n", {}, Opt::kAliasPrefix, "\"\""},
    {"multipaths {\n multipath {\n  wwid 36001\n  alias \"\"\n }\n}\n", {}, Opt::kAlias, "\"\""},
    // A brace where a value belongs is the value.
    {"defaults {\n alias_prefix }\n}\n", {}, Opt::kAliasPrefix, "\"}\""},
    {"defaults {\n alias_prefix {\n polling_interval 7\n}\n", {}, Opt::kPollingInterval, "7"},
    {"defaults {\n polling_interval }\n}\n",
     {std::string("2: invalid value for polling_interval: \"}\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    // Keywords in the wrong place.
    {"defaults {\n hardware_handler \"1 alua\"\n}\n",
     {"2: invalid keyword in the defaults section: hardware_handler"},
     Opt::kHardwareHandler,
     "\"0\""},
    {"overrides {\n polling_interval 7\n}\n",
     {"2: invalid keyword in the overrides section: polling_interval"},
     Opt::kPollingInterval,
     "5"},
    {"multipaths {\n multipath {\n  wwid 36001\n  path_checker readsector0\n }\n}\n",
     {"4: invalid keyword in the multipath section: path_checker"},
     Opt::kPathChecker,
     "\"tur\""},
    {"defaults {\n bogus 1\n polling_interval 7\n}\n",
     {"2: invalid keyword in the defaults section: bogus"},
     Opt::kPollingInterval,
     "7"},
    {"nonsense here\n", {"1: invalid keyword: nonsense"}, Opt::kPollingInterval, "5"},
    {"defaults {\n \"polling_interval\" 7\n}\n",
     {"2: invalid keyword in the defaults section: \"polling_interval\""},
     Opt::kPollingInterval,
     "5"},
    // Missing values and quotes.
    {"defaults {\n polling_interval\n user_friendly_names yes\n}\n",
     {"2: missing value for polling_interval; ignored"},
     Opt::kUserFriendlyNames,
     "\"yes\""},
    {"defaults {\n alias_prefix \"abc def\n polling_interval 7\n}\n",
     {"2: missing closing quote; the string runs to the end of the line"},
     Opt::kAliasPrefix,
     "\"abc def\""},
    {"defaults {\n alias_prefix \"abc }\n}\n",
     {"2: missing closing quote; the string runs to the end of the line"},
     Opt::kAliasPrefix,
     "\"abc }\""},
    {"defaults {\n polling_interval \"7\"\n}\n", {}, Opt::kPollingInterval, "7"},
    // Braces.
    {"defaults\n polling_interval 7\n}\n",
     {"1: missing \"{\" after defaults; the section opens all the same"},
     Opt::kPollingInterval,
     "7"},
    {"defaults\n{\n polling_interval 7\n}\n",
     {"1: missing \"{\" after defaults; the section opens all the same",
      "2: invalid keyword \"{\" (no section name before it); line ignored"},
     Opt::kPollingInterval,
     "7"},
    {"defaults foo {\n polling_interval 7\n}\n",
     {"1: expecting \"{\" after defaults, found \"foo\"; the section opens all the same"},
     Opt::kPollingInterval,
     "7"},
    {"defaults }\n polling_interval 7\n}\n",
     {"1: expecting \"{\" after defaults, found \"}\"; the section opens all the same"},
     Opt::kPollingInterval,
     "7"},
    {"}\ndefaults {\n polling_interval 7\n}\n",
     {"1: unmatched \"}\"; ignored"},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n polling_interval 7\n",
     {"1: section \"defaults\" is not closed: missing \"}\" at the end of the file (what it holds "
      "up to there counts)"},
     Opt::kPollingInterval,
     "7"},
    {"{\ndefaults {\n polling_interval 7\n}\n",
     {"1: invalid keyword \"{\" (no section name before it); line ignored"},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n { polling_interval 7\n user_friendly_names yes\n}\n",
     {"2: invalid keyword \"{\" (no section name before it); line ignored"},
     Opt::kPollingInterval,
     "5"},
    {"defaults {\n polling_interval 7 }\n user_friendly_names yes\n}\n",
     {"2: ignoring extra data starting with \"}\""},
     Opt::kUserFriendlyNames,
     "\"yes\""},
    {"defaults {\n polling_interval 7 extra\n}\n",
     {"2: ignoring extra data starting with \"extra\""},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n polling_interval abc extra\n}\n",
     {"2: ignoring extra data starting with \"extra\"",
      std::string("2: invalid value for polling_interval: \"abc\"") + kIgnoredNumber},
     Opt::kPollingInterval,
     "5"},
    {"defaults { trailing\n polling_interval 7\n}\n",
     {"1: ignoring extra data starting with \"trailing\""},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n polling_interval 7\n} user_friendly_names yes\n",
     {"3: ignoring extra data starting with \"user_friendly_names\""},
     Opt::kUserFriendlyNames,
     "\"no\""},
    // One-line sections: the brace opens, the rest of the line goes, and the
    // section runs to the end of the file.
    {"defaults { user_friendly_names yes }\n",
     {"1: ignoring extra data starting with \"user_friendly_names\"",
      "1: section \"defaults\" is not closed: missing \"}\" at the end of the file (what it holds "
      "up to there counts)"},
     Opt::kUserFriendlyNames,
     "\"no\""},
    {"defaults {}\n",
     {"1: ignoring extra data starting with \"}\"",
      "1: section \"defaults\" is not closed: missing \"}\" at the end of the file (what it holds "
      "up to there counts)"},
     Opt::kUserFriendlyNames,
     "\"no\""},
    // Unknown sections: the name is an invalid keyword; the lines after it
    // belong to the section around it, and its "}" closes that one.
    {"junk {\n polling_interval 7\n}\ndefaults {\n user_friendly_names yes\n}\n",
     {"1: invalid keyword: junk", "2: invalid keyword: polling_interval",
      "3: unmatched \"}\"; ignored"},
     Opt::kUserFriendlyNames,
     "\"yes\""},
    {"defaults {\n junk {\n  polling_interval 7\n }\n user_friendly_names yes\n}\n",
     {"2: invalid keyword in the defaults section: junk", "5: invalid keyword: user_friendly_names",
      "6: unmatched \"}\"; ignored"},
     Opt::kPollingInterval,
     "7"},
    {"junk {\n defaults {\n  polling_interval 7\n }\n}\n",
     {"1: invalid keyword: junk", "5: unmatched \"}\"; ignored"},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n multipath {\n  wwid 3600\n }\n polling_interval 7\n}\n",
     {"2: invalid keyword in the defaults section: multipath",
      "3: invalid keyword in the defaults section: wwid", "5: invalid keyword: polling_interval",
      "6: unmatched \"}\"; ignored"},
     Opt::kPollingInterval,
     "5"},
    {"\"defaults {\n polling_interval 7\n}\n",
     {"1: missing closing quote; the string runs to the end of the line",
      "1: invalid keyword: \"defaults {\"", "2: invalid keyword: polling_interval",
      "3: unmatched \"}\"; ignored"},
     Opt::kPollingInterval,
     "5"},
    // Per-protocol overrides: only the three transport timeouts, only for their protocol.
    {"overrides {\n protocol {\n  type scsi:fcp\n  no_path_retry 5\n }\n no_path_retry 3\n}\n",
     {"4: invalid keyword in the protocol section: no_path_retry"},
     Opt::kNoPathRetry,
     "3"},
    {"overrides {\n fast_io_fail_tmo 8\n protocol {\n  type scsi:fcp\n  fast_io_fail_tmo 10\n }\n"
     " protocol {\n  type scsi:iscsi\n  fast_io_fail_tmo 12\n }\n}\n",
     {},
     Opt::kFastIoFailTmo,
     "10"},
    {"overrides {\n fast_io_fail_tmo 8\n protocol {\n  type scsi:sas\n  fast_io_fail_tmo 10\n "
     "}\n}\n",
     {},
     Opt::kFastIoFailTmo,
     "8"},
    {"overrides {\n protocol {\n  type scsi:fcp\n  dev_loss_tmo 10\n }\n protocol {\n  type "
     "scsi:fcp\n  dev_loss_tmo 20\n }\n}\n",
     {},
     Opt::kDevLossTmo,
     "20"},
    {"overrides {\n protocol {\n  dev_loss_tmo 10\n }\n protocol {\n  type fc\n  dev_loss_tmo "
     "20\n }\n}\n",
     {"2: protocol section missing type; ignored",
      "6: invalid value for type: \"fc\" (expected scsi:fcp, scsi:spi, scsi:ssa, scsi:sbp, "
      "scsi:srp, scsi:iscsi, scsi:sas, scsi:adt, scsi:ata, scsi:unspec, nvme:pcie, nvme:rdma, "
      "nvme:fc, nvme:tcp, nvme:loop, nvme:apple-nvme, nvme:unspec, ccw, cciss or undef); ignored",
      "5: protocol section missing type; ignored"},
     Opt::kDevLossTmo,
     "\"\""},
    // Deprecated keywords: told once a run; ignored, or used.
    {"defaults {\n multipath_dir /lib\n config_dir /etc/x\n multipath_dir /lib\n"
     " bindings_file /b\n getuid_callout x\n}\ndevices {\n device {\n  vendor ACME\n  product X\n"
     "  getuid_callout y\n  pg_timeout 5\n }\n}\n",
     {"2: ignoring deprecated option \"multipath_dir\"",
      "3: ignoring deprecated option \"config_dir\"",
      "5: \"bindings_file\" is deprecated and will be disabled in a future release",
      "6: ignoring deprecated option \"getuid_callout\"",
      "13: ignoring deprecated option \"pg_timeout\""},
     Opt::kBindingsFile,
     "\"/b\""},
    {"multipaths {\n multipath {\n  wwid 36001\n  getuid_callout x\n }\n}\n",
     {"4: invalid keyword in the multipath section: getuid_callout"},
     Opt::kWwid,
     "\"36001\""},
    // Derived defaults.
    {"defaults {\n polling_interval 7\n}\n", {}, Opt::kMaxPollingInterval, "28"},
    {"defaults {\n max_polling_interval 3\n}\n", {}, Opt::kPollingInterval, "1"},
    {"defaults {\n max_polling_interval 40\n}\n", {}, Opt::kPollingInterval, "10"},
    {"defaults {\n polling_interval 0\n}\n", {}, Opt::kMaxPollingInterval, "0"},
    {"defaults {\n polling_interval 4294967295\n}\n", {}, Opt::kMaxPollingInterval, "4294967295"},
    {"defaults {\n polling_interval 10\n max_polling_interval 5\n}\n",
     {},
     Opt::kPollingInterval,
     "10"},
    // The same device twice in one file.
    {"devices {\n device {\n  vendor ACME\n  product X\n  failback 3\n }\n device {\n  vendor "
     "ACME\n  product X\n  failback 4\n }\n}\n",
     {"7: duplicate device section for \"ACME\" \"X\" (also at multipath.conf:2); merged, later "
      "settings win"},
     Opt::kFailback,
     "4"},
    {"devices {\n device {\n  vendor ACME\n  product X\n  revision 1\n }\n device {\n  vendor "
     "ACME\n  product X\n  failback 4\n }\n}\n",
     {},
     Opt::kFailback,
     "4"},
    {"defaults {\n protocol {\n  type scsi:fcp\n }\n no_path_retry 3\n}\n",
     {"2: invalid keyword in the defaults section: protocol",
      "3: invalid keyword in the defaults section: type", "5: invalid keyword: no_path_retry",
      "6: unmatched \"}\"; ignored"},
     Opt::kNoPathRetry,
     "\"fail\""},
    // Duplicates.
    {"defaults {\n polling_interval 6\n polling_interval 7\n}\n",
     {"3: duplicate keyword: polling_interval"},
     Opt::kPollingInterval,
     "7"},
    {"defaults {\n polling_interval 6\n}\ndefaults {\n user_friendly_names yes\n}\n",
     {"4: duplicate keyword: defaults"},
     Opt::kPollingInterval,
     "6"},
    {"defaults {\n polling_interval 6\n}\ndefaults {\n polling_interval 7\n}\n",
     {"4: duplicate keyword: defaults"},
     Opt::kPollingInterval,
     "7"},
    {"multipaths {\n multipath {\n  wwid 36001\n  alias a\n  alias b\n }\n}\n",
     {"5: duplicate keyword: alias"},
     Opt::kAlias,
     "\"b\""},
    {"multipaths {\n multipath {\n  wwid 36001\n  alias a\n }\n multipath {\n  wwid 36001\n"
     "  alias b\n }\n}\n",
     {"6: duplicate multipath section for \"36001\" (also at multipath.conf:2); later settings "
      "win"},
     Opt::kAlias,
     "\"b\""},
};

TEST_F(ParserTest, MistakesAsTheReference) {
  for (const MistakeCase& c : kMistakes) {
    auto r = ParseConfig(c.text, "multipath.conf");
    ASSERT_TRUE(r.ok()) << c.text << r.error().message;
    std::vector<std::string> want;
    for (const std::string& w : c.warnings) want.push_back("multipath.conf:" + w);
    EXPECT_EQ(r->warnings, want) << c.text;
    EXPECT_EQ(EffectiveText(r->config, c.opt), c.want) << c.text;
  }
}

TEST_F(ParserTest, EntriesKeptDroppedOrNeverMatching) {
  // An unclosed device at the end of the file still counts; one warning per file.
  auto p = Parse("devices {\n device {\n  vendor ACME\n  product X\n");
  EXPECT_EQ(p.warnings, (std::vector<std::string>{
                            "multipath.conf:2: section \"device\" is not closed: missing \"}\" at "
                            "the end of the file (what it holds up to there counts)"}));
  ASSERT_EQ(p.config.devices.size(), 1u);
  EXPECT_TRUE(p.config.devices[0].Matches("ACME", "X", ""));

  // A one-line device opens, loses the rest of its line, and takes the next
  // device's lines: the reference ends up with FOO/Y only.
  p = Parse(
      "devices {\n device { vendor ACME product X }\n device {\n  vendor FOO\n"
      "  product Y\n }\n}\n");
  EXPECT_EQ(p.warnings, (std::vector<std::string>{
                            "multipath.conf:2: ignoring extra data starting with \"vendor\"",
                            "multipath.conf:3: invalid keyword in the device section: device"}));
  ASSERT_EQ(p.config.devices.size(), 1u);
  EXPECT_EQ(Text(p.config.devices[0].options, Opt::kVendor), "FOO");

  // A bad regex keeps the entry (it is printed) but it matches nothing.
  p = Parse("devices {\n device {\n  vendor \"AC(ME\"\n  product X\n }\n}\n");
  EXPECT_EQ(p.warnings, (std::vector<std::string>{
                            "multipath.conf:3: invalid regular expression for vendor: \"AC(ME\": "
                            "Unmatched ( or \\(; this device section never matches"}));
  ASSERT_EQ(p.config.devices.size(), 1u);
  EXPECT_TRUE(p.config.devices[0].never_matches);
  EXPECT_FALSE(p.config.devices[0].Matches("AC(ME", "X", ""));
  p = Parse("devices {\n device {\n  vendor ACME\n  product X\n  revision \"[\"\n }\n}\n");
  ASSERT_EQ(p.config.devices.size(), 1u);
  EXPECT_FALSE(p.config.devices[0].Matches("ACME", "X", "["));
  // Repetitions glibc takes are fine.
  p = Parse("devices {\n device {\n  vendor ACME\n  product \"LUN++Z\"\n }\n}\n");
  EXPECT_TRUE(p.warnings.empty());
  ASSERT_EQ(p.config.devices.size(), 1u);
  EXPECT_TRUE(p.config.devices[0].Matches("ACME", "LUNNZ", ""));

  p = Parse(
      "devices {\n device {\n  vendor ACME\n  product\n }\n}\n"
      "multipaths {\n multipath {\n  wwid\n }\n multipath {\n  wwid \"\"\n }\n}\n"
      "blacklist {\n devnode\n device {\n }\n device {\n  vendor ACME\n }\n}\n");
  EXPECT_EQ(p.warnings,
            (std::vector<std::string>{
                "multipath.conf:4: missing value for product; ignored",
                "multipath.conf:2: device section missing vendor or product; ignored",
                "multipath.conf:9: missing value for wwid; ignored",
                "multipath.conf:8: multipath section missing wwid; ignored",
                "multipath.conf:16: missing value for devnode; ignored",
                "multipath.conf:17: blacklist device section without vendor or product; ignored",
            }));
  EXPECT_TRUE(p.config.devices.empty());
  ASSERT_EQ(p.config.multipaths.size(), 1u);  // wwid "" is a wwid to the reference
  EXPECT_TRUE(p.config.blacklist.items.empty());
  ASSERT_EQ(p.config.blacklist.devices.size(), 1u);
}

TEST_F(ParserTest, UnmatchedBraceAndUnknownKeywordsLeaveTheRest) {
  auto p = Parse(
      "defaults {\n polling_interval 7\n}\n}\ndevices {\n device {\n  vendor ACME\n"
      "  product X\n }\n}\nblacklist {\n bogus 1\n devnode \"^a\"\n devnode \"^a\"\n}\n"
      "devices {\n bogus 1\n}\n");
  EXPECT_EQ(p.warnings, (std::vector<std::string>{
                            "multipath.conf:4: unmatched \"}\"; ignored",
                            "multipath.conf:12: invalid keyword in the blacklist section: bogus",
                            "multipath.conf:16: duplicate keyword: devices",
                            "multipath.conf:17: invalid keyword in the devices section: bogus",
                        }));
  EXPECT_EQ(Num(p.config.defaults, Opt::kPollingInterval), 7);
  EXPECT_EQ(p.config.devices.size(), 1u);
  EXPECT_EQ(p.config.blacklist.items.size(), 2u);  // list entries are no duplicates
}

// The reference refuses to run only for a bad blacklist regex in
// multipath.conf, and for a bad product_blacklist anywhere.
TEST_F(ParserTest, Errors) {
  EXPECT_EQ(Error("defaults {\n user_friendly_names yes\n}\nblacklist {\n devnode \"sd[a-\"\n}\n"),
            "multipath.conf:5: invalid regular expression for devnode: \"sd[a-\": Unmatched [, "
            "[^, [:, [., or [=");
  EXPECT_EQ(Error("blacklist {\n wwid \"(\"\n}\n"),
            "multipath.conf:2: invalid regular expression for wwid: \"(\": Unmatched ( or \\(");
  EXPECT_EQ(Error("blacklist {\n property \"(\"\n}\n"),
            "multipath.conf:2: invalid regular expression for property: \"(\": Unmatched ( or \\(");
  EXPECT_EQ(Error("blacklist {\n protocol \"(\"\n}\n"),
            "multipath.conf:2: invalid regular expression for protocol: \"(\": Unmatched ( or \\(");
  EXPECT_EQ(Error("blacklist {\n devnode \"!(\"\n}\n"),
            "multipath.conf:2: invalid regular expression for devnode: \"!(\": Unmatched ( or \\(");
  EXPECT_EQ(Error("blacklist {\n device {\n  vendor \"(\"\n  product X\n }\n}\n"),
            "multipath.conf:3: invalid regular expression for vendor: \"(\": Unmatched ( or \\(");
  EXPECT_EQ(Error("blacklist_exceptions {\n device {\n  vendor X\n  product \"(\"\n }\n}\n"),
            "multipath.conf:4: invalid regular expression for product: \"(\": Unmatched ( or \\(");
  EXPECT_EQ(Error("devices {\n device {\n  vendor ACME\n  product X\n  product_blacklist \"[\"\n"
                  " }\n}\n"),
            "multipath.conf:5: invalid regular expression for product_blacklist: \"[\": Invalid "
            "regular expression");
  // product_blacklist puts the device's vendor in the blacklist too.
  EXPECT_EQ(Error("devices {\n device {\n  vendor \"(\"\n  product X\n  product_blacklist Y\n"
                  " }\n}\n"),
            "multipath.conf:3: invalid regular expression for vendor: \"(\": Unmatched ( or \\(, "
            "which product_blacklist needs");
  EXPECT_EQ(Parse("devices {\n device {\n  vendor ACME\n  product \"(\"\n  product_blacklist Y\n"
                  " }\n}\n")
                .warnings.size(),
            1u);
  EXPECT_EQ(Error("blacklist {\n devnode \"a++++++++++++++++++++\"\n}\n"),
            "multipath.conf:2: invalid regular expression for devnode: \"a++++++++++++++++++++\": "
            "too complex (about 2097151 nodes to compile, at most 65536)");
  // What glibc takes, the reference takes.
  auto p = Parse(
      "blacklist {\n devnode \"sd++a\"\n devnode \"a{2}{2}\"\n devnode \"a{1000}\"\n"
      " device {\n  vendor \"A++\"\n }\n}\n");
  EXPECT_TRUE(p.warnings.empty());
  EXPECT_EQ(p.config.blacklist.items.size(), 3u);
}

// A reservation_key the reference cannot read stops it in multipath.conf; in
// a conf.d file it drops only that line.
TEST_F(ParserTest, BadReservationKey) {
  EXPECT_EQ(Error("defaults {\n reservation_key 0x\n}\n"),
            "multipath.conf:2: invalid value for reservation_key: \"0x\" (expected file, or up to "
            "16 hex digits, 0x before them optional, :aptpl after them optional)");
  EXPECT_EQ(Error("multipaths {\n multipath {\n  wwid 1\n  reservation_key -7\n }\n}\n"),
            "multipath.conf:4: invalid value for reservation_key: \"-7\" (expected file, or up to "
            "16 hex digits, 0x before them optional, :aptpl after them optional)");
  std::vector<ConfigSource> sources = {
      {"/etc/multipath.conf", "", false},
      {"/etc/multipath/conf.d/a.conf", "defaults {\n reservation_key 0x\n polling_interval 9\n}\n",
       true}};
  auto r = ParseConfig(sources);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->warnings,
            (std::vector<std::string>{
                "/etc/multipath/conf.d/a.conf:2: invalid value for reservation_key: \"0x\" "
                "(expected file, or up to 16 hex digits, 0x before them optional, :aptpl after "
                "them optional); ignored"}));
  EXPECT_EQ(Num(r->config.defaults, Opt::kPollingInterval), 9);
  EXPECT_EQ(r->config.defaults.Get(Opt::kReservationKey), nullptr);
}

TEST_F(ParserTest, SourcesInOrderLaterWins) {
  std::vector<ConfigSource> sources = {
      {"/etc/multipath.conf",
       "defaults {\n polling_interval 3\n alias_prefix main\n}\n"
       "devices {\n device {\n  vendor A\n  product B\n }\n}\n",
       false},
      {"/etc/multipath/conf.d/a.conf", "defaults {\n alias_prefix a\n polling_interval 7\n}\n",
       true},
      {"/etc/multipath/conf.d/b.conf",
       "defaults {\n alias_prefix b\n}\ndevices {\n device {\n  vendor C\n  product D\n }\n}\n",
       true},
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

TEST_F(ParserTest, DropInsEndTheirOwnSectionsAndDropBadBlacklistEntries) {
  std::vector<ConfigSource> sources = {
      {"/etc/multipath.conf", "}\ndefaults {\n polling_interval 6\n}\n", false},
      {"/etc/multipath/conf.d/a.conf",
       "defaults {\n user_friendly_names yes\n}\nblacklist {\n devnode \"^a\"\n devnode \"(\"\n"
       " devnode \"^b\"\n device {\n  vendor \"(\"\n  product X\n }\n}\ndefaults {\n"
       " find_multipaths greedy\n",
       true},
      {"/etc/multipath/conf.d/b.conf", "defaults {\n rr_min_io_rq 5\n}\n", true},
  };
  auto r = ParseConfig(sources);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->warnings,
            (std::vector<std::string>{
                "/etc/multipath.conf:1: unmatched \"}\"; ignored",
                "/etc/multipath/conf.d/a.conf:6: invalid regular expression for devnode: \"(\": "
                "Unmatched ( or \\(; ignored",
                "/etc/multipath/conf.d/a.conf:9: invalid regular expression for vendor: \"(\": "
                "Unmatched ( or \\(; ignored",
                "/etc/multipath/conf.d/a.conf:13: duplicate keyword: defaults",
                "/etc/multipath/conf.d/a.conf:13: section \"defaults\" is not closed: missing "
                "\"}\" at the end of the file (what it holds up to there counts)",
            }));
  const Config& c = r->config;
  EXPECT_EQ(Num(c.defaults, Opt::kPollingInterval), 6);
  EXPECT_EQ(Num(c.defaults, Opt::kUserFriendlyNames), 1);
  EXPECT_EQ(Num(c.defaults, Opt::kFindMultipaths), static_cast<int64_t>(FindMultipaths::kGreedy));
  EXPECT_EQ(Num(c.defaults, Opt::kRrMinIoRq), 5);
  ASSERT_EQ(c.blacklist.items.size(), 2u);
  EXPECT_EQ(c.blacklist.items[1].pattern, "^b");
  ASSERT_EQ(c.blacklist.devices.size(), 1u);  // with its product only
  EXPECT_EQ(c.blacklist.devices[0].options.Get(Opt::kVendor), nullptr);

  // product_blacklist fails from a drop-in too.
  sources = {{"/etc/multipath/conf.d/a.conf",
              "devices {\n device {\n  vendor A\n  product B\n  product_blacklist \"[\"\n }\n}\n",
              true}};
  auto bad = ParseConfig(sources);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "/etc/multipath/conf.d/a.conf:5: invalid regular expression for product_blacklist: "
            "\"[\": Invalid regular expression");
}

TEST_F(ParserTest, StrictModeTurnsWarningsIntoErrors) {
  const ParseOptions strict{.strict = true};
  auto clean = ParseConfig("defaults {\n polling_interval 7\n}\n", "multipath.conf", strict);
  ASSERT_TRUE(clean.ok()) << clean.error().message;

  auto one = ParseConfig("defaults {\n polling_interval abc\n}\n", "multipath.conf", strict);
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().message,
            std::string("multipath.conf:2: invalid value for polling_interval: \"abc\"") +
                kIgnoredNumber);

  // Every problem, one per line, the error last.
  auto all = ParseConfig(
      "defaults { user_friendly_names yes\n find_multipaths bogus\n}\n"
      "blacklist {\n devnode \"(\"\n}\n",
      "multipath.conf", strict);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().message,
            "multipath.conf:1: ignoring extra data starting with \"user_friendly_names\"\n"
            "multipath.conf:2: invalid value for find_multipaths: \"bogus\" (expected off, on, "
            "strict, greedy, smart, no, 0, yes or 1); ignored\n"
            "multipath.conf:5: invalid regular expression for devnode: \"(\": Unmatched ( or \\(");

  // Without strict, the same text loads with its warnings, or fails on the error alone.
  auto lenient = ParseConfig("defaults { user_friendly_names yes\n find_multipaths bogus\n}\n",
                             "multipath.conf");
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->warnings.size(), 2u);
  auto fatal = ParseConfig(
      "defaults {\n find_multipaths bogus\n}\nblacklist {\n devnode \"(\"\n}\n", "multipath.conf");
  ASSERT_FALSE(fatal.ok());
  EXPECT_EQ(fatal.error().message,
            "multipath.conf:5: invalid regular expression for devnode: \"(\": Unmatched ( or \\(");
}

}  // namespace
}  // namespace mpx
